namespace Carbon.Server.Features.GreenFactory;

/// <summary>POST /api/green-factory/applications body. <c>edition</c> is a rule-set id (gbt36132-2018, gbt36132-2025).</summary>
public sealed record ApplicationRequest(string? Uscc, int? Year, string? Edition, string? Product, List<AnswerRequest?>? Answers);

public sealed record AnswerRequest(string? Item, bool? Met, string? Evidence);

/// <summary>POST …/verification body: the verifier's decision on answered items.</summary>
public sealed record VerificationRequest(List<DecisionRequest?>? Decisions);

public sealed record DecisionRequest(string? Item, bool? Accepted, string? Comment);

/// <summary>POST …/decision body: the district approves or rejects (a rejection needs a comment).</summary>
public sealed record DecisionBody(bool? Approve, string? Comment);

public sealed record RuleSetItemDto(string Id, string Text, string Category, string Requirement, decimal Points, string? Metric,
    string? Direction, decimal? Benchmark, decimal? Leading, IReadOnlyDictionary<string, object>? ByIndustry);

public sealed record RuleSetDto(string Id, string Name, string Edition, string Version, string Status, string Source, decimal PassScore,
    string Scoring, object[] Basic, object[] Categories, RuleSetItemDto[] Items);

/// <summary>A certified green factory in the register (绿色工厂名录).</summary>
public sealed record RegisterEntryDto(string Number, string Uscc, string EnterpriseName, int Year, string Edition, decimal TotalScore,
    DateTimeOffset IssuedAt, DateOnly? ValidUntil, string Status);
