using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Ledger;

/// <summary>The land side of the ledger: parcels and what happened to them.</summary>
public sealed class LandReads(ILedgerContextFactory contexts)
{
    public async Task<ParcelRecord?> FindAsync(string code)
    {
        await using var db = contexts.Create();
        return await db.Parcels.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code);
    }

    /// <summary>A parcel's events, in the order they were recorded.</summary>
    public async Task<List<ParcelEventRecord>> EventsAsync(string code)
    {
        await using var db = contexts.Create();
        return await db.ParcelEvents.AsNoTracking().Where(e => e.ParcelCode == code).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Every parcel with its latest event (its state and holder now).</summary>
    public async Task<List<(ParcelRecord Parcel, ParcelEventRecord Latest)>> ListAsync()
    {
        await using var db = contexts.Create();
        var parcels = await db.Parcels.AsNoTracking().OrderBy(p => p.Code).ToListAsync();
        var latest = (await db.ParcelEvents.AsNoTracking().ToListAsync()).GroupBy(e => e.ParcelCode)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!, StringComparer.Ordinal);
        return parcels.Where(p => latest.ContainsKey(p.Code)).Select(p => (p, latest[p.Code])).ToList();
    }
}
