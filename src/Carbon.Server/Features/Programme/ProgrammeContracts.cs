using Carbon.Domain.LandUse;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using FluentValidation;

namespace Carbon.Server.Features.Programme;

/// <summary>
/// POST /api/rectification/cases: a case in a campaign (a plan target's id: scattered-polluting, backward-capacity,
/// low-efficiency-blocks, micro-parks), about a firm (uscc) or a block, with where, what is wrong, who answers for it,
/// the measures and the deadline; a problem of energy use names the 节能监察 case it comes from.
/// </summary>
public sealed record RectificationRequest(string? Campaign, Uscc? Uscc, string? Block, string? Town, string? ParkCode, ProblemCategory[]? Problems,
    string? SupervisionCaseId, string? ResponsibleUnit, string? Measures, DateOnly? Deadline, DateOnly? On)
{
    public OpenRectification ToCommand(Domain.Access.Caller caller) => new(Campaign!, Uscc, Block, Town!, string.IsNullOrWhiteSpace(ParkCode) ? null : ParkCode,
        Problems!, string.IsNullOrWhiteSpace(SupervisionCaseId) ? null : SupervisionCaseId.Trim(), ResponsibleUnit!, Measures!, Deadline!.Value, On!.Value, caller);
}

/// <summary>POST /api/rectification/cases/{id}/steps: started, a progress note, or closed (how it ended, the evidence it cites by SHA-256).</summary>
public sealed record RectificationStepRequest(RectificationStep? Kind, DateOnly? On, string? Text, ClosureKind? Closure = null, string[]? Evidence = null)
{
    public RectificationStepCommand ToCommand(Domain.Access.Caller caller) =>
        new(Kind!.Value, On!.Value, Text!, Closure, (Evidence ?? []).Select(e => e.Trim().ToLowerInvariant()).ToArray(), caller);
}

/// <summary>A case in the list: what, where, state, deadline (overdue when passed and not closed), and how it closed.</summary>
public sealed record RectificationRow(string Id, string Campaign, Uscc? Uscc, string? Name, string? Block, string Town, string? ParkCode,
    ProblemCategory[] Problems, string ResponsibleUnit, DateOnly OpenedOn, DateOnly Deadline, RectificationState State, bool Overdue, ClosureKind? Closure,
    DateOnly? ClosedOn);

/// <summary>A count of cases in one place (a town or a park): closed within the year and still open.</summary>
public sealed record PlaceProgress(string Place, int Closed, int Open);

/// <summary>
/// A campaign: the plan target it is (id, name, target count, unit, target year, status, source) and its progress in the
/// year asked — cases closed by the year's end against the target, cases open and overdue then (today, for this year) —
/// by town and by park.
/// </summary>
public sealed record CampaignResponse(string Id, string Name, CampaignKind Kind, decimal Target, string Unit, int TargetYear, string Status, string Source,
    int Closed, int Open, int Overdue, decimal? Share, PlaceProgress[] ByTown, PlaceProgress[] ByPark);

/// <summary>POST /api/micro-parks: a micro-enterprise park and its entry standard.</summary>
public sealed record MicroParkRequest(string? Code, string? Name, string? Operator, string? DevelopmentModel, decimal? FloorAreaM2, int? StarRating,
    string? Town, string? ParkCode, string[]? Industries, decimal? MinTaxPerMu, string? WorstClass)
{
    public RegisterMicroPark ToCommand(Domain.Access.Caller caller) => new(Name!, Operator!, DevelopmentModel!, FloorAreaM2!.Value, StarRating, Town!,
        string.IsNullOrWhiteSpace(ParkCode) ? null : ParkCode, (Industries ?? []).Select(i => i.Trim()).ToArray(), MinTaxPerMu, WorstClass, caller);
}

/// <summary>POST /api/micro-parks/{code}/entries: a firm applies; Carbon reviews it against the standard and records the outcome.</summary>
public sealed record MicroParkEntryRequest(Uscc? Uscc, DateOnly? On);

/// <summary>POST /api/micro-parks/{code}/review: 动态管理 on a day — every firm below the standard in the last two evaluations exits.</summary>
public sealed record MicroParkReviewRequest(DateOnly? On);

/// <summary>One evaluation run's check of a firm: the run, its year, the facts and the criteria failed (empty: met).</summary>
public sealed record StandardCheck(string RunId, int Year, string? IndustryCode, decimal? TaxPerMu, string? Class, string[] Fails);

/// <summary>A firm in a micro-park: its checks in the last two evaluation years (oldest first) and whether it must exit.</summary>
public sealed record MicroParkMember(Uscc Uscc, string? Name, StandardCheck[] Checks, bool MustExit);

/// <summary>A micro-park: the register, the standard, its firms with their checks, and every entry review and exit.</summary>
public sealed record MicroParkResponse(string Code, string Name, string Operator, string DevelopmentModel, decimal FloorAreaM2, int? StarRating,
    string Town, string? ParkCode, string[] Industries, decimal? MinTaxPerMu, string? WorstClass, MicroParkMember[] Members, MicroParkEventView[] Events);

/// <summary>A micro-park in the list.</summary>
public sealed record MicroParkRow(string Code, string Name, string Operator, string Town, string? ParkCode, int? StarRating, decimal FloorAreaM2, int Firms);

/// <summary>The outcome of an entry review or a 动态管理 review: what was recorded, and the park after it.</summary>
public sealed record MicroParkReviewResponse(MicroParkEventView[] Recorded, MicroParkResponse Park);

public sealed class RectificationRequestValidator : AbstractValidator<RectificationRequest>
{
    public RectificationRequestValidator()
    {
        RuleFor(r => r.Campaign).NotEmpty().MaximumLength(64).CleanText();
        RuleFor(r => r.Block).MaximumLength(200).CleanText();
        RuleFor(r => r.Block).NotEmpty().When(r => r.Uscc is null).WithMessage("须给出企业 uscc 或街区 block (a firm or a block)");
        RuleFor(r => r.Town).NotEmpty().MaximumLength(100).CleanText();
        RuleFor(r => r.ParkCode).MaximumLength(32).CleanText();
        RuleFor(r => r.Problems).NotEmpty().WithMessage("至少一项问题类别 problems (pollution, safety, backward-capacity, energy-use, unlicensed, block-governance, relocation)")
            .Must(p => p is null || (p.Length <= 7 && p.Distinct().Count() == p.Length)).WithMessage("问题类别不重复 (each problem once)");
        RuleFor(r => r.SupervisionCaseId).NotEmpty().When(r => r.Problems?.Contains(ProblemCategory.EnergyUse) == true)
            .WithMessage("用能问题须关联节能监察案件 supervisionCaseId (an energy-use problem names its supervision case)");
        RuleFor(r => r.SupervisionCaseId).MaximumLength(32).CleanText();
        RuleFor(r => r.ResponsibleUnit).NotEmpty().MaximumLength(200).CleanText();
        RuleFor(r => r.Measures).NotEmpty().MaximumLength(2000).CleanText(multiline: true);
        RuleFor(r => r.On).NotNull().WithMessage("on 必填 (the day the case is opened)");
        RuleFor(r => r.Deadline).NotNull().WithMessage("deadline 必填 (整治期限)")
            .GreaterThanOrEqualTo(r => r.On).When(r => r.On is not null).WithMessage("整治期限不能早于立案日 (not before the case opens)");
    }
}

public sealed class RectificationStepRequestValidator : AbstractValidator<RectificationStepRequest>
{
    public RectificationStepRequestValidator()
    {
        RuleFor(r => r.Kind).NotNull().Must(k => k != RectificationStep.Opened).WithMessage("kind 为 started, progressed 或 closed");
        RuleFor(r => r.On).NotNull().WithMessage("on 必填 (the day)");
        RuleFor(r => r.Text).NotEmpty().MaximumLength(2000).CleanText(multiline: true);
        RuleFor(r => r.Closure).NotNull().When(r => r.Kind == RectificationStep.Closed)
            .WithMessage("销号须说明结果 closure: rectified, relocated-into-park, merged 或 shut-down");
        RuleFor(r => r.Evidence).NotEmpty().When(r => r.Kind == RectificationStep.Closed)
            .WithMessage("销号须附证据 evidence (先上传，再引用其 SHA-256; upload first, cite its SHA-256)");
        RuleFor(r => r.Evidence).Must(e => e is null || e.Length <= 10).WithMessage("至多 10 个证据 (at most 10)");
        RuleForEach(r => r.Evidence).NotEmpty().Matches("^[0-9a-fA-F]{64}$").WithMessage("SHA-256 为64位十六进制 (64 hex digits)");
    }
}

public sealed class MicroParkRequestValidator : AbstractValidator<MicroParkRequest>
{
    public MicroParkRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty().Must(c => c is null || Grains.GrainGuards.ParcelCode.IsMatch(c))
            .WithMessage("编号为1–32位字母、数字、- 或 _ (code: letters, digits, - and _)");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200).CleanText();
        RuleFor(r => r.Operator).NotEmpty().MaximumLength(200).CleanText();
        RuleFor(r => r.DevelopmentModel).NotEmpty().MaximumLength(100).CleanText();
        RuleFor(r => r.FloorAreaM2).NotNull().GreaterThan(0m).LessThanOrEqualTo(Domain.Registry.Land.MaxFloorAreaM2);
        RuleFor(r => r.StarRating).InclusiveBetween(1, 5);
        RuleFor(r => r.Town).NotEmpty().MaximumLength(100).CleanText();
        RuleFor(r => r.ParkCode).MaximumLength(32).CleanText();
        RuleFor(r => r.Industries).Must(i => i is null || i.Length <= 20).WithMessage("至多 20 个行业代码 (at most 20)");
        RuleForEach(r => r.Industries).NotEmpty().Matches("^[A-Za-z0-9]{1,8}$").WithMessage("行业代码前缀，如 C34 (an industry code prefix such as C34)");
        RuleFor(r => r.MinTaxPerMu).GreaterThan(0m).LessThanOrEqualTo(1_000_000m);
        RuleFor(r => r.WorstClass).Must(c => c is null or "A" or "B" or "C" or "D").WithMessage("worstClass 为 A, B, C 或 D");
    }
}

public sealed class MicroParkEntryRequestValidator : AbstractValidator<MicroParkEntryRequest>
{
    public MicroParkEntryRequestValidator()
    {
        RuleFor(r => r.Uscc).NotNull().WithMessage("uscc 必填 (the applicant's USCC)");
        RuleFor(r => r.On).NotNull().WithMessage("on 必填 (the day of the review)");
    }
}

public sealed class MicroParkReviewRequestValidator : AbstractValidator<MicroParkReviewRequest>
{
    public MicroParkReviewRequestValidator()
    {
        RuleFor(r => r.On).NotNull().WithMessage("on 必填 (the day of the review)");
    }
}
