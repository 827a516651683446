using Carbon.Domain.Targets;
using Carbon.Server.Configuration;
using Carbon.Server.Factors;
using Carbon.Server.Grains;
using Carbon.Server.Ledger;

namespace Carbon.Server.Features.Plan;

/// <summary>The plan's tasks with their standing today (<see cref="PlanTasks.Standing"/>), completion by unit and the alerts.</summary>
public sealed class PlanService(IReadOnlyList<TargetPlan> plans, PlanReads reads, ReportingClock clock)
{
    public IReadOnlyList<TargetPlan> Plans => plans;

    public TargetPlan? Find(string? id) => id is null ? plans[0] : plans.FirstOrDefault(p => p.Id == id);

    /// <summary>Every task of the plan as of <paramref name="asOf"/> (today when null).</summary>
    public async Task<PlanTasksResponse> TasksAsync(TargetPlan plan, DateOnly? asOf = null)
    {
        var day = asOf ?? clock.Today;
        var tasks = (await reads.TasksAsync(plan.Id)).Select(t => Response(plan, PlanTaskGrain.View(t.Task, t.Reports), day)).ToArray();
        var units = tasks.GroupBy(t => t.Task.Unit).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new UnitProgress(g.Key, g.Count(), g.Count(t => t.Done), g.Count(t => !t.Done && t.Alerts.Length == 0),
                g.Count(t => t.Alerts.Any(a => a.Kind == TaskAlertKind.StageSlipping)), g.Sum(t => t.Alerts.Count(a => a.Kind == TaskAlertKind.ReportOverdue)),
                g.Any(t => t.PercentDone is not null) ? Math.Round(g.Average(t => t.PercentDone ?? 0m), 1) : null))
            .ToArray();
        var alerts = tasks.SelectMany(t => t.Alerts.Select(a => new PlanAlert(t.Task.Id, t.Task.Title, t.Task.Unit, a.Kind, a.What, a.Due, a.DaysLate)))
            .OrderByDescending(a => a.DaysLate).ThenBy(a => a.TaskId, StringComparer.Ordinal).ToArray();
        return new PlanTasksResponse(plan.Id, plan.Name, day, plan.ReportDueDay, tasks, units, alerts);
    }

    public async Task<PlanTaskResponse?> FindAsync(string id)
    {
        if ((await reads.TasksAsync(id: id)).FirstOrDefault() is not { Task: { } task } found)
        {
            return null;
        }
        return Response(plans.FirstOrDefault(p => p.Id == task.PlanId) ?? plans[0], PlanTaskGrain.View(task, found.Reports), clock.Today);
    }

    public PlanTaskResponse Response(TargetPlan plan, Grains.Contracts.PlanTaskView v, DateOnly day)
    {
        var task = new PlanTask(v.Id, v.Unit, v.Cadence, v.Starts, v.Ends, v.Stages);
        var reports = v.Reports.Select(r => new TaskReport(r.Period, r.On, r.Progress, r.PercentDone, r.StagesMet)).ToList();
        var s = PlanTasks.Standing(task, reports, day, plan.ReportDueDay);
        return new PlanTaskResponse(v, s.Done, s.PercentDone, s.Latest, s.Alerts.ToArray(),
            v.Targets.Select(t => plan.Targets.FirstOrDefault(x => x.Id == t)?.Name ?? t).ToArray());
    }
}
