using Carbon.Domain.Access;
using Carbon.Domain.LandUse;
using Carbon.Domain.Registry;
using Carbon.Server.Configuration;
using Carbon.Server.Demo;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Hosting;

/// <summary>
/// In demo mode, once the silo serves grains and no parcel is registered: seven parcels through their grains, one of each
/// supply mode and stage — a 标准地 in production whose holder's 2025 tax falls short of its contract (waiting for the
/// official to record its review), one reviewed and passed, one under construction, one repossessed, and one held by the
/// demo filer's firm. The contracts' figures are set from each holder's own 2025 filings, so the outcomes hold.
/// </summary>
public sealed class DemoLandStartup(
    IHostApplicationLifetime lifetime, IOptions<CarbonOptions> options, IGrainFactory grains, LandReads reads, RegistryReads registry,
    ILogger<DemoLandStartup> log)
    : DemoSeedAfterStart(lifetime, options, log)
{
    private static readonly Caller Seed = Caller.System(DemoDistrict.Actor);

    protected override string What => "the parcels";

    protected override async Task SeedAsync()
    {
        if ((await reads.ListAsync()).Count > 0)
        {
            return;
        }
        var parks = (await registry.LoadRegistryAsync()).ToDictionary(r => r.Identity.Uscc, r => r.Identity.ParkCode, StringComparer.Ordinal);
        async Task<decimal> TaxPerMuAsync(string uscc, decimal mu) =>
            (await grains.Enterprise(Uscc.Parse(uscc)).GetFilingsAsync(2025, Seed)).Sum(f => f.TaxPaid) / mu;

        async Task RegisterAsync(string code, string name, int firm, decimal mu, SupplyMode supply, DateOnly granted, StandardLandObligations? obligations,
            params (ParcelEvent Event, DateOnly On, string Document, decimal? Investment, decimal? FloorAreaRatio)[] events)
        {
            var uscc = DemoDistrict.Uscc(firm);
            var park = parks.GetValueOrDefault(uscc);
            var answer = await grains.GetGrain<IParcelGrain>(code).RegisterAsync(new RegisterParcel(name,
                park is null ? ParcelLocationKind.VillageCluster : ParcelLocationKind.Park, park ?? "姜山镇工业集聚点", park, mu, "工业用地", supply,
                Uscc.Parse(uscc), granted, granted.AddYears(supply == SupplyMode.FlexibleTerm ? 20 : 50), obligations, $"甬鄞土供〔{granted.Year}〕{code}号（演示）",
                Seed));
            foreach (var e in events)
            {
                answer = await grains.GetGrain<IParcelGrain>(code).RecordAsync(new ParcelEventCommand(e.Event, e.On, e.Document, null, e.Investment,
                    e.FloorAreaRatio, null, e.Event == ParcelEvent.PassReview ? "2025 年达产复核：各项指标达标（演示）" : null, Seed));
            }
            if (answer.Result != ParcelResult.Done)
            {
                throw new InvalidOperationException($"{code}: {answer.Message}");
            }
        }

        (ParcelEvent, DateOnly, string, decimal?, decimal?) Step(ParcelEvent e, int year, int month, decimal? investment = null, decimal? far = null) =>
            (e, new DateOnly(year, month, 1), $"{e switch { ParcelEvent.Start => "施工许可", ParcelEvent.Complete => "竣工验收", ParcelEvent.Produce => "投产备案", ParcelEvent.PassReview => "达产复核", _ => "收回决定" }}（演示）",
                investment, far);
        StandardLandObligations Contract(decimal taxPerMu, int reviewYear) => new(300m, Math.Round(taxPerMu, 1), null, 1.2m, null,
            null, null, reviewYear, ["按差额支付违约金 liquidated damages", "取消用地优惠 incentives withdrawn", "收回土地使用权 repossession"]);

        // Breach: the contract asks a quarter more tax per 亩 than the holder paid in 2025.
        var breach = await TaxPerMuAsync(DemoDistrict.Uscc(2), 30m) * 1.25m;
        await RegisterAsync("YZ-2021-01", "标准地 2021-01 号", 2, 30m, SupplyMode.StandardLand, new DateOnly(2021, 3, 1), Contract(breach, 2025),
            Step(ParcelEvent.Start, 2021, 6), Step(ParcelEvent.Complete, 2022, 9, 30m * 420m, 1.6m), Step(ParcelEvent.Produce, 2023, 1));
        // Met: a fifth less than paid, reviewed and passed.
        var met = await TaxPerMuAsync(DemoDistrict.Uscc(3), 25m) * 0.8m;
        await RegisterAsync("YZ-2021-02", "标准地 2021-02 号", 3, 25m, SupplyMode.StandardLand, new DateOnly(2021, 5, 1), Contract(met, 2025),
            Step(ParcelEvent.Start, 2021, 8), Step(ParcelEvent.Complete, 2022, 12, 25m * 360m, 1.4m), Step(ParcelEvent.Produce, 2023, 3),
            Step(ParcelEvent.PassReview, 2026, 2));
        await RegisterAsync("YZ-2024-01", "标准地 2024-01 号", 4, 18m, SupplyMode.StandardLand, new DateOnly(2024, 4, 1), Contract(40m, 2028),
            Step(ParcelEvent.Start, 2024, 9));
        await RegisterAsync("YZ-2018-07", "弹性出让 2018-07 号", 5, 42m, SupplyMode.FlexibleTerm, new DateOnly(2018, 7, 1), null,
            Step(ParcelEvent.Start, 2018, 10), Step(ParcelEvent.Complete, 2019, 12), Step(ParcelEvent.Produce, 2020, 3));
        await RegisterAsync("JS-2020-11", "长期租赁 2020-11 号", 6, 12m, SupplyMode.LongLease, new DateOnly(2020, 11, 1), null);
        await RegisterAsync("YZ-2015-03", "带项目出让 2015-03 号", 7, 20m, SupplyMode.WithProject, new DateOnly(2015, 3, 1), null,
            Step(ParcelEvent.Repossess, 2024, 6));
        await RegisterAsync("YZ-2019-05", "先租后让 2019-05 号", 0, 26m, SupplyMode.LeaseThenGrant, new DateOnly(2019, 5, 1), null,
            Step(ParcelEvent.Start, 2019, 8), Step(ParcelEvent.Complete, 2020, 10), Step(ParcelEvent.Produce, 2021, 1));
        log.LogInformation("--demo: 7 parcels, one 标准地 short of its tax clause waiting for its 达产 review");
    }
}
