namespace Carbon.Domain.Targets;

/// <summary>How often a task's unit reports (按月 / 按季对表).</summary>
public enum ReportCadence
{
    Monthly,
    Quarterly,
}

/// <summary>What a unit says of its task in a report.</summary>
public enum TaskProgress
{
    /// <summary>按计划推进.</summary>
    OnSchedule,
    /// <summary>滞后: behind, with the obstacles said.</summary>
    Behind,
    /// <summary>完成.</summary>
    Done,
}

/// <summary>A stage goal (阶段目标) of a task: what is to be reached by when.</summary>
public sealed record StageGoal(int Number, string Goal, DateOnly Due);

/// <summary>A progress report for one period ("2026-10" or "2026-Q3"): status, % done, the stage goals it says are met.</summary>
public sealed record TaskReport(string Period, DateOnly On, TaskProgress Progress, decimal PercentDone, IReadOnlyList<int> StagesMet);

/// <summary>A task or project of the plan (项目化、清单化) as the schedule sees it: who reports, how often, from when to when, its stages.</summary>
public sealed record PlanTask(string Id, string Unit, ReportCadence Cadence, DateOnly Starts, DateOnly Ends, IReadOnlyList<StageGoal> Stages);

public enum TaskAlertKind
{
    /// <summary>逾期未报: a period's report is past its due day.</summary>
    ReportOverdue,
    /// <summary>阶段目标滞后: a stage goal is past its date and no report says it was met.</summary>
    StageSlipping,
}

/// <summary>An alert on a task: what is late (the period or the stage), since when, by how many days.</summary>
public sealed record TaskAlert(TaskAlertKind Kind, string What, DateOnly Due, int DaysLate);

/// <summary>Where a task stands today: done, % done (the latest report's), its alerts.</summary>
public sealed record TaskStanding(bool Done, decimal? PercentDone, TaskProgress? Latest, IReadOnlyList<TaskAlert> Alerts)
{
    public int OverdueReports => Alerts.Count(a => a.Kind == TaskAlertKind.ReportOverdue);

    public bool Slipping => Alerts.Any(a => a.Kind == TaskAlertKind.StageSlipping);
}

/// <summary>
/// The plan's tasks tracked month by month and quarter by quarter (按月逐季对表对标): which reports are due, which are
/// overdue, which stage goals are slipping.
/// </summary>
public static class PlanTasks
{
    /// <summary>The period a day falls in: "2026-10" (monthly) or "2026-Q4" (quarterly).</summary>
    public static string PeriodOf(ReportCadence cadence, DateOnly day) => cadence == ReportCadence.Monthly
        ? $"{day.Year:D4}-{day.Month:D2}"
        : $"{day.Year:D4}-Q{(day.Month + 2) / 3}";

    /// <summary>
    /// The periods whose report is due by <paramref name="today"/>: every period from the task's start to its end that has
    /// ended, each due on day <paramref name="dueDay"/> of the month after it (次月N日前报送).
    /// </summary>
    public static IReadOnlyList<(string Period, DateOnly Due)> DuePeriods(PlanTask task, DateOnly today, int dueDay)
    {
        var months = task.Cadence == ReportCadence.Monthly ? 1 : 3;
        var start = new DateOnly(task.Starts.Year, task.Starts.Month, 1);
        if (task.Cadence == ReportCadence.Quarterly)
        {
            start = new DateOnly(start.Year, (start.Month - 1) / 3 * 3 + 1, 1);
        }
        var due = new List<(string, DateOnly)>();
        for (var first = start; first <= task.Ends; first = first.AddMonths(months))
        {
            var next = first.AddMonths(months);
            var on = next.AddDays(Math.Clamp(dueDay, 1, 28) - 1);
            if (on > today)
            {
                break;
            }
            due.Add((PeriodOf(task.Cadence, first), on));
        }
        return due;
    }

    /// <summary>
    /// A task's standing on <paramref name="today"/>: a report overdue for each period past its due day without one (none once a report
    /// says done), a stage slipping for each stage goal past its date that no report on or before today says is met.
    /// </summary>
    public static TaskStanding Standing(PlanTask task, IReadOnlyList<TaskReport> reports, DateOnly today, int dueDay)
    {
        var filed = reports.Where(r => r.On <= today).OrderBy(r => r.On).ToList();
        var latest = filed.LastOrDefault();
        var done = filed.Any(r => r.Progress == TaskProgress.Done);
        var alerts = new List<TaskAlert>();
        if (!done)
        {
            var periods = filed.Select(r => r.Period).ToHashSet(StringComparer.Ordinal);
            alerts.AddRange(DuePeriods(task, today, dueDay).Where(p => p.Due < today && !periods.Contains(p.Period))
                .Select(p => new TaskAlert(TaskAlertKind.ReportOverdue, p.Period, p.Due, today.DayNumber - p.Due.DayNumber)));
        }
        var met = filed.SelectMany(r => r.StagesMet).ToHashSet();
        alerts.AddRange(task.Stages.Where(s => s.Due < today && !met.Contains(s.Number) && !done)
            .Select(s => new TaskAlert(TaskAlertKind.StageSlipping, $"{s.Number}. {s.Goal}", s.Due, today.DayNumber - s.Due.DayNumber)));
        return new TaskStanding(done, latest?.PercentDone, latest?.Progress, alerts);
    }
}
