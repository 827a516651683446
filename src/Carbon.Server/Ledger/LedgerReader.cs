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
    /// (<paramref name="allParks"/> false and <paramref name="parkCode"/> null), or everyone (<paramref name="allParks"/> true),
    /// optionally for one year. Two flat queries (filings, then their energy lines) joined in memory: a wide join that
    /// repeats every filing column on each line, sorted, was the slow part of a district-wide read.
    /// </summary>
    public async Task<List<CurrentFiling>> LoadCurrentFilingsAsync(string? parkCode, bool allParks, int? year = null)
    {
        await using var db = contexts.Create();
        var scope = allParks
            ? db.Enterprises.AsNoTracking()
            : db.Enterprises.AsNoTracking().Where(e => e.ParkCode == parkCode);
        var filings = year is { } y ? db.Filings.AsNoTracking().Where(f => f.Year == y) : db.Filings.AsNoTracking();
        var inScope = from f in filings join e in scope on f.Uscc equals e.Uscc select new { e.ParkCode, Filing = f };

        var current = new Dictionary<(string, int, int), CurrentFiling>();
        await foreach (var row in inScope.AsAsyncEnumerable())
        {
            var key = (row.Filing.Uscc, row.Filing.Year, row.Filing.Month);
            if (!current.TryGetValue(key, out var held) || held.Filing.Revision < row.Filing.Revision)
            {
                current[key] = new CurrentFiling(row.ParkCode, row.Filing);
            }
        }
        var byId = current.Values.ToDictionary(c => c.Filing.Id);
        var lines = from l in db.FilingEnergy.AsNoTracking() join f in inScope on l.FilingId equals f.Filing.Id select l;
        await foreach (var line in lines.AsAsyncEnumerable())
        {
            if (byId.TryGetValue(line.FilingId, out var filing))
            {
                filing.Filing.Energy.Add(line);
            }
        }
        foreach (var c in byId.Values)
        {
            c.Filing.Energy.Sort((a, b) => a.Line.CompareTo(b.Line));
        }
        return current.Values.OrderBy(c => c.Filing.Uscc, StringComparer.Ordinal).ThenBy(c => c.Filing.Year).ThenBy(c => c.Filing.Month).ToList();
    }
}
