using Carbon.Domain.Access;
using Carbon.Domain.Policies;
using Carbon.Domain.Registry;
using Carbon.Domain.Targets;
using Carbon.Server.Configuration;
using Carbon.Server.Demo;
using Carbon.Server.Factors;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Hosting;

/// <summary>
/// In demo mode, when the plan has no task yet: six tasks and projects of the district plan across five units, reported
/// month by month or quarter by quarter — one done, one behind with its obstacles, one whose last report is overdue and
/// whose stage goal slips — and five requests from firms in each state (the demo filer's own one answered, waiting for it
/// to close).
/// </summary>
public sealed class DemoPlanStartup(
    IHostApplicationLifetime lifetime, IOptions<CarbonOptions> options, IGrainFactory grains, PlanReads reads, IReadOnlyList<TargetPlan> plans,
    ReportingClock clock, ILogger<DemoPlanStartup> log)
    : DemoSeedAfterStart(lifetime, options, log)
{
    private static readonly Caller Seed = Caller.System(DemoDistrict.Actor);

    protected override string What => "the plan's tasks and the requests";

    protected override async Task SeedAsync()
    {
        if ((await reads.TasksAsync()).Count > 0)
        {
            return;
        }
        var plan = plans[0];
        var today = clock.Today;
        var year = today.Year;
        // (title, kind, unit, targets, measures, cadence, months of reports filed from January, the last one's progress, stages)
        var tasks = new (string Title, PlanTaskKind Kind, string Unit, string[] Targets, string Measures, ReportCadence Cadence, int Reports, TaskProgress Last,
            (string Goal, int Month)[] Stages)[]
        {
            ("重点用能企业节能技术改造", PlanTaskKind.Project, "区发改局", ["energy-intensity-above", "co2-intensity-above"], "电机、空压机系统改造，余热回收",
                ReportCadence.Monthly, today.Month - 1, TaskProgress.OnSchedule, [("完成项目清单和方案", 3), ("半数项目完工", 9), ("全部完工并验收", 12)]),
            ("工业节水与中水回用", PlanTaskKind.Task, "区水利局", ["water-use"], "节水型企业创建，印染、化工中水回用", ReportCadence.Quarterly, 3,
                TaskProgress.Behind, [("完成水平衡测试", 6), ("中水回用设施投用", 12)]),
            ("绿色工厂梯度培育", PlanTaskKind.Task, "区经信局", ["green-factories"], "绿色工厂培育库，第三方评价辅导", ReportCadence.Quarterly, 3,
                TaskProgress.OnSchedule, [("入库企业50家", 6)]),
            ("低效工业用地再开发", PlanTaskKind.Project, "区资规分局", ["land-reclaimed", "tax-per-mu-above"], "收回、转让、改造提升低效用地",
                ReportCadence.Monthly, today.Month - 3, TaskProgress.Behind, [("完成低效用地摸排", 4), ("完成处置方案", 8)]),
            ("“低散乱污”整治", PlanTaskKind.Task, "各镇（街道）", ["scattered-polluting"], "关停、搬迁入园、整治提升", ReportCadence.Monthly, today.Month - 1,
                TaskProgress.OnSchedule, [("完成排查建档", 3)]),
            ("亩均评价扩面", PlanTaskKind.Task, "区经信局", ["value-added-per-mu-above"], "评价对象扩至规下企业和工业楼宇", ReportCadence.Quarterly, 2,
                TaskProgress.Done, [("制定扩面方案", 4)]),
        };
        foreach (var t in tasks)
        {
            var id = Guid.NewGuid().ToString("N");
            var grain = grains.GetGrain<IPlanTaskGrain>(id);
            var stages = t.Stages.Select((s, i) => new StageGoal(i + 1, s.Goal, new DateOnly(year, s.Month, 1).AddMonths(1).AddDays(-1))).ToArray();
            Check(await grain.CreateAsync(new CreatePlanTask(plan.Id, t.Title, t.Kind, t.Unit, t.Targets, t.Measures, t.Cadence, new DateOnly(year, 1, 1),
                new DateOnly(year, 12, 31), stages, Seed)));
            var months = t.Cadence == ReportCadence.Monthly ? 1 : 3;
            for (var i = 0; i < t.Reports; i++)
            {
                var first = new DateOnly(year, 1 + i * months, 1);
                var on = first.AddMonths(months).AddDays(5);
                if (on > today)
                {
                    break;
                }
                var last = i == t.Reports - 1;
                var progress = last ? t.Last : TaskProgress.OnSchedule;
                var percent = progress == TaskProgress.Done ? 100m : Math.Round(100m * (i + 1) * months / 12m * (progress == TaskProgress.Behind ? 0.7m : 1m), 0);
                var met = stages.Where(s => s.Due < on && (t.Last != TaskProgress.Behind || s.Number == 1)).Select(s => s.Number).ToArray();
                Check(await grain.ReportAsync(new ReportOnTask(PlanTasks.PeriodOf(t.Cadence, first), on, progress, percent,
                    $"累计完成 {percent}%（演示）", progress == TaskProgress.Behind ? "设备到货推迟，部分企业资金未落实（演示）" : null, met, Seed)));
            }
        }

        var requests = new (int Firm, RequestCategory Category, string Title, string Text, string? Unit, string? Reply, bool Close)[]
        {
            (0, RequestCategory.Utilities, "增容用电申请", "新上产线需增容 800 kVA，请协调供电公司。", "区供电公司", "已列入本月增容计划，10 个工作日内完成。", false),
            (1, RequestCategory.Land, "扩建用地指标", "拟扩建二期厂房，申请新增工业用地 20 亩。", "区资规分局", "已纳入年度用地计划，请按标准地程序申报。", true),
            (2, RequestCategory.Finance, "技改贷款贴息", "技改项目贷款 2 000 万元，咨询贴息政策。", "区金融办", null, false),
            (3, RequestCategory.Talent, "高技能人才公寓", "申请人才公寓 10 套。", null, null, false),
            (4, RequestCategory.Policy, "数字化改造补助兑现", "项目已验收，补助何时兑现？", "区经信局", "已核准，本季度内兑付。", true),
        };
        foreach (var r in requests)
        {
            var grain = grains.GetGrain<IServiceRequestGrain>(Guid.NewGuid().ToString("N"));
            Check(await grain.FileAsync(new FileRequest(Uscc.Parse(DemoDistrict.Uscc(r.Firm)), r.Category, r.Title, r.Text, Seed)));
            if (r.Unit is { } unit)
            {
                Check(await grain.RecordAsync(new RequestStepCommand(RequestStep.Routed, unit, "请按职责办理并答复企业（演示）", null, Seed)));
            }
            if (r.Reply is { } reply)
            {
                Check(await grain.RecordAsync(new RequestStepCommand(RequestStep.Replied, null, reply, null, Seed)));
            }
            if (r.Close)
            {
                Check(await grain.RecordAsync(new RequestStepCommand(RequestStep.Closed, null, "企业确认满意（演示）", true, Seed)));
            }
        }
    }

    private static void Check(PlanTaskAnswer a)
    {
        if (a.Result != ProgrammeResult.Done)
        {
            throw new InvalidOperationException(a.Message);
        }
    }

    private static void Check(RequestAnswer a)
    {
        if (a.Result != ProgrammeResult.Done)
        {
            throw new InvalidOperationException(a.Message);
        }
    }
}
