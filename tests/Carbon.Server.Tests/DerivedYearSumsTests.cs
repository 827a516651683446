using System.Net;
using System.Net.Http.Json;
using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Factors;
using Carbon.Server.Ledger;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Carbon.Server.Tests;

/// <summary>
/// The firms' year sums that <see cref="EvaluationSnapshots"/> keeps in memory are derived data (docs/decisions/0014): after
/// filings, revisions, a late firm and an industry that moves a firm to another fuel family, the kept sums equal the sums
/// made from the ledger alone, and those of a fresh instance (a restart).
/// </summary>
public class DerivedYearSumsTests : OwnService
{
    private static object Profile(string industryCode, string? reason = null) =>
        new { name = "宁波测试制造有限公司", industry = "机械装备", scale = "above", landAreaMu = 30m, industryCode,
              establishedOn = "2015-06-01", landGrantedOn = (string?)null, reason };

    private static Dictionary<string, object?> Month(decimal kwh, decimal coalT = 0m, string? reason = null)
    {
        var filing = Api.Filing(kwh: kwh, reason: reason);
        if (coalT > 0m)
        {
            filing["energy"] = new object[]
            {
                new { carrier = "electricity", quantity = kwh, unit = "kWh" },
                new { carrier = "raw-coal", quantity = coalT, unit = "t" },
            };
        }
        return filing;
    }

    private async Task<string> FirmAsync(string industryCode)
    {
        var uscc = TestUscc.Next();
        var response = await Http.PostAsJsonAsync("/api/enterprises", new
        {
            uscc, name = "企业" + uscc[^4..], industry = "机械装备", industryCode, parkCode = (string?)null, scale = "above", landAreaMu = 30m,
            establishedOn = "2015-06-01",
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return uscc;
    }

    private async Task FileAsync(string uscc, int month, Dictionary<string, object?> body, HttpStatusCode expected = HttpStatusCode.Created) =>
        Assert.Equal(expected, (await Http.FileAsync(uscc, $"2023-{month:D2}", body)).StatusCode);

    [Fact]
    public async Task Kept_year_sums_equal_the_ledger_after_filings_revisions_and_a_new_fuel_family()
    {
        var snapshots = App.Services.GetRequiredService<EvaluationSnapshots>();
        var a = await FirmAsync("C3441");
        var b = await FirmAsync("C3441");
        for (var m = 1; m <= 6; m++)
        {
            await FileAsync(a, m, Month(100_000m + m, coalT: 10m + m));
            await FileAsync(b, m, Month(50_000m + m));
        }
        await AssertSameAsync(snapshots, 2023);   // first read: summed from the ledger

        // Written since: new months, a revision, a firm registered later, and b's industry moved to another fuel family.
        for (var m = 7; m <= 9; m++)
        {
            await FileAsync(a, m, Month(110_000m + m, coalT: 12m));
        }
        await FileAsync(a, 3, Month(90_000m, coalT: 9m, reason: "电表读数更正"), HttpStatusCode.OK);
        await FileAsync(a, 3, Month(91_000m, coalT: 9.5m, reason: "再次更正"), HttpStatusCode.OK);
        var c = await FirmAsync("C2614");
        await FileAsync(c, 1, Month(70_000m, coalT: 30m));
        await FileAsync(b, 7, Month(55_000m, coalT: 5m));
        var revised = await Http.PutAsJsonAsync($"/api/enterprises/{a}", Profile("C2614", reason: "主营业务变更为化工"));
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);

        var kept = await AssertSameAsync(snapshots, 2023);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9], kept[a].Revisions.Keys);
        Assert.Equal(3, kept[a].Revisions[3]);
        Assert.Equal(3, kept.Count);

        // A restart keeps nothing: a fresh instance sums the ledger and agrees.
        var fresh = new EvaluationSnapshots(App.Services.GetRequiredService<RegistryReads>(), App.Services.GetRequiredService<FactorSet>());
        Assert.Equal(Describe(kept), Describe(await fresh.YearTotalsAsync(2023)));
    }

    /// <summary>The kept sums (read twice: the second read takes in nothing new) against the ledger alone.</summary>
    private static async Task<Dictionary<string, FirmYear>> AssertSameAsync(EvaluationSnapshots snapshots, int year)
    {
        var kept = await snapshots.YearTotalsAsync(year);
        var ledger = await snapshots.YearTotalsFromLedgerAsync(year);
        Assert.Equal(Describe(ledger), Describe(kept));
        Assert.Equal(Describe(ledger), Describe(await snapshots.YearTotalsAsync(year)));
        return kept;
    }

    /// <summary>Every figure of every firm's year, as text: the month → revision map and each total, per carrier too.</summary>
    private static List<string> Describe(Dictionary<string, FirmYear> years) =>
        years.OrderBy(y => y.Key, StringComparer.Ordinal).Select(y =>
        {
            var t = y.Value.Totals;
            var carriers = EnergyCarriers.All.Select(c =>
                $"{c}:{t.Energy(c)}/{t.HeatGj(c)}/{t.FeedstockHeatGj(c)}/{t.OxidisedCarbonT(c)}/{t.MeasuredNcvQuantity(c)}/{t.Feedstock(c)}");
            return $"{y.Key} [{string.Join(' ', y.Value.Revisions.Select(r => $"{r.Key}:{r.Value}"))}] " +
                   $"{t.FilingMonths} {t.WaterM3} {t.OutputValue} {t.ValueAdded} {t.Revenue} {t.TaxPaid} {t.RdExpense} {t.EmployeeMonths} " +
                   $"{t.PollutantsT} {t.PollutantMonths} {t.ExportedKwh} {t.RenewableSelfUsedKwh} {string.Join(' ', carriers)}";
        }).ToList();
}
