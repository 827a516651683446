using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Ledger;

/// <summary>The early-warning side of the ledger: budgets, annual reports, the grid's figures, 205-1 forms and what people said about alerts.</summary>
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

    /// <summary>The day each firm's report for <paramref name="year"/> was handed in (the latest row of each).</summary>
    public async Task<Dictionary<string, EnergyReportRecord>> EnergyReportsAsync(int year)
    {
        await using var db = contexts.Create();
        return (await db.EnergyReports.AsNoTracking().Where(r => r.Year == year).ToListAsync())
            .GroupBy(r => r.Uscc).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!, StringComparer.Ordinal);
    }

    /// <summary>A firm's latest budget row for a year, or null.</summary>
    public async Task<EnergyBudgetRecord?> BudgetAsync(string uscc, int year)
    {
        await using var db = contexts.Create();
        return await db.EnergyBudgets.AsNoTracking().Where(b => b.Uscc == uscc && b.Year == year).OrderByDescending(b => b.Id).FirstOrDefaultAsync();
    }

    /// <summary>A firm's latest report row for a year, or null.</summary>
    public async Task<EnergyReportRecord?> EnergyReportAsync(string uscc, int year)
    {
        await using var db = contexts.Create();
        return await db.EnergyReports.AsNoTracking().Where(r => r.Uscc == uscc && r.Year == year).OrderByDescending(r => r.Id).FirstOrDefaultAsync();
    }

    /// <summary>The grid's kWh for each firm and month of <paramref name="year"/> (the latest row of each).</summary>
    public async Task<Dictionary<(string Uscc, int Month), decimal>> GridElectricityAsync(int year)
    {
        await using var db = contexts.Create();
        return (await db.GridElectricity.AsNoTracking().Where(g => g.Year == year).ToListAsync())
            .GroupBy(g => (g.Uscc, g.Month)).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Id)!.Kwh);
    }

    /// <summary>
    /// The 205-1 rows of each firm-month of <paramref name="year"/> and of the December before (for January's opening), from
    /// the latest import of each month; only <paramref name="firms"/>' when given.
    /// </summary>
    public async Task<Dictionary<(string Uscc, int Year, int Month), List<Form2051LineRecord>>> Form2051Async(int year, IReadOnlyCollection<string>? firms = null)
    {
        await using var db = contexts.Create();
        var query = db.Form2051Lines.AsNoTracking().Where(l => l.Year == year || (l.Year == year - 1 && l.Month == 12));
        var lines = await (firms is null ? query : query.Where(l => firms.Contains(l.Uscc))).ToListAsync();
        return lines.GroupBy(l => (l.Uscc, l.Year, l.Month))
            .ToDictionary(g => g.Key, g =>
            {
                var latest = g.MaxBy(l => l.Id)!.ImportId;
                return g.Where(l => l.ImportId == latest).OrderBy(l => l.Row).ToList();
            });
    }
}
