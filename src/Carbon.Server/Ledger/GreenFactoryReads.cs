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
}
