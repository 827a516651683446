using System.Globalization;
using Carbon.Domain.LandUse;
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

    /// <summary>Every parcel's area and steps, oldest first (what <see cref="FirmLandAsync"/> folds).</summary>
    public async Task<List<(string Code, decimal AreaMu, IReadOnlyList<ParcelStep> Steps)>> StepsAsync()
    {
        await using var db = contexts.Create();
        var areas = await db.Parcels.AsNoTracking().Select(p => new { p.Code, p.AreaMu }).ToListAsync();
        var steps = (await db.ParcelEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync()).ToLookup(e => e.ParcelCode, StringComparer.Ordinal);
        return areas.Select(a => (a.Code, a.AreaMu, (IReadOnlyList<ParcelStep>)steps[a.Code].Select(ToStep).ToList())).ToList();
    }

    /// <summary>
    /// Each firm's land from the parcel register on <paramref name="asOf"/> (<see cref="ParcelHistory.FirmLand"/>): 亩 held
    /// (null: it holds no parcel, its profile's figure stands), 亩 leased (null: it leases none, its profile's figure stands)
    /// and the parcels they come from, in words. A firm on no parcel is not in it.
    /// </summary>
    public async Task<Dictionary<string, FirmLand>> FirmLandAsync(DateOnly asOf) =>
        ParcelHistory.FirmLand(await StepsAsync(), asOf).ToDictionary(f => f.Key, f => new FirmLand(
            f.Value.Any(s => !s.Leased) ? f.Value.Where(s => !s.Leased).Sum(s => s.Mu) : null,
            f.Value.Any(s => s.Leased) ? f.Value.Where(s => s.Leased).Sum(s => s.Mu) : null,
            Clip(string.Join("; ", f.Value.Select(s => $"{s.ParcelCode} {(s.Leased ? "租 " : "")}{s.Mu.ToString("0.####", CultureInfo.InvariantCulture)} 亩")))),
            StringComparer.Ordinal);

    /// <summary>The words within the ledger's 1 000 characters (a firm on dozens of parcels): the figures are whole either way.</summary>
    private static string Clip(string source) => source.Length <= 1000 ? source : source[..998] + " …";

    /// <summary>The step as the domain folds it.</summary>
    public static ParcelStep ToStep(ParcelEventRecord e)
    {
        var kind = EnumTokens.Parse<ParcelEvent>(e.Event);
        return new(kind, e.On, EnumTokens.Parse<ParcelState>(e.State), e.Holder, e.Lessee, e.Mu,
            e.Disposal is null ? null : EnumTokens.Parse<DisposalKind>(e.Disposal), kind == ParcelEvent.EnforceRemedy ? e.Detail : null);
    }
}

/// <summary>
/// A firm's land from the parcel register: 亩 held (less what it leases out) and 亩 leased — each null when the register
/// records none of that kind for the firm, so that its profile's figure stands for land the register does not hold — and
/// from which parcels.
/// </summary>
public sealed record FirmLand(decimal? HeldMu, decimal? LeasedMu, string Source)
{
    /// <summary>The land the 亩均 evaluation divides by when the register holds all of the firm's land: held, or leased for a firm with none held (MuYieldInputs.EvaluatedLandMu).</summary>
    public decimal EvaluatedMu => HeldMu is > 0m ? HeldMu.Value : LeasedMu ?? 0m;
}
