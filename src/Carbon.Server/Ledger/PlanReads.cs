using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Ledger;

/// <summary>The plan's tasks with their reports, and the firms' requests with their steps, as the ledger keeps them.</summary>
public sealed class PlanReads(ILedgerContextFactory contexts)
{
    /// <summary>Tasks (of one plan, or all) with their reports in the order filed.</summary>
    public async Task<List<(PlanTaskRecord Task, List<PlanTaskReportRecord> Reports)>> TasksAsync(string? planId = null, string? id = null)
    {
        await using var db = contexts.Create();
        var tasks = await db.PlanTasks.AsNoTracking().Where(t => (planId == null || t.PlanId == planId) && (id == null || t.Id == id)).ToListAsync();
        var ids = tasks.Select(t => t.Id).ToList();
        var reports = (await db.PlanTaskReports.AsNoTracking().Where(r => ids.Contains(r.TaskId)).ToListAsync())
            .OrderBy(r => r.Id).ToLookup(r => r.TaskId, StringComparer.Ordinal);
        return tasks.OrderBy(t => t.Starts).ThenBy(t => t.Id, StringComparer.Ordinal).Select(t => (t, reports[t.Id].ToList())).ToList();
    }

    /// <summary>Requests (of the given firms, or all) with their steps in order.</summary>
    public async Task<List<(ServiceRequestRecord Request, List<ServiceRequestStepRecord> Steps)>> RequestsAsync(IReadOnlyCollection<string>? firms = null,
        string? id = null)
    {
        await using var db = contexts.Create();
        var requests = await db.ServiceRequests.AsNoTracking()
            .Where(r => (firms == null || firms.Contains(r.Uscc)) && (id == null || r.Id == id)).ToListAsync();
        var ids = requests.Select(r => r.Id).ToList();
        var steps = (await db.ServiceRequestSteps.AsNoTracking().Where(s => ids.Contains(s.RequestId)).ToListAsync())
            .OrderBy(s => s.Id).ToLookup(s => s.RequestId, StringComparer.Ordinal);
        return requests.OrderByDescending(r => r.FiledAt).Select(r => (r, steps[r.Id].ToList())).ToList();
    }

    public async Task<List<(string Sha256, string FileName, string ContentType, long Length, DateTimeOffset UploadedAt, string UploadedBy)>> AttachmentsAsync(string id)
    {
        await using var db = contexts.Create();
        var rows = await db.ServiceRequestAttachments.AsNoTracking().Where(e => e.RequestId == id)
            .Select(e => new { e.Sha256, e.FileName, e.ContentType, Length = (long)e.Content.Length, e.UploadedAt, e.UploadedBy }).ToListAsync();
        return rows.OrderBy(r => r.UploadedAt).Select(r => (r.Sha256, r.FileName, r.ContentType, r.Length, r.UploadedAt, r.UploadedBy)).ToList();
    }

    public async Task<ServiceRequestAttachmentRecord?> FindAttachmentAsync(string id, string sha256)
    {
        await using var db = contexts.Create();
        return await db.ServiceRequestAttachments.AsNoTracking().FirstOrDefaultAsync(e => e.RequestId == id && e.Sha256 == sha256);
    }
}
