using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Ledger;

/// <summary>Policies and their applications, as the ledger keeps them.</summary>
public sealed class PolicyReads(ILedgerContextFactory contexts)
{
    public async Task<PolicyRecord?> FindAsync(string id)
    {
        await using var db = contexts.Create();
        return await db.Policies.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id);
    }

    public async Task<List<PolicyRecord>> ListAsync()
    {
        await using var db = contexts.Create();
        return (await db.Policies.AsNoTracking().ToListAsync()).OrderByDescending(p => p.ValidFrom).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>A policy's applications with their steps, oldest first.</summary>
    public async Task<List<(PolicyApplicationRecord Application, List<PolicyApplicationStepRecord> Steps)>> ApplicationsAsync(string policyId)
    {
        await using var db = contexts.Create();
        var applications = await db.PolicyApplications.AsNoTracking().Where(a => a.PolicyId == policyId).ToListAsync();
        var ids = applications.Select(a => a.Id).ToList();
        var steps = (await db.PolicyApplicationSteps.AsNoTracking().Where(s => ids.Contains(s.ApplicationId)).ToListAsync())
            .OrderBy(s => s.Id).ToLookup(s => s.ApplicationId, StringComparer.Ordinal);
        return applications.OrderBy(a => a.CreatedAt).Select(a => (a, steps[a.Id].ToList())).ToList();
    }
}
