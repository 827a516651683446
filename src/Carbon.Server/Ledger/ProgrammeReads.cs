using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Ledger;

/// <summary>The "two small" programme's side of the ledger: rectification cases with their steps and evidence, micro-parks and their firms.</summary>
public sealed class ProgrammeReads(ILedgerContextFactory contexts)
{
    public async Task<RectificationCaseRecord?> FindCaseAsync(string id)
    {
        await using var db = contexts.Create();
        return await db.RectificationCases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id);
    }

    /// <summary>A case's steps in the order they were recorded.</summary>
    public async Task<List<RectificationStepRecord>> StepsAsync(string id)
    {
        await using var db = contexts.Create();
        return await db.RectificationSteps.AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.Id).ToListAsync();
    }

    /// <summary>Every case with the day it was opened and its latest step (its state now; the closing step, if closed).</summary>
    public async Task<List<(RectificationCaseRecord Case, DateOnly OpenedOn, RectificationStepRecord Latest)>> ListCasesAsync()
    {
        await using var db = contexts.Create();
        var cases = await db.RectificationCases.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        var steps = (await db.RectificationSteps.AsNoTracking().ToListAsync()).GroupBy(s => s.CaseId)
            .ToDictionary(g => g.Key, g => (Opened: g.MinBy(s => s.Id)!.On, Latest: g.MaxBy(s => s.Id)!), StringComparer.Ordinal);
        return cases.Where(c => steps.ContainsKey(c.Id)).Select(c => (c, steps[c.Id].Opened, steps[c.Id].Latest)).ToList();
    }

    /// <summary>A case's evidence files without their content.</summary>
    public async Task<List<(string Sha256, string FileName, string ContentType, long Length, DateTimeOffset UploadedAt, string UploadedBy)>> ListEvidenceAsync(string id)
    {
        await using var db = contexts.Create();
        var rows = await db.RectificationEvidence.AsNoTracking().Where(e => e.CaseId == id)
            .Select(e => new { e.Sha256, e.FileName, e.ContentType, Length = (long)e.Content.Length, e.UploadedAt, e.UploadedBy }).ToListAsync();
        return rows.OrderBy(r => r.UploadedAt).Select(r => (r.Sha256, r.FileName, r.ContentType, r.Length, r.UploadedAt, r.UploadedBy)).ToList();
    }

    public async Task<RectificationEvidenceRecord?> FindEvidenceAsync(string id, string sha256)
    {
        await using var db = contexts.Create();
        return await db.RectificationEvidence.AsNoTracking().FirstOrDefaultAsync(e => e.CaseId == id && e.Sha256 == sha256);
    }

    public async Task<MicroParkRecord?> FindMicroParkAsync(string code)
    {
        await using var db = contexts.Create();
        return await db.MicroParks.AsNoTracking().FirstOrDefaultAsync(m => m.Code == code);
    }

    /// <summary>A micro-park's entry reviews and exits in the order they were recorded.</summary>
    public async Task<List<MicroParkEventRecord>> MicroParkEventsAsync(string code)
    {
        await using var db = contexts.Create();
        return await db.MicroParkEvents.AsNoTracking().Where(e => e.MicroParkCode == code).OrderBy(e => e.Id).ToListAsync();
    }

    public async Task<List<MicroParkRecord>> ListMicroParksAsync()
    {
        await using var db = contexts.Create();
        return await db.MicroParks.AsNoTracking().OrderBy(m => m.Code).ToListAsync();
    }
}
