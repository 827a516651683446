using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Ledger;

/// <summary>A register entry as listed: everything but the PDF's bytes, with its revocation if any.</summary>
public sealed record RegisteredCertificate(
    string Number,
    string Kind,
    string? Uscc,
    int Year,
    string? SourceId,
    string? BatchId,
    DateTimeOffset IssuedAt,
    DateOnly? ValidUntil,
    string IssuedBy,
    string Sha256,
    string Signature,
    string DataJson,
    CertificateRevocationRecord? Revocation);

/// <summary>What the register grain keeps of each certificate: its number and the kind, firm and year it is for.</summary>
public sealed record CertificateIdentity(string Number, string Kind, string? Uscc, int Year, string? SourceId);

/// <summary>The certificate register's read side.</summary>
public sealed class CertificateReads(ILedgerContextFactory contexts)
{
    public async Task<List<CertificateIdentity>> IdentitiesAsync()
    {
        await using var db = contexts.Create();
        return await db.Certificates.AsNoTracking().Select(c => new CertificateIdentity(c.Number, c.Kind, c.Uscc, c.Year, c.SourceId)).ToListAsync();
    }

    public async Task<List<string>> RevokedNumbersAsync()
    {
        await using var db = contexts.Create();
        return await db.CertificateRevocations.AsNoTracking().Select(c => c.Number).ToListAsync();
    }

    public async Task<CertificateRevocationRecord?> FindRevocationAsync(string number)
    {
        await using var db = contexts.Create();
        return await db.CertificateRevocations.AsNoTracking().FirstOrDefaultAsync(r => r.Number == number);
    }

    /// <summary>A certificate with its PDF, or null.</summary>
    public async Task<CertificateRecord?> FindAsync(string number)
    {
        await using var db = contexts.Create();
        return await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number);
    }

    /// <summary>A register entry (without the PDF) with its revocation, or null.</summary>
    public async Task<RegisteredCertificate?> FindEntryAsync(string number) => (await ListAsync(number: number)).SingleOrDefault();

    /// <summary>The register, filtered by kind (any of its stored tokens), firm, batch, source and number, by number.</summary>
    public async Task<List<RegisteredCertificate>> ListAsync(string[]? kindTokens = null, string? uscc = null, string? batchId = null,
        string? sourceId = null, string? number = null)
    {
        await using var db = contexts.Create();
        var query = db.Certificates.AsNoTracking();
        if (kindTokens is not null) query = query.Where(c => kindTokens.Contains(c.Kind));
        if (uscc is not null) query = query.Where(c => c.Uscc == uscc);
        if (batchId is not null) query = query.Where(c => c.BatchId == batchId);
        if (sourceId is not null) query = query.Where(c => c.SourceId == sourceId);
        if (number is not null) query = query.Where(c => c.Number == number);
        var rows = await query
            .Select(c => new RegisteredCertificate(c.Number, c.Kind, c.Uscc, c.Year, c.SourceId, c.BatchId, c.IssuedAt, c.ValidUntil, c.IssuedBy,
                c.Sha256, c.Signature, c.DataJson, db.CertificateRevocations.FirstOrDefault(r => r.Number == c.Number)))
            .ToListAsync();
        return rows.OrderBy(r => r.Number, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The register as far as <paramref name="caller"/> may see it: the certificates of the firms it may read, and the
    /// district-wide ones to those who see the district.
    /// </summary>
    public async Task<List<RegisteredCertificate>> ListVisibleAsync(Caller caller, string[]? kindTokens = null, string? uscc = null)
    {
        Dictionary<string, string?> parks;
        await using (var db = contexts.Create())
        {
            parks = await db.Enterprises.AsNoTracking().ToDictionaryAsync(e => e.Uscc, e => e.ParkCode, StringComparer.Ordinal);
        }
        return (await ListAsync(kindTokens, uscc))
            .Where(c => c.Uscc is null ? caller.SeesDistrict : parks.TryGetValue(c.Uscc, out var park) && caller.CanRead(Uscc.Parse(c.Uscc), park))
            .ToList();
    }

    public async Task<CertificateBatchRecord?> FindBatchAsync(string id)
    {
        await using var db = contexts.Create();
        return await db.CertificateBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id);
    }

    /// <summary>Every batch, newest first.</summary>
    public async Task<List<CertificateBatchRecord>> ListBatchesAsync()
    {
        await using var db = contexts.Create();
        return (await db.CertificateBatches.AsNoTracking().ToListAsync()).OrderByDescending(b => b.CreatedAt).ToList();
    }
}
