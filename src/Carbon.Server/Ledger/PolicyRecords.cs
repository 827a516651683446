namespace Carbon.Server.Ledger;

/// <summary>
/// A business-support policy as published (惠企政策): title, issuing document, validity, benefit (a fixed amount, or a rate of
/// last year's tax or value added, capped; 万元) and its eligibility rules as JSON. Never changed: a new version is a new policy.
/// </summary>
public sealed class PolicyRecord
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public required string DocumentNumber { get; init; }
    public DateOnly ValidFrom { get; init; }
    public DateOnly ValidTo { get; init; }
    public decimal? Amount { get; init; }
    public decimal? Rate { get; init; }
    public string? RateBase { get; init; }
    public decimal? Cap { get; init; }
    public required string RulesJson { get; init; }
    public DateTimeOffset PublishedAt { get; init; }
    public required string PublishedBy { get; init; }
}

/// <summary>
/// A firm's application for a policy (政策直兑): the amount its data gave, the rule-by-rule facts it applied on and the
/// conditions it confirmed, in words. Its state is its steps.
/// </summary>
public sealed class PolicyApplicationRecord
{
    public required string Id { get; init; }
    public required string PolicyId { get; init; }
    public required string Uscc { get; init; }
    public decimal Amount { get; init; }
    public required string Facts { get; init; }
    public string? Confirmed { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
}

/// <summary>A step of an application, appended: applied, approved, rejected (with the reason), paid (amount, reference).</summary>
public sealed class PolicyApplicationStepRecord
{
    public long Id { get; init; }
    public required string ApplicationId { get; init; }
    public required string Kind { get; init; }
    public DateOnly On { get; init; }
    public required string Text { get; init; }
    public decimal? Amount { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset At { get; init; }
}
