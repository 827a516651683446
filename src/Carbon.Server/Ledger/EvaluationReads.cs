using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Ledger;

/// <summary>A run as listed: who ran what, when, over how many firms (its inputs stay in the ledger).</summary>
public sealed record EvaluationRunHeader(string Id, int Year, string MethodId, string MethodVersion, string FactorSet,
    DateTimeOffset CreatedAt, string CreatedBy, int Firms);

/// <summary>The 亩均 evaluation runs' read side.</summary>
public sealed class EvaluationReads(ILedgerContextFactory contexts)
{
    /// <summary>A run with its method text and the inputs of every firm, or null.</summary>
    public async Task<EvaluationRunRecord?> FindRunAsync(string id)
    {
        await using var db = contexts.Create();
        return await db.EvaluationRuns.AsNoTracking().Include(r => r.Inputs).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id);
    }

    /// <summary>Every run, newest first.</summary>
    public async Task<List<EvaluationRunHeader>> ListRunsAsync()
    {
        await using var db = contexts.Create();
        var runs = await db.EvaluationRuns.AsNoTracking()
            .Select(r => new EvaluationRunHeader(r.Id, r.Year, r.MethodId, r.MethodVersion, r.FactorSetVersion, r.CreatedAt, r.CreatedBy,
                r.Inputs.Count))
            .ToListAsync();
        return runs.OrderByDescending(r => r.CreatedAt).ToList();
    }
}
