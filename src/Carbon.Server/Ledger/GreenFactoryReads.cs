using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Ledger;

/// <summary>The green-factory applications' read side.</summary>
public sealed class GreenFactoryReads(ILedgerContextFactory contexts)
{
    /// <summary>An application with its events in order, or null.</summary>
    public async Task<GreenFactoryApplicationRecord?> FindApplicationAsync(string id)
    {
        await using var db = contexts.Create();
        return await db.GreenFactoryApplications.AsNoTracking().Include(a => a.Events.OrderBy(e => e.Id)).FirstOrDefaultAsync(a => a.Id == id);
    }

    /// <summary>
    /// Every application with its firm's park and its status (submitted → verifying → approved or rejected: the last
    /// of those events; a reinstatement leaves it approved), newest first.
    /// </summary>
    public async Task<List<ApplicationListRow>> ListApplicationsAsync()
    {
        await using var db = contexts.Create();
        var rows = await (from a in db.GreenFactoryApplications.AsNoTracking()
                          join e in db.Enterprises.AsNoTracking() on a.Uscc equals e.Uscc
                          select new { a.Id, a.Uscc, e.ParkCode, a.Year, a.RuleSetId, a.CreatedAt }).ToListAsync();
        var kinds = (await db.GreenFactoryEvents.AsNoTracking().Select(e => new { e.ApplicationId, e.Id, e.Kind }).ToListAsync())
            .Where(e => e.Kind != "reinstated")
            .GroupBy(e => e.ApplicationId)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!.Kind);
        return rows.OrderByDescending(r => r.CreatedAt)
            .Select(r => new ApplicationListRow(r.Id, r.Uscc, r.ParkCode, r.Year, r.RuleSetId, r.CreatedAt,
                kinds.GetValueOrDefault(r.Id) switch { "verified" => "verifying", null => "submitted", var k => k }))
            .ToList();
    }
}

/// <summary>One application in a list: whose, which year and edition, when, and where it stands.</summary>
public sealed record ApplicationListRow(string Id, string Uscc, string? ParkCode, int Year, string RuleSetId, DateTimeOffset CreatedAt, string Status);
