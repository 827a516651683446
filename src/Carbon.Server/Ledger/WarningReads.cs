using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Ledger;

/// <summary>The early-warning side of the ledger: budgets and what people said about alerts.</summary>
public sealed class WarningReads(ILedgerContextFactory contexts)
{
    /// <summary>Each firm's budget for <paramref name="year"/> (the latest row of each).</summary>
    public async Task<Dictionary<string, decimal>> BudgetsAsync(int year)
    {
        await using var db = contexts.Create();
        return (await db.EnergyBudgets.AsNoTracking().Where(b => b.Year == year).ToListAsync())
            .GroupBy(b => b.Uscc).ToDictionary(g => g.Key, g => g.MaxBy(b => b.Id)!.Tce, StringComparer.Ordinal);
    }

    public async Task<List<AlertNoteRecord>> NotesAsync(int year)
    {
        await using var db = contexts.Create();
        return await db.AlertNotes.AsNoTracking().Where(n => n.Year == year || (n.Year == year - 1 && n.Month == 12)).OrderBy(n => n.Id).ToListAsync();
    }
}
