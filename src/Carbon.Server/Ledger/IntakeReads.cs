using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Ledger;

/// <summary>The import jobs' read side: files, commits, and the 205-1 rows behind filings.</summary>
public sealed class IntakeReads(ILedgerContextFactory contexts)
{
    public async Task<ImportFileRecord?> FindFileAsync(string id)
    {
        await using var db = contexts.Create();
        return await db.ImportFiles.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id);
    }

    /// <summary>The earliest committed job with these bytes, if any.</summary>
    public async Task<string?> CommittedWithHashAsync(string sha256)
    {
        await using var db = contexts.Create();
        var committed = await (from f in db.ImportFiles.AsNoTracking()
                               where f.Sha256 == sha256 && db.ImportCommits.Any(c => c.ImportId == f.Id)
                               select new { f.Id, f.UploadedAt }).ToListAsync();
        return committed.MinBy(f => f.UploadedAt)?.Id;
    }

    public async Task<ImportCommitRecord?> FindCommitAsync(string importId)
    {
        await using var db = contexts.Create();
        return await db.ImportCommits.AsNoTracking().Where(c => c.ImportId == importId).OrderByDescending(c => c.Id).FirstOrDefaultAsync();
    }

    /// <summary>Jobs without their bytes, newest first; <paramref name="uploadedBy"/> limits them to one account's.</summary>
    public async Task<List<(ImportFileRecord File, ImportCommitRecord? Commit)>> ListAsync(string? uploadedBy = null, int take = 100)
    {
        await using var db = contexts.Create();
        var files = db.ImportFiles.AsNoTracking();
        if (uploadedBy is not null)
        {
            files = files.Where(f => f.UploadedBy == uploadedBy);
        }
        var rows = await files
            .Select(f => new ImportFileRecord
            {
                Id = f.Id, Kind = f.Kind, FileName = f.FileName, Sha256 = f.Sha256, Length = f.Length, UploadedAt = f.UploadedAt, UploadedBy = f.UploadedBy,
                Content = Array.Empty<byte>(),
            })
            .ToListAsync();
        var ids = rows.Select(r => r.Id).ToList();
        var commits = (await db.ImportCommits.AsNoTracking().Where(c => ids.Contains(c.ImportId)).ToListAsync())
            .GroupBy(c => c.ImportId).ToDictionary(g => g.Key, g => g.MaxBy(c => c.Id)!);
        return rows.OrderByDescending(r => r.UploadedAt).Take(take).Select(r => (r, commits.GetValueOrDefault(r.Id))).ToList();
    }

    /// <summary>The closing stock (column 9) of each row code of a firm's latest 205-1 for <paramref name="year"/>-<paramref name="month"/>.</summary>
    public async Task<Dictionary<string, decimal>?> ClosingAsync(string uscc, int year, int month)
    {
        await using var db = contexts.Create();
        var lines = await db.Form2051Lines.AsNoTracking().Where(l => l.Uscc == uscc && l.Year == year && l.Month == month).ToListAsync();
        if (lines.Count == 0)
        {
            return null;
        }
        var latest = lines.MaxBy(l => l.Id)!.ImportId;
        return lines.Where(l => l.ImportId == latest).GroupBy(l => l.Code).ToDictionary(g => g.Key, g => g.Last().Closing ?? 0m, StringComparer.Ordinal);
    }
}
