using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Ledger;

/// <summary>The supervision cases' and plans' read side.</summary>
public sealed class SupervisionReads(ILedgerContextFactory contexts)
{
    /// <summary>A case with its steps in order, or null.</summary>
    public async Task<SupervisionCaseRecord?> FindCaseAsync(string id)
    {
        await using var db = contexts.Create();
        return await db.SupervisionCases.AsNoTracking().Include(c => c.Steps.OrderBy(s => s.Id)).FirstOrDefaultAsync(c => c.Id == id);
    }

    /// <summary>Every case with its steps (the state is the steps replayed), optionally of one year or firm.</summary>
    public async Task<List<SupervisionCaseRecord>> ListCasesAsync(int? year = null, string? uscc = null, string? planId = null)
    {
        await using var db = contexts.Create();
        var query = db.SupervisionCases.AsNoTracking().Include(c => c.Steps.OrderBy(s => s.Id)).AsQueryable();
        if (year is { } y) query = query.Where(c => c.Year == y);
        if (uscc is not null) query = query.Where(c => c.Uscc == uscc);
        if (planId is not null) query = query.Where(c => c.PlanId == planId);
        return (await query.ToListAsync()).OrderByDescending(c => c.CreatedAt).ToList();
    }

    public async Task<List<SupervisionPlanRecord>> ListPlansAsync()
    {
        await using var db = contexts.Create();
        return (await db.SupervisionPlans.AsNoTracking().ToListAsync()).OrderByDescending(p => p.CreatedAt).ToList();
    }

    public async Task<SupervisionPlanRecord?> FindPlanAsync(string id)
    {
        await using var db = contexts.Create();
        return await db.SupervisionPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
    }

    /// <summary>An evidence file's metadata and content, or null.</summary>
    public async Task<SupervisionEvidenceRecord?> FindEvidenceAsync(string sha256)
    {
        await using var db = contexts.Create();
        return await db.SupervisionEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.Sha256 == sha256);
    }

    /// <summary>A case's evidence files without their content.</summary>
    public async Task<List<(string Sha256, string FileName, string ContentType, long Length, DateTimeOffset UploadedAt, string UploadedBy)>> ListEvidenceAsync(string caseId)
    {
        await using var db = contexts.Create();
        var rows = await db.SupervisionEvidence.AsNoTracking().Where(e => e.CaseId == caseId)
            .Select(e => new { e.Sha256, e.FileName, e.ContentType, Length = (long)e.Content.Length, e.UploadedAt, e.UploadedBy }).ToListAsync();
        return rows.OrderBy(r => r.UploadedAt).Select(r => (r.Sha256, r.FileName, r.ContentType, r.Length, r.UploadedAt, r.UploadedBy)).ToList();
    }

    /// <summary>Every declared conflict (inspector, firm).</summary>
    public async Task<List<InspectorConflictRecord>> ListConflictsAsync()
    {
        await using var db = contexts.Create();
        return await db.InspectorConflicts.AsNoTracking().ToListAsync();
    }

    /// <summary>The latest revision of each of a firm's registers (equipment, meters).</summary>
    public async Task<List<FirmRegisterRecord>> LatestRegistersAsync(string uscc)
    {
        await using var db = contexts.Create();
        var rows = await db.FirmRegisters.AsNoTracking().Where(r => r.Uscc == uscc).ToListAsync();
        return rows.GroupBy(r => r.Kind).Select(g => g.MaxBy(r => r.Revision)!).ToList();
    }

    /// <summary>The roster of a 双随机 draw: every enabled inspector account's user name.</summary>
    public async Task<List<string>> ListInspectorsAsync()
    {
        await using var db = contexts.Create();
        return (await db.Users.AsNoTracking().Where(u => u.Role == "inspector" && !u.Disabled).Select(u => u.UserName!).ToListAsync())
            .Order(StringComparer.Ordinal).ToList();
    }
}
