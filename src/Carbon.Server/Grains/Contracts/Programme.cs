using Carbon.Domain.Access;
using Carbon.Domain.LandUse;
using Carbon.Domain.Registry;

namespace Carbon.Server.Grains.Contracts;

/// <summary>
/// A rectification case to open: the campaign (a plan target's id), the firm or the block, the town and park, the problems,
/// a linked 节能监察 case, the responsible unit, the measures, the deadline, and the day it was opened.
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.rect.open")]
public sealed record OpenRectification(string Campaign, Uscc? Uscc, string? Block, string Town, string? ParkCode, ProblemCategory[] Problems,
    string? SupervisionCaseId, string ResponsibleUnit, string Measures, DateOnly Deadline, DateOnly On, Caller Caller);

/// <summary>A step of a rectification case: started, a progress note, or closed with how it ended and the evidence files it cites.</summary>
[GenerateSerializer, Immutable, Alias("carbon.rect.step")]
public sealed record RectificationStepCommand(RectificationStep Kind, DateOnly On, string Text, ClosureKind? Closure, string[] Evidence, Caller Caller);

/// <summary>How a programme command (rectification case, micro-park) ended.</summary>
public enum ProgrammeResult
{
    Done,
    Refused,
    NotFound,
    Conflict,
    UnknownEnterprise,
}

[GenerateSerializer, Immutable, Alias("carbon.rect.step-view")]
public sealed record RectificationStepView(RectificationStep Kind, RectificationState State, DateOnly On, string Text, ClosureKind? Closure,
    string[] Evidence, string Actor, DateTimeOffset At);

/// <summary>A rectification case now: what it is about, its state and closure after its last step, every step, its evidence files.</summary>
[GenerateSerializer, Immutable, Alias("carbon.rect.view")]
public sealed record RectificationView(string Id, string Campaign, Uscc? Uscc, string? Block, string Town, string? ParkCode, ProblemCategory[] Problems,
    string? SupervisionCaseId, string ResponsibleUnit, string Measures, DateOnly Deadline, RectificationState State, ClosureKind? Closure,
    DateOnly? ClosedOn, RectificationStepView[] Steps, EvidenceView[] Evidence);

[GenerateSerializer, Immutable, Alias("carbon.rect.answer")]
public sealed record RectificationAnswer(ProgrammeResult Result, RectificationView? Case, string? Field = null, string? Message = null);

/// <summary>A micro-enterprise park to register: operator, development model, floor area, stars, where, and its entry standard.</summary>
[GenerateSerializer, Immutable, Alias("carbon.micro.register")]
public sealed record RegisterMicroPark(string Name, string Operator, string DevelopmentModel, decimal FloorAreaM2, int? StarRating, string Town,
    string? ParkCode, string[] Industries, decimal? MinTaxPerMu, string? WorstClass, Caller Caller);

/// <summary>What happens to a firm in a micro-park.</summary>
public enum MicroParkEvent
{
    /// <summary>准入: the entry review found the firm meets the standard.</summary>
    Admit,
    /// <summary>不予准入: the entry review found it does not (the criteria failed in the detail).</summary>
    Refuse,
    /// <summary>退出: below the standard in two evaluations in a row (动态管理).</summary>
    Exit,
}

/// <summary>A firm's entry review or exit, with the facts it rests on in words.</summary>
[GenerateSerializer, Immutable, Alias("carbon.micro.firm")]
public sealed record MicroParkFirmCommand(MicroParkEvent Event, Uscc Uscc, DateOnly On, string Detail, Caller Caller);

[GenerateSerializer, Immutable, Alias("carbon.micro.event")]
public sealed record MicroParkEventView(MicroParkEvent Event, Uscc Uscc, DateOnly On, string Detail, string Actor, DateTimeOffset At);

/// <summary>A micro-park: its register entry, its standard, the firms in it now, and every entry review and exit.</summary>
[GenerateSerializer, Immutable, Alias("carbon.micro.view")]
public sealed record MicroParkView(string Code, string Name, string Operator, string DevelopmentModel, decimal FloorAreaM2, int? StarRating, string Town,
    string? ParkCode, string[] Industries, decimal? MinTaxPerMu, string? WorstClass, Uscc[] Members, MicroParkEventView[] Events)
{
    public MicroParkStandard Standard() => new(Industries.ToHashSet(StringComparer.Ordinal), MinTaxPerMu, WorstClass);
}

[GenerateSerializer, Immutable, Alias("carbon.micro.answer")]
public sealed record MicroParkAnswer(ProgrammeResult Result, MicroParkView? Park, string? Field = null, string? Message = null);
