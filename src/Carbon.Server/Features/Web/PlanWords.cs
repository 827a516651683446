using Carbon.Domain.Policies;
using Carbon.Domain.Targets;

namespace Carbon.Server.Features.Web;

/// <summary>The plan's and the requests' words on the pages: Chinese first, then English.</summary>
public static class PlanWords
{
    public static string Progress(TaskProgress? p) => p switch
    {
        TaskProgress.OnSchedule => "按计划推进 on schedule",
        TaskProgress.Behind => "滞后 behind",
        TaskProgress.Done => "已完成 done",
        _ => "未报送 no report yet",
    };

    public static string Alert(TaskAlertKind k) => k == TaskAlertKind.ReportOverdue ? "逾期未报 report overdue" : "阶段目标滞后 stage slipping";

    public static string Rule(string token) => token switch
    {
        "consumption" => "按消耗量 pro-rata to consumption",
        "value-added" => "按增加值 pro-rata to value added",
        _ => "按与目标的差距 pro-rata to the distance from the target",
    };

    public static string Category(RequestCategory c) => c switch
    {
        RequestCategory.Policy => "政策兑现 policy",
        RequestCategory.Land => "用地 land",
        RequestCategory.Utilities => "用能用水 utilities",
        RequestCategory.Finance => "融资 finance",
        RequestCategory.Talent => "用工人才 talent",
        RequestCategory.Approval => "审批 approval",
        RequestCategory.Infrastructure => "配套设施 infrastructure",
        _ => "其他 other",
    };

    public static string State(RequestState s) => s switch
    {
        RequestState.Filed => "待交办 filed",
        RequestState.Routed => "办理中 routed",
        RequestState.Replied => "已答复 replied",
        _ => "已办结 closed",
    };

    public static string Step(RequestStep s) => s switch
    {
        RequestStep.Filed => "提出 filed",
        RequestStep.Routed => "交办 routed",
        RequestStep.Replied => "答复 replied",
        _ => "办结 closed",
    };
}
