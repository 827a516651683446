using System.Net;
using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;
using Carbon.Server.Ledger;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Carbon.Server.Tests;

/// <summary>
/// A month written behind an active enterprise grain's back — what a silo declared dead while still running can do —
/// makes the grain's next write break the ledger's unique key: the caller gets 503 with a short Retry-After (never a
/// 500), the grain reloads from the ledger, and the retry sees the month as it stands.
/// </summary>
public class LedgerConflictTests
{
    [Fact]
    public async Task A_refused_write_answers_503_and_the_grain_reloads_from_the_ledger()
    {
        using var folder = new TempFolder();
        await using var app = new CarbonApp(folder.Path);
        var http = await app.OfficialAsync();
        var uscc = await http.FirmAsync(months2023: 1);   // the grain is active, with 2023-01 and 2020 filed

        // Another writer (the dead silo's last commit) lands 2023-02, revision 1, in the ledger.
        var behind = new MonthlyFiling(new YearMonth(2023, 2), [new EnergyUse(EnergyCarrier.Electricity, new Quantity(123_456m, MeasureUnit.KilowattHour))],
            200m, 1_000m, 300m, 1_000m, 50m, 60, 20m, null);
        await using (var db = app.Services.GetRequiredService<ILedgerContextFactory>().Create())
        {
            db.Filings.Add(behind.ToRecord(Uscc.Parse(uscc), 1, null, "another-silo", app.Time.GetUtcNow()));
            await db.SaveChangesAsync();
        }

        object Body(string? reason = null) => new
        {
            energy = new[] { new { carrier = "electricity", quantity = 200_000m, unit = "kWh" }, new { carrier = "natural-gas", quantity = 1_000m, unit = "m3" } },
            waterM3 = 200m, outputValue = 1_000m, valueAdded = 300m, revenue = 1_000m, taxPaid = 50m, employees = 60, rdExpense = 20m, reason,
        };
        var refused = await http.FileAsync(uscc, "2023-02", Body());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("1", refused.Headers.RetryAfter!.ToString());
        Assert.Contains("重新载入", await refused.Content.ReadAsStringAsync());

        // Reloaded: it now knows revision 1 (the landed write), so a different figure is a revision and needs a reason.
        var read = await (await http.GetAsync($"/api/enterprises/{uscc}/filings/2023-02")).JsonAsync();
        Assert.Equal(123_456m, read["current"]!["energy"]![0]!.Dec("quantity"));
        await (await http.FileAsync(uscc, "2023-02", Body())).AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
        var revised = await http.FileAsync(uscc, "2023-02", Body("电表读数更正 (meter reading corrected)"));
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal(2, (await revised.JsonAsync())["revision"]!.GetValue<int>());
    }
}
