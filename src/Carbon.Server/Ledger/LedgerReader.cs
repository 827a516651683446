using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Ledger;

/// <summary>A filing's current revision with the park of its enterprise, as grains rebuild from it.</summary>
public sealed record CurrentFiling(string? ParkCode, FilingRecord Filing);

/// <summary>Read side of the ledger: what grains rebuild from on activation. Every read is its own short context.</summary>
public sealed class LedgerReader(ILedgerContextFactory contexts)
{
    public async Task<ParkRecord?> FindParkAsync(string code)
    {
        await using var db = contexts.Create();
        return await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code);
    }

    /// <summary>An enterprise's identity and every revision of its profile (oldest first), or null.</summary>
    public async Task<(EnterpriseRecord Identity, List<EnterpriseRevisionRecord> Revisions)?> FindEnterpriseAsync(string uscc)
    {
        await using var db = contexts.Create();
        var identity = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Uscc == uscc);
        if (identity is null)
        {
            return null;
        }
        var revisions = await db.EnterpriseRevisions.AsNoTracking().Where(r => r.Uscc == uscc).OrderBy(r => r.Revision).ToListAsync();
        return (identity, revisions);
    }

    public async Task<int> CountEnterprisesAsync()
    {
        await using var db = contexts.Create();
        return await db.Enterprises.CountAsync();
    }

    /// <summary>Every revision of every month of one enterprise, with energy lines, oldest first.</summary>
    public async Task<List<FilingRecord>> LoadFilingsAsync(string uscc)
    {
        await using var db = contexts.Create();
        return await db.Filings.AsNoTracking()
            .Where(f => f.Uscc == uscc)
            .Include(f => f.Energy)
            .Include(f => f.Products)
            .OrderBy(f => f.Year).ThenBy(f => f.Month).ThenBy(f => f.Revision)
            .AsSplitQuery()
            .ToListAsync();
    }

    /// <summary>The current profile of each member of a park; <c>null</c> means the enterprises outside every park.</summary>
    public async Task<List<EnterpriseRevisionRecord>> LoadMembersAsync(string? parkCode)
    {
        await using var db = contexts.Create();
        var revisions = await db.EnterpriseRevisions.AsNoTracking()
            .Where(r => db.Enterprises.Any(e => e.Uscc == r.Uscc && e.ParkCode == parkCode))
            .ToListAsync();
        return Current(revisions);
    }

    /// <summary>Every enterprise's identity with its current profile.</summary>
    public async Task<List<(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile)>> LoadRegistryAsync()
    {
        await using var db = contexts.Create();
        var identities = await db.Enterprises.AsNoTracking().ToDictionaryAsync(e => e.Uscc);
        var current = Current(await db.EnterpriseRevisions.AsNoTracking().ToListAsync());
        return current.Select(r => (identities[r.Uscc], r)).ToList();
    }

    private static List<EnterpriseRevisionRecord> Current(IEnumerable<EnterpriseRevisionRecord> revisions) =>
        revisions.GroupBy(r => r.Uscc).Select(g => g.MaxBy(r => r.Revision)!).OrderBy(r => r.Uscc, StringComparer.Ordinal).ToList();

    /// <summary>An evaluation run with the inputs of every firm, or null.</summary>
    public async Task<EvaluationRunRecord?> FindEvaluationAsync(string id)
    {
        await using var db = contexts.Create();
        return await db.EvaluationRuns.AsNoTracking().Include(r => r.Inputs).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id);
    }

    /// <summary>A green-factory application with its events, or null.</summary>
    public async Task<GreenFactoryApplicationRecord?> FindGreenFactoryApplicationAsync(string id)
    {
        await using var db = contexts.Create();
        return await db.GreenFactoryApplications.AsNoTracking().Include(a => a.Events).FirstOrDefaultAsync(a => a.Id == id);
    }

    public async Task<List<string>> CertificateNumbersAsync()
    {
        await using var db = contexts.Create();
        return await db.Certificates.AsNoTracking().Select(c => c.Number).ToListAsync();
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
    public async Task<CertificateRecord?> FindCertificateAsync(string number)
    {
        await using var db = contexts.Create();
        return await db.Certificates.AsNoTracking().FirstOrDefaultAsync(c => c.Number == number);
    }

    /// <summary>Certificates without their PDFs (and their revocations), filtered by kind, firm and batch.</summary>
    public async Task<List<(CertificateRecord Certificate, CertificateRevocationRecord? Revocation)>> ListCertificatesAsync(
        string? kind = null, string? uscc = null, string? batchId = null)
    {
        await using var db = contexts.Create();
        var query = db.Certificates.AsNoTracking();
        if (kind is not null) query = query.Where(c => c.Kind == kind);
        if (uscc is not null) query = query.Where(c => c.Uscc == uscc);
        if (batchId is not null) query = query.Where(c => c.BatchId == batchId);
        var rows = await query
            .Select(c => new
            {
                Certificate = new CertificateRecord
                {
                    Number = c.Number, Kind = c.Kind, Uscc = c.Uscc, Year = c.Year, SourceId = c.SourceId, BatchId = c.BatchId,
                    IssuedAt = c.IssuedAt, ValidUntil = c.ValidUntil, IssuedBy = c.IssuedBy, Sha256 = c.Sha256, Signature = c.Signature,
                    DataJson = c.DataJson, Pdf = Array.Empty<byte>(),
                },
                Revocation = db.CertificateRevocations.FirstOrDefault(r => r.Number == c.Number),
            })
            .ToListAsync();
        return rows.Select(r => (r.Certificate, r.Revocation)).OrderBy(r => r.Certificate.Number, StringComparer.Ordinal).ToList();
    }

    public async Task<CertificateBatchRecord?> FindBatchAsync(string id)
    {
        await using var db = contexts.Create();
        return await db.CertificateBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id);
    }

    /// <summary>Every run, newest first, without inputs.</summary>
    public async Task<List<(EvaluationRunRecord Run, int Firms)>> ListEvaluationsAsync()
    {
        await using var db = contexts.Create();
        var runs = await db.EvaluationRuns.AsNoTracking()
            .Select(r => new { Run = new EvaluationRunRecord
            {
                Id = r.Id, Year = r.Year, MethodId = r.MethodId, MethodVersion = r.MethodVersion, MethodJson = string.Empty,
                FactorSetVersion = r.FactorSetVersion, CreatedAt = r.CreatedAt, CreatedBy = r.CreatedBy,
            }, Firms = r.Inputs.Count })
            .ToListAsync();
        return runs.Select(r => (r.Run, r.Firms)).OrderByDescending(r => r.Run.CreatedAt).ToList();
    }

    /// <summary>
    /// The current revision of every month filed by the enterprises in scope: one park, the enterprises outside parks
    /// (<paramref name="allParks"/> false and <paramref name="parkCode"/> null), or everyone (<paramref name="allParks"/> true).
    /// Streams, so a whole district never sits in memory as rows.
    /// </summary>
    public async IAsyncEnumerable<CurrentFiling> StreamCurrentFilingsAsync(string? parkCode, bool allParks, int? year = null)
    {
        await using var db = contexts.Create();
        var scope = allParks
            ? db.Enterprises.AsNoTracking()
            : db.Enterprises.AsNoTracking().Where(e => e.ParkCode == parkCode);
        var filings = year is { } y ? db.Filings.AsNoTracking().Where(f => f.Year == y) : db.Filings.AsNoTracking();
        var rows =
            from e in scope
            join f in filings on e.Uscc equals f.Uscc
            join l in db.FilingEnergy.AsNoTracking() on f.Id equals l.FilingId into lines
            from l in lines.DefaultIfEmpty()
            orderby f.Uscc, f.Year, f.Month, f.Revision descending, l.Line
            select new { e.ParkCode, Filing = f, Line = l };

        FilingRecord? current = null;
        string? currentPark = null;
        (string, int, int) key = default;
        await foreach (var row in rows.AsAsyncEnumerable())
        {
            var rowKey = (row.Filing.Uscc, row.Filing.Year, row.Filing.Month);
            if (current is not null && rowKey == key && row.Filing.Id != current.Id)
            {
                continue; // an older revision of the month just yielded
            }
            if (current is null || rowKey != key)
            {
                if (current is not null)
                {
                    yield return new CurrentFiling(currentPark, current);
                }
                current = row.Filing;
                currentPark = row.ParkCode;
                key = rowKey;
            }
            if (row.Line is not null)
            {
                current.Energy.Add(row.Line);
            }
        }
        if (current is not null)
        {
            yield return new CurrentFiling(currentPark, current);
        }
    }
}
