using Carbon.Domain.LandUse;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Features.Web;

/// <summary>The "two small" programme's words on the pages: Chinese first, then English.</summary>
public static class ProgrammeWords
{
    public static string Problem(ProblemCategory p) => p switch
    {
        ProblemCategory.Pollution => "污染 pollution",
        ProblemCategory.Safety => "安全 safety",
        ProblemCategory.BackwardCapacity => "落后产能 backward capacity",
        ProblemCategory.EnergyUse => "用能 energy use",
        ProblemCategory.Unlicensed => "无证无照 unlicensed",
        ProblemCategory.BlockGovernance => "区块治理 block governance",
        _ => "搬迁入园 relocation into a park",
    };

    public static string State(RectificationState s) => s switch
    {
        RectificationState.Open => "待整治 open",
        RectificationState.InProgress => "整治中 in progress",
        _ => "已销号 closed",
    };

    public static string Step(RectificationStep s) => s switch
    {
        RectificationStep.Opened => "立案 opened",
        RectificationStep.Started => "开始整治 started",
        RectificationStep.Progressed => "进展 progress",
        _ => "销号 closed",
    };

    public static string Closure(ClosureKind k) => k switch
    {
        ClosureKind.Rectified => "整治达标 rectified",
        ClosureKind.RelocatedIntoPark => "搬迁入园 relocated into a park",
        ClosureKind.Merged => "兼并重组 merged",
        _ => "关停 shut down",
    };

    public static string Event(MicroParkEvent e) => e switch
    {
        MicroParkEvent.Admit => "准入 admitted",
        MicroParkEvent.Refuse => "不予准入 refused",
        _ => "退出 exited",
    };

    public static string Criterion(string fail) => fail switch
    {
        "industry" => "行业不符 industry",
        "tax-per-mu" => "亩均税收不足 tax per 亩",
        "class" => "评价类别不足 class",
        _ => fail,
    };
}
