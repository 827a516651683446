using Carbon.Domain.Access;
using Carbon.Domain.Policies;
using Carbon.Server.Configuration;
using Carbon.Server.Demo;
using Carbon.Server.Features.Policies;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Hosting;

/// <summary>
/// In demo mode, once the 亩均 runs exist and no policy is published: five policies (a class-A reward, a digital-upgrade
/// grant the demo filer's firm qualifies for and has not applied to, a green-factory reward, an R&amp;D reward for 专精特新
/// and high-tech firms, and last year's energy-saving reward, expired), applications for the class-A reward in each state, and the eligible firms told in their accounts.
/// </summary>
public sealed class DemoPolicyStartup(
    IHostApplicationLifetime lifetime, IOptions<CarbonOptions> options, IGrainFactory grains, PolicyReads reads, EvaluationReads evaluations,
    RegistryReads registry, PolicyService policies, ReportingClock clock, ILogger<DemoPolicyStartup> log)
    : DemoSeedAfterStart(lifetime, options, log)
{
    private static readonly Caller Seed = Caller.System(DemoDistrict.Actor);

    protected override string What => "the policies";

    protected override async Task SeedAsync()
    {
        if ((await reads.ListAsync()).Count > 0)
        {
            return;
        }
        for (var i = 0; i < 240 && (await evaluations.ListRunsAsync()).Count < 2; i++)
        {
            await Task.Delay(500);   // the class-A reward reads the 2025 run
        }
        var own = (await registry.FindEnterpriseAsync(DemoDistrict.Uscc(0)))!.Current;
        var year = clock.Today.Year;
        async Task PublishAsync(string id, string title, string document, DateOnly from, DateOnly to, Benefit benefit, params EligibilityRule[] rules)
        {
            var answer = await grains.GetGrain<IPolicyGrain>(id).PublishAsync(new PublishPolicy(title, document, from, to, benefit, rules, Seed));
            if (answer.Result != ProgrammeResult.Done)
            {
                throw new InvalidOperationException($"{id}: {answer.Message}");
            }
        }
        await PublishAsync("ZC-2026-01", "亩均效益A类企业奖励", "鄞经信〔2026〕8号（演示）", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31),
            new Benefit(30m, null, null, null), new EligibilityRule(RuleKind.ClassAtLeast, "A"), new EligibilityRule(RuleKind.NoOpenCases));
        await PublishAsync("ZC-2026-02", "工业企业数字化改造补助", "鄞经信〔2026〕12号（演示）", new DateOnly(year, 3, 1), new DateOnly(year, 12, 31),
            new Benefit(null, 0.05m, "tax-paid", 50m), new EligibilityRule(RuleKind.Scale, own.Scale),
            new EligibilityRule(RuleKind.Industry, Values: [own.IndustryCode is { Length: >= 3 } code ? code[..3] : "C"]),
            new EligibilityRule(RuleKind.Confirm, Text: "数字化改造项目已完成并通过验收"));
        await PublishAsync("ZC-2026-03", "绿色工厂奖励", "鄞经信〔2026〕15号（演示）", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31),
            new Benefit(20m, null, null, null), new EligibilityRule(RuleKind.GreenFactory));
        await PublishAsync("ZC-2026-04", "专精特新和高新技术企业研发奖励", "鄞经信〔2026〕21号（演示）", new DateOnly(year, 1, 1), new DateOnly(year, 12, 31),
            new Benefit(null, 0.10m, "tax-paid", 30m), new EligibilityRule(RuleKind.Designation, Values: ["specialized-sme", "little-giant", "high-tech"]),
            new EligibilityRule(RuleKind.NoOpenCases));
        await PublishAsync("ZC-2025-09", "节能降耗奖励（2025年度）", "鄞经信〔2025〕30号（演示）", new DateOnly(year - 1, 1, 1), new DateOnly(year - 1, 12, 31),
            new Benefit(null, 0.02m, "value-added", 20m), new EligibilityRule(RuleKind.IntensityReduction, AtLeast: 0.03m), new EligibilityRule(RuleKind.NoOpenCases));

        // The class-A reward: one application paid, one approved, one waiting.
        var eligible = (await policies.FindAsync("ZC-2026-01", Seed))!.Matches.Where(m => m.Status == EligibilityStatus.Eligible && m.Uscc.Value != DemoDistrict.Uscc(0))
            .Take(3).ToList();
        var steps = new[] { new[] { PolicyStep.Approved, PolicyStep.Paid }, [PolicyStep.Approved], [] };
        for (var i = 0; i < eligible.Count; i++)
        {
            var applied = await policies.ApplyAsync("ZC-2026-01", eligible[i].Uscc, true, Seed);
            foreach (var step in steps[i])
            {
                await grains.GetGrain<IPolicyGrain>("ZC-2026-01").RecordAsync(new PolicyApplicationCommand(applied.ApplicationId!, step, clock.Today,
                    step == PolicyStep.Paid ? "国库集中支付（演示）" : "材料齐全，同意（演示）", step == PolicyStep.Paid ? eligible[i].Amount : null, Seed));
            }
        }
        var told = await policies.NotifyAsync();
        log.LogInformation("--demo: 4 policies, {Applications} applications, {Messages} firms' accounts told of policies they qualify for", eligible.Count, told);
    }
}
