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
/// In demo mode, once the silo serves grains and no parcel is registered: nine parcels through their grains, one of each
/// supply mode and stage — a 标准地 in production whose holder's 2025 tax falls short of its contract (waiting for the
/// official to record its review), one reviewed and passed, one found in breach with a remedy enforced, one under
/// construction, one repossessed, one held by the demo filer's firm, one partly leased to another firm, and low-efficiency
/// land: one parcel being upgraded, one reclaimed (counted toward the 5 000 亩). The contracts' figures are set from each
/// holder's own 2025 filings, so the outcomes hold.
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
        // A 标准地 found in breach last February, its agreed liquidated damages paid, the other remedies not (yet) enforced.
        var short2 = await TaxPerMuAsync(DemoDistrict.Uscc(8), 22m) * 1.4m;
        await RegisterAsync("YZ-2020-04", "标准地 2020-04 号", 8, 22m, SupplyMode.StandardLand, new DateOnly(2020, 4, 1), Contract(short2, 2025),
            Step(ParcelEvent.Start, 2020, 7), Step(ParcelEvent.Complete, 2021, 10, 22m * 380m, 1.3m), Step(ParcelEvent.Produce, 2022, 2));
        await RecordAsync("YZ-2020-04", ParcelEvent.FailReview, new DateOnly(2026, 2, 20), "达产复核 2026-003（演示）",
            detail: $"2025 年达产复核：tax-per-mu 约定 {Math.Round(short2, 1)}，实际低于约定，未达标（演示）");
        await RecordAsync("YZ-2020-04", ParcelEvent.EnforceRemedy, new DateOnly(2026, 4, 15), "违约金缴款书 2026-011（演示）",
            detail: "按差额支付违约金 liquidated damages");
        // A lease: the flexible-term parcel's holder lets 8 亩 to another firm, whose 亩均 land comes from it.
        await RecordAsync("YZ-2018-07", ParcelEvent.Lease, new DateOnly(2024, 3, 1), "厂房土地租赁合同 2024-021（演示）",
            lessee: Uscc.Parse(DemoDistrict.Uscc(9)), mu: 8m);
        // Low-efficiency land: one confirmed and being upgraded, one reclaimed and counted toward the 5 000 亩.
        await RecordAsync("JS-2020-11", ParcelEvent.MarkLowEfficiency, new DateOnly(2026, 3, 10), "低效用地认定 2026-02（演示）", detail: "亩均税收偏低，厂房闲置过半");
        await RecordAsync("JS-2020-11", ParcelEvent.StartDisposal, new DateOnly(2026, 5, 6), "改造提升方案 2026-07（演示）", mu: 12m, disposal: DisposalKind.Upgrade);
        await RegisterAsync("YZ-2016-02", "带项目出让 2016-02 号", 10, 35m, SupplyMode.WithProject, new DateOnly(2016, 2, 1), null,
            Step(ParcelEvent.Start, 2016, 6), Step(ParcelEvent.Complete, 2017, 9), Step(ParcelEvent.Produce, 2018, 1));
        await RecordAsync("YZ-2016-02", ParcelEvent.MarkLowEfficiency, new DateOnly(2025, 10, 9), "低效用地认定 2025-09（演示）", detail: "连续两年亩均评价 D 类");
        await RecordAsync("YZ-2016-02", ParcelEvent.StartDisposal, new DateOnly(2025, 12, 1), "收回处置方案 2025-15（演示）", mu: 35m, disposal: DisposalKind.Reclaim);
        await RecordAsync("YZ-2016-02", ParcelEvent.CompleteDisposal, new DateOnly(2026, 6, 30), "收回决定书及交地确认书 2026-06（演示）");
        log.LogInformation("--demo: 9 parcels: a 标准地 short of its tax clause waiting for its 达产 review, one in breach, a lease, low-efficiency land disposed of");
    }

    private async Task RecordAsync(string code, ParcelEvent e, DateOnly on, string document, string? detail = null, Uscc? lessee = null, decimal? mu = null,
        DisposalKind? disposal = null)
    {
        var answer = await grains.GetGrain<IParcelGrain>(code).RecordAsync(new ParcelEventCommand(e, on, document, null, null, null, null, detail, Seed,
            lessee, mu, disposal));
        if (answer.Result != ParcelResult.Done)
        {
            throw new InvalidOperationException($"{code} {e}: {answer.Message}");
        }
    }
}
