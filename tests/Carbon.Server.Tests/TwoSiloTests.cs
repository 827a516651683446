using System.Collections.Concurrent;
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

namespace Carbon.Server.Tests;

/// <summary>
/// Two silos on one ledger: enterprises land on both, their park and the district add them up across silos, and killing
/// a silo in the middle of a stream of filings loses no acknowledged filing and leaves the sums equal to the ledger.
/// </summary>
[Collection(TwoSiloCollection.Name)]
public class TwoSiloTests(TwoSiloFixture fixture)
{
    private static readonly Caller Official = Caller.Of("test", Role.DistrictOfficial);

    private static readonly FuelBasis Fuels =
        FactorSetLoader.Load(Path.Combine(AppContext.BaseDirectory, "factors"), "east-china").FuelBasisFor("C3441");

    private static FilingSubmission Submission(int month, decimal kwh) =>
        new(new MonthlyFiling(new YearMonth(2025, month), [new EnergyUse(EnergyCarrier.Electricity, new Quantity(kwh, MeasureUnit.KilowattHour))],
            10m, 400m, 100m, 400m, 10m, 20, 1m, null), null, Official, Confirmation: "测试数据 (test figures)");

    [Fact]
    public async Task Filings_across_two_silos_add_up_and_a_killed_silo_loses_no_acknowledged_filing()
    {
        const string parkCode = "G-PARK-TWO";
        Assert.Equal(RegistrationStatus.Registered,
            await fixture.Grains.GetGrain<IParkGrain>(parkCode).RegisterAsync(new ParkProfile(parkCode, "两节点园区", "industrial-park"), Official));
        // Firms are registered and file January until enterprise grains live on both silos (placement decides where).
        var firms = new List<Uscc>();
        var hosts = 0;
        while (hosts < 2 && firms.Count < 200)
        {
            var batch = new List<Uscc>();
            for (var i = 0; i < 20; i++)
            {
                var uscc = Uscc.Parse(TestUscc.Next());
                Assert.Equal(RegistrationStatus.Registered, await fixture.Grains.Enterprise(uscc)
                    .RegisterAsync(new EnterpriseProfile(uscc, "两节点企业", "机械装备", "C3441", parkCode, "above", 10m, null, null), Official));
                batch.Add(uscc);
            }
            await Task.WhenAll(batch.Select((u, i) => fixture.Grains.Enterprise(u).FileAsync(Submission(1, 1_000m + firms.Count + i))));
            firms.AddRange(batch);
            var stats = await fixture.Grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
            hosts = stats.Where(s => s.GrainType.Contains("EnterpriseGrain", StringComparison.Ordinal) && s.ActivationCount > 0)
                .Select(s => s.SiloAddress).Distinct().Count();
        }
        Assert.Equal(2, hosts);
        await AssertSumsEqualLedgerAsync(parkCode);

        // February to June as a stream from 8 workers; the second silo is killed when a third of it is acknowledged.
        var work = new ConcurrentQueue<(Uscc Uscc, int Month, decimal Kwh)>(
            Enumerable.Range(2, 5).SelectMany(m => firms.Select((u, i) => (u, m, 10_000m * m + i))));
        var total = work.Count;
        var acknowledged = new ConcurrentBag<(Uscc Uscc, int Month, decimal Kwh)>();
        var victim = fixture.Cluster.Silos[1];
        var killed = 0;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            while (work.TryDequeue(out var item))
            {
                if (acknowledged.Count >= total / 3 && Interlocked.Exchange(ref killed, 1) == 0)
                {
                    await fixture.Cluster.KillSiloAsync(victim);
                }
                // A call to a grain that lived on the killed silo fails until the silo is declared dead; then it
                // activates on the survivor. The same filing again is a no-op or its first write: never two revisions.
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        var outcome = await fixture.Grains.Enterprise(item.Uscc).FileAsync(Submission(item.Month, item.Kwh));
                        Assert.True(outcome.Status is FilingStatus.Created or FilingStatus.Unchanged, $"{item}: {outcome.Status} {outcome.Field}");
                        acknowledged.Add(item);
                        break;
                    }
                    catch (Exception) when (attempt < 60)
                    {
                        await Task.Delay(500);
                    }
                }
            }
        })));
        Assert.Equal(1, killed);
        Assert.Equal(total, acknowledged.Count);

        // Every acknowledged filing is in the ledger with its figure, once.
        await using (var db = fixture.Ledger.Create())
        {
            var members = firms.Select(u => u.Value).ToList();
            var stored = await db.Filings.AsNoTracking().Include(f => f.Energy)
                .Where(f => f.Year == 2025 && f.Month >= 2 && members.Contains(f.Uscc)).ToListAsync();
            Assert.Equal(total, stored.Count);
            Assert.All(stored, f => Assert.Equal(1, f.Revision));
            var byKey = stored.ToDictionary(f => (f.Uscc, f.Month), f => f.Energy.Single().Quantity);
            Assert.All(acknowledged, a => Assert.Equal(a.Kwh, byKey[(a.Uscc.Value, a.Month)]));
        }
        await AssertSumsEqualLedgerAsync(parkCode);
    }

    private async Task AssertSumsEqualLedgerAsync(string parkCode)
    {
        var query = new PeriodQuery(2025, 12);
        var park = await LedgerSumAsync(parkCode);
        var parkTotals = await Eventually.ValueAsync(() => fixture.Grains.GetGrain<IParkGrain>(parkCode).GetTotalsAsync(query, Official),
            t => t!.Current.Equals(park), timeoutMs: 30_000);
        Assert.Equal(park, parkTotals!.Current);
        var all = await LedgerSumAsync(null);
        var district = await Eventually.ValueAsync(() => fixture.Grains.GetGrain<IDistrictGrain>(DistrictKeys.District).GetTotalsAsync(query, Official),
            t => t!.Current.Equals(all), timeoutMs: 30_000);
        Assert.Equal(all, district!.Current);
    }

    /// <summary>Σ of the current revision of every 2025 filing in the ledger (one park, or all), computed without the grains.</summary>
    private async Task<ActivityTotals> LedgerSumAsync(string? parkCode)
    {
        await using var db = fixture.Ledger.Create();
        var members = db.Enterprises.Where(e => parkCode == null || e.ParkCode == parkCode).Select(e => e.Uscc);
        var filings = await db.Filings.AsNoTracking().Include(f => f.Energy)
            .Where(f => f.Year == 2025 && members.Contains(f.Uscc)).ToListAsync();
        return ActivityTotals.Sum(filings.GroupBy(f => (f.Uscc, f.Month)).Select(g => g.MaxBy(f => f.Revision)!)
            .Select(f => ActivityTotals.From(f.ToDomain(), Fuels)));
    }
}
