using Carbon.Domain.Access;
using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Factors;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;
using Carbon.Server.Factors;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Carbon.Server.Tests;

[Collection(ClusterCollection.Name)]
public class GrainTests(ClusterFixture fixture)
{
    /// <summary>The district official the grain calls are made as, and two named filers of every firm.</summary>
    private static readonly Caller Official = Caller.Of("test", Role.DistrictOfficial);

    private static Caller As(string account) => Caller.Of(account, Role.DistrictOfficial);

    /// <summary>The shipped factor set the test silos load; its default fuel family is the one every test firm (C3441) falls under.</summary>
    private static readonly FuelBasis Fuels =
        FactorSetLoader.Load(Path.Combine(AppContext.BaseDirectory, "factors"), "east-china").FuelBasisFor("C3441");

    private static MonthlyFiling Filing(int year, int month, decimal kwh, decimal valueAdded = 100m) =>
        new(new YearMonth(year, month), [new EnergyUse(EnergyCarrier.Electricity, new Quantity(kwh, MeasureUnit.KilowattHour))],
            10m, 400m, valueAdded, 400m, 10m, 20, 1m, null);

    private async Task<(IEnterpriseGrain Grain, Uscc Uscc)> RegisteredAsync(string? park = null)
    {
        var uscc = Uscc.Parse(TestUscc.Next());
        var grain = fixture.Grains.Enterprise(uscc);
        Assert.Equal(RegistrationStatus.Registered,
            await grain.RegisterAsync(new EnterpriseProfile(uscc, "测试", "机械装备", "C3441", park, "above", 10m, null, null), Official));
        return (grain, uscc);
    }

    [Fact]
    public async Task An_enterprise_grain_rebuilds_from_the_ledger_after_deactivation()
    {
        var (grain, _) = await RegisteredAsync();
        Assert.Equal(FilingStatus.Created, (await grain.FileAsync(new FilingSubmission(Filing(2023, 1, 1_000m), null, As("a")))).Status);
        Assert.Equal(FilingStatus.ReasonRequired, (await grain.FileAsync(new FilingSubmission(Filing(2023, 1, 2_000m), null, As("a")))).Status);
        Assert.Equal(FilingStatus.Revised, (await grain.FileAsync(new FilingSubmission(Filing(2023, 1, 2_000m), "更正", As("b")))).Status);
        var before = await grain.GetTotalsAsync(new PeriodQuery(2023, 12), Official);

        await fixture.Cluster.DeactivateAsync((IAddressable)grain);
        await fixture.Cluster.WaitForDeactivationAsync((IAddressable)grain);

        var filing = await grain.GetFilingAsync(new YearMonth(2023, 1), Official);
        Assert.Equal(2, filing!.Revision);
        Assert.Equal(2_000m, filing.Current.Energy[0].Quantity.Value);
        Assert.Equal(["a", "b"], filing.History.Select(h => h.Actor));
        var after = await grain.GetTotalsAsync(new PeriodQuery(2023, 12), Official);
        Assert.Equal(before!.Current, after!.Current);
        Assert.Equal(2_000m, after.Current.Energy(EnergyCarrier.Electricity));
    }

    [Fact]
    public void Domain_values_cross_the_wire_through_their_surrogates_unchanged()
    {
        var serializer = fixture.Cluster.GetSiloServiceProvider().GetRequiredService<Orleans.Serialization.Serializer>();
        var filing = Filing(2024, 2, 1_234.5m) with
        {
            Pollutants = new Pollutants(0.1m, null, null, 0.05m),
            Products = [new ProductOutput("钢结构件", 12.5m, "t")],
        };
        var totals = ActivityTotals.From(filing, Fuels) + ActivityTotals.From(filing with { Month = new YearMonth(2024, 3) }, Fuels);
        var uscc = Uscc.Parse(TestUscc.Next());

        Assert.Equal(filing, serializer.Deserialize<MonthlyFiling>(serializer.SerializeToArray(filing)));
        Assert.Equal(totals, serializer.Deserialize<ActivityTotals>(serializer.SerializeToArray(totals)));
        Assert.Equal(uscc, serializer.Deserialize<Uscc>(serializer.SerializeToArray(uscc)));
        Assert.Equal(new YearMonth(2024, 2), serializer.Deserialize<YearMonth>(serializer.SerializeToArray(new YearMonth(2024, 2))));
    }

    [Fact]
    public async Task A_park_ignores_repeated_and_late_revisions_and_reads_a_month_it_has_a_gap_in_from_the_ledger()
    {
        var park = fixture.Grains.GetGrain<IParkGrain>("G-PARK-REV");
        await park.RegisterAsync(new ParkProfile("G-PARK-REV", "测试园区", "industrial-park"), Official);
        var (grain, uscc) = await RegisteredAsync("G-PARK-REV");
        var month = new YearMonth(2024, 3);
        var query = new PeriodQuery(2024, 3);
        ActivityTotals T(decimal kwh) => ActivityTotals.From(Filing(2024, 3, kwh), Fuels);
        Assert.Equal(FilingStatus.Created, (await grain.FileAsync(new FilingSubmission(Filing(2024, 3, 1_000m), null, As("a")))).Status);
        Assert.Equal(FilingStatus.Revised, (await grain.FileAsync(new FilingSubmission(Filing(2024, 3, 1_100m), "更正", As("a")))).Status);
        Assert.Equal(FilingStatus.Revised, (await grain.FileAsync(new FilingSubmission(Filing(2024, 3, 1_200m), "再更正", As("a")))).Status);
        await Eventually.ValueAsync(() => park.GetTotalsAsync(query, Official), t => t!.Current.Equals(T(1_200m)));

        // Repeated and late revisions change nothing, whatever totals they carry.
        await park.ApplyAsync(new EnterpriseMonthUpdate(uscc, month, 2, T(9_999m), T(1_000m)));
        await park.ApplyAsync(new EnterpriseMonthUpdate(uscc, month, 3, T(9_999m), T(1_100m)));
        // Revision 5 while the park holds 3: revision 4 never arrived, so the park reads the month from the ledger (which
        // holds revision 3: this message is made up) rather than trust a replacement of totals it never had.
        await park.ApplyAsync(new EnterpriseMonthUpdate(uscc, month, 5, T(9_999m), T(8_888m)));
        Assert.Equal(T(1_200m), (await park.GetTotalsAsync(query, Official))!.Current);

        // The next real revision replaces revision 3's totals by its own: 1 200 → 1 300 kWh.
        Assert.Equal(FilingStatus.Revised, (await grain.FileAsync(new FilingSubmission(Filing(2024, 3, 1_300m), "三更正", As("a")))).Status);
        var totals = await Eventually.ValueAsync(() => park.GetTotalsAsync(query, Official), t => t!.Current.Equals(T(1_300m)));
        Assert.Equal(T(1_300m), totals!.Current);
        Assert.Equal([3], totals.CurrentMonths);
    }

    [Fact]
    public async Task After_1000_concurrent_filings_park_and_district_equal_the_ledger_exactly()
    {
        const string parkCode = "G-PARK-LOAD";
        await fixture.Grains.GetGrain<IParkGrain>(parkCode).RegisterAsync(new ParkProfile(parkCode, "并发园区", "industrial-park"), Official);
        var firms = new List<IEnterpriseGrain>();
        for (var i = 0; i < 50; i++)
        {
            firms.Add((await RegisteredAsync(parkCode)).Grain);
        }
        // 1 000 filings: 50 enterprises × 20, every month twice (revision 2 with a reason) so revisions race with firsts.
        var rng = new Random(7);
        var submissions = firms.SelectMany((g, i) => Enumerable.Range(0, 20).Select(k =>
        {
            var month = 1 + k % 10;
            return (Grain: g, Submission: new FilingSubmission(Filing(2025, month, rng.Next(1, 1_000_000) / 10m, rng.Next(1, 500)),
                k >= 10 ? "第二次报送" : null, As("load"), Confirmation: "随机负载数据 (random load)"));
        })).ToList();
        // Per enterprise the revisions must follow the firsts, so each enterprise files in order; enterprises run concurrently.
        await Task.WhenAll(submissions.GroupBy(s => s.Grain).Select(async g =>
        {
            foreach (var s in g)
            {
                var outcome = await s.Grain.FileAsync(s.Submission);
                Assert.NotEqual(FilingStatus.ReasonRequired, outcome.Status);
            }
        }));

        var expected = await LedgerSumAsync(parkCode);
        var query = new PeriodQuery(2025, 12);
        var park = await Eventually.ValueAsync(() => fixture.Grains.GetGrain<IParkGrain>(parkCode).GetTotalsAsync(query, Official),
            t => t!.Current.Equals(expected));
        Assert.Equal(expected, park!.Current);
        Assert.Equal(1_000, await CountAsync(parkCode));
        Assert.Equal(500, park.Current.FilingMonths);

        // The district includes this park (and whatever other tests filed): it must equal the whole ledger's sum.
        var all = await LedgerSumAsync(null);
        var district = await Eventually.ValueAsync(() => fixture.Grains.GetGrain<IDistrictGrain>(DistrictKeys.District).GetTotalsAsync(query, Official),
            t => t!.Current.Equals(all));
        Assert.Equal(all, district!.Current);

        // A park rebuilt from the ledger agrees too.
        await fixture.Cluster.DeactivateAsync((IAddressable)fixture.Grains.GetGrain<IParkGrain>(parkCode));
        await fixture.Cluster.WaitForDeactivationAsync((IAddressable)fixture.Grains.GetGrain<IParkGrain>(parkCode));
        Assert.Equal(expected, (await fixture.Grains.GetGrain<IParkGrain>(parkCode).GetTotalsAsync(query, Official))!.Current);
    }

    /// <summary>Σ of the current revision of every 2025 filing in the ledger (one park, or all), computed independently of the grains.</summary>
    private async Task<ActivityTotals> LedgerSumAsync(string? parkCode)
    {
        await using var db = fixture.Ledger.Create();
        var members = db.Enterprises.Where(e => parkCode == null || e.ParkCode == parkCode).Select(e => e.Uscc);
        var filings = await db.Filings.AsNoTracking().Include(f => f.Energy)
            .Where(f => f.Year == 2025 && members.Contains(f.Uscc)).ToListAsync();
        return ActivityTotals.Sum(filings
            .GroupBy(f => (f.Uscc, f.Month))
            .Select(g => g.MaxBy(f => f.Revision)!)
            .Select(f => ActivityTotals.From(f.ToDomain(), Fuels)));
    }

    private async Task<int> CountAsync(string parkCode)
    {
        await using var db = fixture.Ledger.Create();
        return await db.Filings.CountAsync(f => db.Enterprises.Any(e => e.Uscc == f.Uscc && e.ParkCode == parkCode));
    }
}
