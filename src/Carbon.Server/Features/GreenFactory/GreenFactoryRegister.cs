using System.Text.Json;
using Carbon.Domain.Certificates;
using Carbon.Certificates;
using Carbon.Server.Configuration;
using Carbon.Server.Features.Targets;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.GreenFactory;

/// <summary>
/// 绿色工厂名录: the firms holding a green-factory certificate, read from the certificate register (so a revocation
/// removes a firm at once). It is also what the district's "100 green factories" target counts.
/// </summary>
public sealed class GreenFactoryRegister(CertificateReads ledger, ReportingClock clock) : IGreenFactoryCount
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Every green-factory certificate with its status on <paramref name="date"/>.</summary>
    public async Task<List<RegisterEntryResponse>> EntriesAsync(DateOnly date)
    {
        var rows = await ledger.ListAsync(CertificateKind.GreenFactory.StoredTokens());
        return rows.Select(c =>
        {
            var d = JsonSerializer.Deserialize<GreenFactoryCertificateData>(c.DataJson, Json)!;
            var state = CertificateKinds.StateOn(date, ReportingClock.DayOf(c.IssuedAt), c.ValidUntil,
                c.Revocation is not null);
            return new RegisterEntryResponse(c.Number, d.Uscc, d.EnterpriseName, c.Year, d.Edition, d.TotalScore, c.IssuedAt, c.ValidUntil, state);
        }).ToList();
    }

    /// <summary>Firms with a valid certificate at the end of the year (or today, for the current year).</summary>
    public async Task<decimal> CountAsync(int year)
    {
        var today = clock.Today;
        var at = new DateOnly(year, 12, 31) < today ? new DateOnly(year, 12, 31) : today;
        return (await EntriesAsync(at)).Where(e => e.Status == CertificateState.Valid).Select(e => e.Uscc).Distinct().Count();
    }

    internal static async Task<Ok<List<RegisterEntryResponse>>> GetAsync([AsParameters] RegisterQuery query, GreenFactoryRegister register,
        ReportingClock clock)
    {
        var entries = await register.EntriesAsync(clock.Today);
        return TypedResults.Ok(query.All == true ? entries : entries.Where(e => e.Status == CertificateState.Valid).ToList());
    }
}
