namespace Carbon.Domain.LandUse;

/// <summary>The "two small" campaigns (两小 整治): what each one counts.</summary>
public enum CampaignKind
{
    /// <summary>低散乱污 enterprises rectified.</summary>
    ScatteredPolluting,
    /// <summary>落后产能 phased out: firms.</summary>
    BackwardCapacity,
    /// <summary>低效街区 (blocks) upgraded.</summary>
    LowEfficiencyBlock,
    /// <summary>小微企业园 built or upgraded.</summary>
    MicroPark,
}

/// <summary>What is wrong with a firm or block in a rectification case.</summary>
public enum ProblemCategory
{
    Pollution,
    Safety,
    BackwardCapacity,
    /// <summary>Energy use: linked to a 节能监察 case.</summary>
    EnergyUse,
    Unlicensed,
    BlockGovernance,
    /// <summary>搬迁入园: to be moved into a park.</summary>
    Relocation,
}

/// <summary>Where a rectification case stands.</summary>
public enum RectificationState
{
    Open,
    InProgress,
    Closed,
}

/// <summary>How a closed case ended; each counts toward its campaign.</summary>
public enum ClosureKind
{
    Rectified,
    /// <summary>搬迁入园.</summary>
    RelocatedIntoPark,
    Merged,
    /// <summary>关停.</summary>
    ShutDown,
}

/// <summary>A step of a rectification case.</summary>
public enum RectificationStep
{
    /// <summary>立案: the case opened with its problems, responsible unit, measures and deadline.</summary>
    Opened,
    /// <summary>开始整治: work begins.</summary>
    Started,
    /// <summary>进展: a progress note, the state unchanged.</summary>
    Progressed,
    /// <summary>销号: closed, with how it ended and its evidence.</summary>
    Closed,
}

/// <summary>A campaign's progress: closed cases against its target count, in its year.</summary>
public sealed record CampaignProgress(CampaignKind Kind, int Year, int Target, int Closed, int Open)
{
    /// <summary>Closed ÷ target (may pass 1); null without a target.</summary>
    public decimal? Share => Target > 0 ? (decimal)Closed / Target : null;
}

/// <summary>The rectification workflow: open → in progress → closed (with a closure kind and evidence).</summary>
public static class Rectification
{
    /// <summary>
    /// Whether the case may move from <paramref name="from"/> to <paramref name="to"/>: work starts on an open case; a case
    /// open or in progress may be closed, with how it ended and its evidence; a closed case is closed for good.
    /// </summary>
    public static bool CanMove(RectificationState from, RectificationState to) => (from, to) switch
    {
        (RectificationState.Open, RectificationState.InProgress) => true,
        (RectificationState.Open or RectificationState.InProgress, RectificationState.Closed) => true,
        _ => false,
    };

    /// <summary>The state after <paramref name="step"/>, or null when it may not be taken in <paramref name="state"/>.</summary>
    public static RectificationState? After(RectificationState state, RectificationStep step) => step switch
    {
        RectificationStep.Started when CanMove(state, RectificationState.InProgress) => RectificationState.InProgress,
        RectificationStep.Progressed when state != RectificationState.Closed => state,
        RectificationStep.Closed when CanMove(state, RectificationState.Closed) => RectificationState.Closed,
        _ => null,
    };

    /// <summary>
    /// Why a step may not be taken (null: it may): the workflow's order (<see cref="After"/>); a closure says how the case
    /// ended and cites at least one evidence file (销号 needs proof: a photo, an acceptance record, a licence, a closure
    /// notice).
    /// </summary>
    public static string? Refusal(RectificationState state, RectificationStep step, ClosureKind? closure, int evidence) =>
        After(state, step) is null ? $"案件处于 {state}，不能 {step} (not in this state)"
        : step == RectificationStep.Closed && closure is null ? "销号须说明结果 closure (rectified, relocated-into-park, merged or shut-down)"
        : step == RectificationStep.Closed && evidence == 0 ? "销号须附至少一份证据 (a closure cites at least one evidence file)"
        : null;

    /// <summary>
    /// A campaign's count in <paramref name="year"/>: its cases closed by the year's end, of any closure kind, against its
    /// target; open, the cases opened by then and not closed by then (a case closed since was still open that year).
    /// </summary>
    public static CampaignProgress Progress(CampaignKind kind, int year, int target, IEnumerable<(DateOnly OpenedOn, DateOnly? ClosedOn)> cases)
    {
        var list = cases.ToList();
        var end = new DateOnly(year, 12, 31);
        var closed = list.Count(c => c.ClosedOn is { } on && on <= end);
        return new CampaignProgress(kind, year, target, closed, list.Count(c => c.OpenedOn <= end && !(c.ClosedOn is { } on && on <= end)));
    }
}
