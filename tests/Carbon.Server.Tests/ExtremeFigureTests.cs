using System.Net;
using System.Net.Http.Json;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>No filed figure can make a read fail: absurd figures are refused with their bound, extreme real ones read as null with a reason.</summary>
public class ExtremeFigureTests : OwnService
{
    private static Dictionary<string, object?> Month(decimal kwh, decimal valueAdded, string unit = "kWh") => new()
    {
        ["energy"] = new[] { new { carrier = "electricity", quantity = kwh, unit } },
        ["waterM3"] = 1m, ["outputValue"] = Math.Max(valueAdded, 1m), ["valueAdded"] = valueAdded, ["revenue"] = 1m, ["taxPaid"] = 0m,
        ["employees"] = 1, ["rdExpense"] = 0m,
    };

    [Fact]
    public async Task An_absurd_figure_is_refused_with_its_bound()
    {
        var uscc = TestUscc.Next();
        await Http.RegisterEnterpriseAsync(uscc, null);
        // The case that once made every read of the firm, its park and the district answer 500: 10¹² 万kWh on 1e-28 万元.
        var bad = await Http.FileAsync(uscc, "2023-01", Month(1_000_000_000_000m, 0.0000000000000000000000000001m, "10k-kWh"));
        Assert.Contains("1,000,000", await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "energy[0].quantity"));   // 10¹⁰ kWh = 1 000 000 万kWh
        Assert.Contains("6", await bad.AssertProblemAsync(HttpStatusCode.BadRequest, "valueAdded"));
        Assert.Contains("100,000,000", await (await Http.FileAsync(uscc, "2023-02", Month(1m, 100_000_001m)))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "valueAdded"));
    }

    [Fact]
    public async Task Extreme_but_allowed_figures_read_everywhere_as_null_with_a_reason()
    {
        var uscc = TestUscc.Next();
        await Http.RegisterParkAsync("X-EXTREME");
        await Http.RegisterEnterpriseAsync(uscc, "X-EXTREME");
        // The most energy a month may carry, on the least value added (one fen); a 2020 of a millionth of a kWh.
        for (var m = 1; m <= 12; m++)
        {
            Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, $"2023-{m:D2}", Month(10_000_000_000m, 0.000001m))).StatusCode);
            Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, $"2020-{m:D2}", Month(0.000001m, 100_000_000m))).StatusCode);
        }

        var metrics = await (await Http.GetAsync($"/api/enterprises/{uscc}/metrics?year=2023&trace=true")).JsonAsync();
        Assert.NotNull(metrics["intensity"]!["co2TPer10kYuan"]);                 // huge, but a number
        Assert.Null(metrics["reductionVs2020"]!["energyIntensity"]);             // against a 2020 of almost nothing: no meaning
        Assert.Contains("超出", metrics["unavailable"]!["reductionVs2020.energyIntensity"]!.GetValue<string>());
        foreach (var path in new[] { "/api/parks/X-EXTREME/metrics?year=2023", "/api/district/metrics?year=2023", "/api/district/targets?year=2023" })
        {
            Assert.Equal(HttpStatusCode.OK, (await Http.GetAsync(path)).StatusCode);
        }
        var report = await Http.PostAsJsonAsync("/api/certificates", new { kind = "annual-report", uscc, year = 2023 });
        Assert.Equal(HttpStatusCode.Created, report.StatusCode);
        var run = await Http.PostAsJsonAsync("/api/evaluations", new { year = 2023, method = "huangyan-2022" });
        Assert.Equal(HttpStatusCode.Created, run.StatusCode);
    }
}
