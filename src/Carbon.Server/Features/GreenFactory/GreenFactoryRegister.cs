using System.Text.Json;
using Carbon.Server.Certificates;
using Carbon.Server.Certificates.Pdf;
using Carbon.Server.Features.Targets;
using Carbon.Server.Hosting;
using Carbon.Server.Ledger;

namespace Carbon.Server.Features.GreenFactory;

/// <summary>
/// 绿色工厂名录: the firms holding a green-factory certificate, read from the certificate register (so a revocation
/// removes a firm at once). It is also what the district's "100 green factories" target counts.
/// </summary>
public sealed class GreenFactoryRegister(LedgerReader ledger, ReportingClock clock) : IGreenFactoryCount
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every green-factory certificate with its status on <paramref name="date"/>.</summary>
    public async Task<List<RegisterEntryDto>> EntriesAsync(DateOnly date)
    {
        var rows = await ledger.ListCertificatesAsync(CertificateKinds.GreenFactory);
        return rows.Select(r =>
        {
            var c = r.Certificate;
            var d = JsonSerializer.Deserialize<GreenFactoryCertificateData>(c.DataJson, Json)!;
            var status = r.Revocation is not null ? "revoked"
                : DateOnly.FromDateTime(c.IssuedAt.DateTime) > date ? "not-yet-issued"
                : c.ValidUntil is { } v && v < date ? "expired"
                : "valid";
            return new RegisterEntryDto(c.Number, c.Uscc, d.EnterpriseName, c.Year, d.Edition, d.TotalScore, c.IssuedAt, c.ValidUntil, status);
        }).ToList();
    }

    /// <summary>Firms with a valid certificate at the end of the year (or today, for the current year).</summary>
    public async Task<decimal> CountAsync(int year)
    {
        var today = DateOnly.FromDateTime(clock.Now.DateTime);
        var at = new DateOnly(year, 12, 31) < today ? new DateOnly(year, 12, 31) : today;
        return (await EntriesAsync(at)).Where(e => e.Status == "valid").Select(e => e.Uscc).Distinct().Count();
    }

    public static IEndpointRouteBuilder MapGreenFactoryRegister(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/green-factory/register", async (GreenFactoryRegister register, ReportingClock clock, bool? all) =>
            {
                var entries = await register.EntriesAsync(DateOnly.FromDateTime(clock.Now.DateTime));
                return TypedResults.Ok(all == true ? entries : entries.Where(e => e.Status == "valid").ToList());
            })
            .WithTags("Green factory 绿色工厂").WithName("GreenFactoryRegister")
            .WithSummary("绿色工厂名录 Certified firms with their validity (?all=true includes revoked and expired)");
        return app;
    }
}
