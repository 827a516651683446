using Carbon.Certificates;
using Carbon.Domain.Access;
using Carbon.Server.Configuration;
using Carbon.Server.Features.Policies;
using Carbon.Server.Features.Targets;
using Carbon.Server.Grains;
using Carbon.Server.Ledger;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Features.Plan;

/// <summary>
/// 规划实施评估报告: every target of the plan in the year (as GET /api/district/targets gives it), task completion by unit as
/// at the year's end (today for this year), and the year's key figures — green factories, land freed, the "two small"
/// cases closed, supervision cases, policy outlay. In the plan's mid-term year it is the 中期评估.
/// </summary>
public sealed class PlanEvaluationBuilder(TargetsService targets, PlanService plan, SupervisionReads supervision, PolicyService policies,
    IOptions<CarbonOptions> options, ReportingClock clock) : IPlanEvaluationSource
{
    private static readonly Caller Service = Caller.System("plan-evaluation");

    public async Task<(PlanEvaluationData? Data, BuildProblem? Problem)> PlanEvaluationAsync(CertificateHeader header, int year)
    {
        var p = plan.Plans[0];
        if (year <= p.BaselineYear)
        {
            return (null, new BuildProblem("year", $"评估年度须在基期 {p.BaselineYear} 年之后 (after the baseline year)", false));
        }
        var today = clock.Today;
        var asOf = year < today.Year ? new DateOnly(year, 12, 31) : today;
        var t = await targets.ComputeAsync(p, year);
        if (t.Targets.All(x => x.Latest is null))
        {
            return (null, new BuildProblem("year", $"{year} 年无任何目标数据，无可评估 (no target has data for {year})", false));
        }
        var tasks = await plan.TasksAsync(p, asOf);
        decimal? Latest(string metric) => t.Targets.FirstOrDefault(x => x.Metric == metric)?.Latest;
        var campaigns = t.Targets.Where(x => x.Metric.StartsWith("campaign-", StringComparison.Ordinal)).ToList();
        var cases = (await supervision.ListCasesAsync(year)).Count;
        var outlay = await policies.OutlayAsync(Service);
        var figures = new List<KeyFigureLine>
        {
            new("有效绿色工厂", "Green factories", Latest("green-factories") is { } g ? $"{g:0} 家" : "—"),
            new("盘活低效用地", "Land freed", Latest("land-reclaimed") is { } l ? $"{l:0.##} 亩" : "—"),
            new("两小整治销号", "Rectification closed", $"{campaigns.Sum(c => c.Latest ?? 0m):0} / {campaigns.Sum(c => c.Target):0} 件"),
            new("节能监察案件", "Supervision cases", $"{cases} 件"),
            new("惠企政策累计兑现", "Policy outlay to date", $"{outlay.Total:0.##} 万元"),
            new("规划任务完成", "Tasks done", $"{tasks.Tasks.Count(x => x.Done)} / {tasks.Tasks.Length} 项"),
        };
        var lines = t.Targets.Select(x => new PlanTargetLine(x.Name, x.Unit, x.Target, x.Baseline, x.Latest, x.Progress, x.Projection, TargetsService.StatusName(x.Status))).ToList();
        var units = tasks.Units.Select(u => new UnitTaskLine(u.Unit, u.Tasks, u.Done, u.OnSchedule, u.Slipping, u.OverdueReports, u.MeanPercentDone)).ToList();
        return (new PlanEvaluationData(header, options.Value.Certificates.Issuer, p.Id, p.Name, p.BaselineYear, p.TargetYear, year, year == p.MidTermYear,
            asOf, lines, units, figures), null);
    }
}
