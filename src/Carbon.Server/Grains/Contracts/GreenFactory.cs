using Carbon.Domain.Access;
using Carbon.Domain.Registry;

namespace Carbon.Server.Grains.Contracts;

// Green-factory applications (绿色工厂申报): answers in, grades and the workflow out. Scores rounded for display.

/// <summary>A firm's answer to a qualitative item or basic requirement, with its evidence note.</summary>
[GenerateSerializer, Immutable, Alias("carbon.gf.answer")]
public sealed record Answer(string Item, bool Met, string? Evidence);

/// <summary>A verifier's decision on one answered item.</summary>
[GenerateSerializer, Immutable, Alias("carbon.gf.decision")]
public sealed record Decision(string Item, bool Accepted, string? Comment);

[GenerateSerializer, Immutable, Alias("carbon.gf.submit")]
public sealed record SubmitApplication(Uscc Uscc, int Year, string RuleSetId, string? Product, Answer[] Answers, Caller Caller);

[GenerateSerializer, Immutable, Alias("carbon.gf.basic")]
public sealed record BasicView(string Id, string Text, bool Met, string Source);

[GenerateSerializer, Immutable, Alias("carbon.gf.category")]
public sealed record CategoryView(string Id, string Name, decimal Weight, decimal Earned, decimal Max, decimal Score);

[GenerateSerializer, Immutable, Alias("carbon.gf.item")]
public sealed record ItemView(string Id, string Text, string Category, string Requirement, decimal Points, decimal Earned, bool Met,
    decimal? Value, decimal? Benchmark, decimal? Leading, string Source);

[GenerateSerializer, Immutable, Alias("carbon.gf.gap")]
public sealed record GapView(string Item, string Text, decimal Gain, bool Blocking, string Action);

/// <summary>A grade: eligible or not (and why), total and per-category scores, every item with its source, the gap list.</summary>
[GenerateSerializer, Immutable, Alias("carbon.gf.grade")]
public sealed record GradeView(
    string RuleSetId,
    string RuleSetVersion,
    string Edition,
    string Basis,
    bool Eligible,
    string[] Reasons,
    decimal TotalScore,
    decimal PassScore,
    BasicView[] Basic,
    CategoryView[] Categories,
    ItemView[] Items,
    GapView[] Gaps);

[GenerateSerializer, Immutable, Alias("carbon.gf.answer-view")]
public sealed record AnswerView(string Item, bool Met, string? Evidence, bool? Accepted, string? VerifierComment, string? VerifiedBy);

/// <summary>A step of the application; a reinstatement names the revoked certificate it lets the approval replace.</summary>
[GenerateSerializer, Immutable, Alias("carbon.gf.event")]
public sealed record ApplicationEventView(string Kind, string Actor, DateTimeOffset At, string? Comment, string? Certificate = null);

[GenerateSerializer, Immutable, Alias("carbon.gf.application")]
public sealed record ApplicationView(
    string Id,
    Uscc Uscc,
    string EnterpriseName,
    int Year,
    string RuleSetId,
    string? Product,
    string Status,
    bool Frozen,
    GradeView Grade,
    GradeView[] OtherEditions,
    AnswerView[] Answers,
    ApplicationEventView[] Events);

public enum ApplicationResult
{
    Ok,
    NotFound,
    UnknownEnterprise,
    Invalid,
    Conflict,
}

/// <summary>What an application call did: ok with the view, or why not (with the field it concerns).</summary>
[GenerateSerializer, Immutable, Alias("carbon.gf.outcome")]
public sealed record ApplicationOutcome(ApplicationResult Result, ApplicationView? View, string? Field = null, string? Message = null);
