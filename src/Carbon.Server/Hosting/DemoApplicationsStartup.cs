using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Carbon.Server.Configuration;
using Carbon.Server.Demo;
using Carbon.Server.Factors;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Hosting;

/// <summary>
/// In demo mode, once the silo serves grains and the ledger holds no application yet: three GB/T 36132-2025
/// green-factory applications for last year, so that the queue shows each stage at once — one submitted, one verified
/// and awaiting the decision, one approved. They go through the grains like any application (graded from the ledger,
/// every step with actor and time), submitted and decided by the demo official.
/// </summary>
public sealed class DemoApplicationsStartup(
    IHostApplicationLifetime lifetime, IOptions<CarbonOptions> options, IGrainFactory grains, GreenFactoryReads reads, GreenFactoryCatalog catalog,
    ReportingClock clock, ILogger<DemoApplicationsStartup> log)
    : DemoSeedAfterStart(lifetime, options, log)
{
    private const string RuleSet = "gbt36132-2025";

    protected override string What => "the green-factory applications";

    protected override async Task SeedAsync()
    {
        if ((await reads.ListApplicationsAsync()).Count > 0 || !catalog.RuleSets.TryGetValue(RuleSet, out var rules))
        {
            return;
        }
        var official = Caller.Of("official", Role.DistrictOfficial);   // the demo official (DemoAccounts)
        var year = clock.Today.Year - 1;
        // Every basic requirement and qualitative item claimed with its evidence; the computed indicators come from the ledger.
        var answers = rules.Rules.Basic.Select(b => b.Id).Concat(rules.Rules.Items.Where(i => i.IsQualitative).Select(i => i.Id))
            .Select(id => new Answer(id, true, $"演示佐证材料 {id} (demo evidence)")).ToArray();
        string[] stages = ["submitted", "verifying", "approved"];
        for (var i = 0; i < stages.Length; i++)
        {
            var grain = grains.GetGrain<IGreenFactoryApplicationGrain>(Guid.NewGuid().ToString("N"));
            var outcome = await grain.SubmitAsync(new SubmitApplication(Uscc.Parse(DemoDistrict.Uscc(2 + i)), year, RuleSet, null, answers, official));
            if (outcome.Result != ApplicationResult.Ok || stages[i] == "submitted")
            {
                continue;
            }
            await grain.VerifyAsync(answers.Select(a => new Decision(a.Item, true, null)).ToArray(), official);
            if (stages[i] == "approved")
            {
                await grain.DecideAsync(true, "演示：核查通过 (demo)", official);
            }
        }
        log.LogInformation("--demo: three green-factory applications for {Year} (submitted, verifying, approved)", year);
    }
}
