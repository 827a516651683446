using Carbon.Domain.Certificates;
using Carbon.Domain.GreenFactory;
using Carbon.Server.Factors;

namespace Carbon.Server.Features.GreenFactory;

/// <summary>POST /api/green-factory/applications body. <c>edition</c> is a rule-set id (gbt36132-2018, gbt36132-2025).</summary>
public sealed record ApplicationRequest(string? Uscc, int? Year, string? Edition, string? Product, List<AnswerRequest?>? Answers);

public sealed record AnswerRequest(string? Item, bool? Met, string? Evidence);

/// <summary>POST …/verification body: the verifier's decision on answered items.</summary>
public sealed record VerificationRequest(List<ItemDecisionRequest?>? Decisions);

public sealed record ItemDecisionRequest(string? Item, bool? Accepted, string? Comment);

/// <summary>POST …/decision body: the district approves or rejects (a rejection needs a comment).</summary>
public sealed record DecisionRequest(bool? Approve, string? Comment);

/// <summary>POST …/reinstatement body: why the approval may give a new certificate after its certificate was revoked.</summary>
public sealed record ReinstatementRequest(string? Reason);

/// <summary>?all=true on the register.</summary>
public sealed record RegisterQuery(bool? All);

public sealed record RuleSetBasicResponse(string Id, string Text);

public sealed record RuleSetCategoryResponse(string Id, string Name, decimal Weight);

public sealed record RuleSetItemResponse(string Id, string Text, string Category, ItemRequirement Requirement, decimal Points, string? Metric,
    MetricDirection? Direction, decimal? Benchmark, decimal? Leading, IReadOnlyDictionary<string, Thresholds>? ByIndustry);

/// <summary>An edition of GB/T 36132 as loaded: what is answered, what is computed from the ledger, and the thresholds.</summary>
public sealed record RuleSetResponse(string Id, string Name, string Edition, string Version, string Status, string Source, decimal PassScore,
    string Scoring, RuleSetBasicResponse[] Basic, RuleSetCategoryResponse[] Categories, RuleSetItemResponse[] Items)
{
    public static RuleSetResponse From(LoadedRuleSet s) =>
        new(s.Rules.Id, s.Rules.Name, s.Rules.Edition, s.Rules.Version, s.File.Status!, s.File.Source!, s.Rules.PassScore, s.File.Scoring!,
            s.Rules.Basic.Select(b => new RuleSetBasicResponse(b.Id, b.Text)).ToArray(),
            s.Rules.Categories.Select(c => new RuleSetCategoryResponse(c.Id, c.Name, c.Weight)).ToArray(),
            s.Rules.Categories.SelectMany(c => c.Items.Select(i => new RuleSetItemResponse(i.Id, i.Text, c.Id, i.Requirement, i.Points,
                i.Quantitative?.Metric, i.Quantitative?.Direction, i.Quantitative?.Default?.Benchmark, i.Quantitative?.Default?.Leading,
                i.Quantitative?.ByIndustry))).ToArray());
}

/// <summary>A certified green factory in the register (绿色工厂名录).</summary>
public sealed record RegisterEntryResponse(string Number, string Uscc, string EnterpriseName, int Year, string Edition, decimal TotalScore,
    DateTimeOffset IssuedAt, DateOnly? ValidUntil, CertificateState Status);
