using System.Text.Json;
using Carbon.Domain.Targets;
using Carbon.Server.Configuration;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("plan-task")]
public sealed class PlanTaskGrain(PlanReads reader, LedgerWriter writer, TimeProvider clock) : Grain, IPlanTaskGrain
{
    private PlanTaskRecord? _task;
    private List<PlanTaskReportRecord> _reports = [];

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if ((await reader.TasksAsync(id: Id)).FirstOrDefault() is { Task: not null } found)
        {
            (_task, _reports) = found;
        }
    }

    Task<PlanTaskView?> IPlanTaskGrain.GetAsync() => Task.FromResult(View());

    /// <summary>District officials put tasks on the plan's list.</summary>
    async Task<PlanTaskAnswer> IPlanTaskGrain.CreateAsync(CreatePlanTask c)
    {
        GrainGuards.CreatePlanTask(Id, c);
        if (!c.Caller.Administers)
        {
            return new PlanTaskAnswer(ProgrammeResult.Refused, null, "caller", "只有区经信局分解规划任务 (officials list the plan's tasks)");
        }
        if (_task is not null)
        {
            return new PlanTaskAnswer(ProgrammeResult.Conflict, View(), "id", $"任务 {Id} 已存在 (task exists)");
        }
        var now = clock.GetUtcNow();
        var record = new PlanTaskRecord
        {
            Id = Id, PlanId = c.PlanId, Title = c.Title.Trim(), Kind = EnumTokens.Token(c.Kind), Unit = c.Unit.Trim(), Targets = string.Join(' ', c.Targets),
            Measures = c.Measures.Trim(), Cadence = EnumTokens.Token(c.Cadence), Starts = c.Starts, Ends = c.Ends,
            StagesJson = JsonSerializer.Serialize(c.Stages.OrderBy(g => g.Number).Select(g => new StageFile(g.Number, g.Goal.Trim(), g.Due)), Json),
            CreatedAt = now, CreatedBy = c.Caller.Account,
        };
        await writer.WriteAsync(db =>
        {
            db.PlanTasks.Add(record);
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = c.Caller.Account, Action = "plan.task", Subject = Id,
                Detail = $"{record.PlanId} {record.Unit}: {record.Title} [{record.Targets}]" });
        });
        _task = record;
        return new PlanTaskAnswer(ProgrammeResult.Done, View());
    }

    /// <summary>
    /// One report per period, for a period the task has begun and that has begun; never in the future, never after a report
    /// that said done. Officials report for the units.
    /// </summary>
    async Task<PlanTaskAnswer> IPlanTaskGrain.ReportAsync(ReportOnTask c)
    {
        GrainGuards.ReportOnTask(Id, c);
        if (_task is not { } t)
        {
            return new PlanTaskAnswer(ProgrammeResult.NotFound, null, "id", $"无此任务 {Id} (no such task)");
        }
        if (!c.Caller.Administers)
        {
            return new PlanTaskAnswer(ProgrammeResult.Refused, null, "caller", "只有区经信局报送任务进展 (officials report for the units)");
        }
        var cadence = EnumTokens.Parse<ReportCadence>(t.Cadence);
        var today = ReportingClock.DayOf(clock.GetUtcNow());
        if ((c.Period.Contains('Q') ? ReportCadence.Quarterly : ReportCadence.Monthly) != cadence)
        {
            return new PlanTaskAnswer(ProgrammeResult.Conflict, View(), "period",
                cadence == ReportCadence.Monthly ? "本任务按月报送，报告期为 YYYY-MM (monthly: YYYY-MM)" : "本任务按季报送，报告期为 YYYY-Qn (quarterly: YYYY-Qn)");
        }
        if (string.CompareOrdinal(c.Period, PlanTasks.PeriodOf(cadence, t.Starts)) < 0 || string.CompareOrdinal(c.Period, PlanTasks.PeriodOf(cadence, t.Ends)) > 0
            || string.CompareOrdinal(c.Period, PlanTasks.PeriodOf(cadence, today)) > 0)
        {
            return new PlanTaskAnswer(ProgrammeResult.Conflict, View(), "period", $"报告期须在任务期内且已开始 ({PlanTasks.PeriodOf(cadence, t.Starts)}..{PlanTasks.PeriodOf(cadence, t.Ends)})");
        }
        if (c.On > today || c.On < t.Starts || c.On < PeriodStart(c.Period))
        {
            return new PlanTaskAnswer(ProgrammeResult.Conflict, View(), "on",
                $"报送日须在报告期开始后且不晚于今天 {today:yyyy-MM-dd} (on or after the period begins, not in the future)");
        }
        if (_reports.Count > 0 && c.On < _reports.Max(r => r.On))
        {
            return new PlanTaskAnswer(ProgrammeResult.Conflict, View(), "on", $"报送日不能早于上一份报告 {_reports.Max(r => r.On):yyyy-MM-dd} (not before the last report)");
        }
        if (_reports.Any(r => r.Period == c.Period))
        {
            return new PlanTaskAnswer(ProgrammeResult.Conflict, View(), "period", $"{c.Period} 已报送 (already reported)");
        }
        if (_reports.Any(r => r.Progress == EnumTokens.Token(TaskProgress.Done)))
        {
            return new PlanTaskAnswer(ProgrammeResult.Conflict, View(), "progress", "任务已报完成 (the task was reported done)");
        }
        var stages = Stages(t).Select(g => g.Number).ToHashSet();
        if (c.StagesMet.FirstOrDefault(n => !stages.Contains(n)) is var unknown and > 0)
        {
            return new PlanTaskAnswer(ProgrammeResult.Conflict, View(), "stagesMet", $"本任务没有第 {unknown} 阶段 (no such stage)");
        }
        var now = clock.GetUtcNow();
        var report = new PlanTaskReportRecord
        {
            TaskId = Id, Period = c.Period, On = c.On, Progress = EnumTokens.Token(c.Progress), PercentDone = c.PercentDone, Figures = c.Figures.Trim(),
            Obstacles = string.IsNullOrWhiteSpace(c.Obstacles) ? null : c.Obstacles.Trim(),
            StagesMet = c.StagesMet.Length == 0 ? null : string.Join(' ', c.StagesMet.Distinct().Order()), Actor = c.Caller.Account, At = now,
        };
        await writer.WriteAsync(db =>
        {
            db.PlanTaskReports.Add(report);
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = c.Caller.Account, Action = "plan.report", Subject = Id,
                Detail = $"{report.Period} {report.Progress} {report.PercentDone:0.##}%" });
        });
        _reports.Add(report);
        return new PlanTaskAnswer(ProgrammeResult.Done, View());
    }

    /// <summary>The first day of "2026-10" or "2026-Q3" (checked by the guard).</summary>
    private static DateOnly PeriodStart(string period) => period[5] == 'Q'
        ? new DateOnly(int.Parse(period[..4]), (period[6] - '1') * 3 + 1, 1)
        : new DateOnly(int.Parse(period[..4]), int.Parse(period[5..]), 1);

    private sealed record StageFile(int Number, string Goal, DateOnly Due);

    /// <summary>Chinese kept as it is (not \uXXXX), so the stages fit their column as the guard counted them.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    internal static StageGoal[] Stages(PlanTaskRecord t) =>
        (JsonSerializer.Deserialize<StageFile[]>(t.StagesJson, Json) ?? []).Select(s => new StageGoal(s.Number, s.Goal, s.Due)).ToArray();

    internal static PlanTaskView View(PlanTaskRecord t, IEnumerable<PlanTaskReportRecord> reports) =>
        new(t.Id, t.PlanId, t.Title, EnumTokens.Parse<PlanTaskKind>(t.Kind), t.Unit, t.Targets.Split(' ', StringSplitOptions.RemoveEmptyEntries), t.Measures,
            EnumTokens.Parse<ReportCadence>(t.Cadence), t.Starts, t.Ends, Stages(t), t.CreatedAt, t.CreatedBy,
            reports.Select(r => new TaskReportView(r.Period, r.On, EnumTokens.Parse<TaskProgress>(r.Progress), r.PercentDone, r.Figures, r.Obstacles,
                (r.StagesMet ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(n => int.TryParse(n, out var v) ? v : 0).Where(n => n > 0).ToArray(), r.Actor, r.At)).ToArray());

    private PlanTaskView? View() => _task is { } t ? View(t, _reports) : null;
}
