using Carbon.Domain.Access;
using Carbon.Domain.Policies;
using Carbon.Domain.Registry;

namespace Carbon.Server.Grains.Contracts;

/// <summary>A policy to publish: title, issuing document, validity, benefit and eligibility rules.</summary>
[GenerateSerializer, Immutable, Alias("carbon.policy.publish")]
public sealed record PublishPolicy(string Title, string DocumentNumber, DateOnly ValidFrom, DateOnly ValidTo, Benefit Benefit, EligibilityRule[] Rules,
    Caller Caller);

/// <summary>
/// A firm applies (一键申报): the amount and the rule-by-rule facts its data gives now (the service has matched it), and
/// the conditions it confirms.
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.policy.apply")]
public sealed record ApplyForPolicy(Uscc Uscc, DateOnly On, decimal Amount, string Facts, string? Confirmed, Caller Caller);

/// <summary>What an official records on an application.</summary>
public enum PolicyStep
{
    Applied,
    Approved,
    Rejected,
    /// <summary>兑现: the payout made, with its amount and reference.</summary>
    Paid,
}

/// <summary>An official approves or rejects (with the reason), or records the payout (amount, reference in the text).</summary>
[GenerateSerializer, Immutable, Alias("carbon.policy.decide")]
public sealed record PolicyApplicationCommand(string ApplicationId, PolicyStep Step, DateOnly On, string Text, decimal? Amount, Caller Caller);

[GenerateSerializer, Immutable, Alias("carbon.policy.step-view")]
public sealed record PolicyStepView(PolicyStep Step, DateOnly On, string Text, decimal? Amount, string Actor, DateTimeOffset At);

/// <summary>An application: the firm, the amount, the facts it applied on, what it confirmed, its state and every step.</summary>
[GenerateSerializer, Immutable, Alias("carbon.policy.application")]
public sealed record PolicyApplicationView(string Id, Uscc Uscc, decimal Amount, string Facts, string? Confirmed, PolicyStep State, decimal? Paid,
    PolicyStepView[] Steps);

/// <summary>A policy as published, with its applications.</summary>
[GenerateSerializer, Immutable, Alias("carbon.policy.view")]
public sealed record PolicyView(string Id, string Title, string DocumentNumber, DateOnly ValidFrom, DateOnly ValidTo, Benefit Benefit, EligibilityRule[] Rules,
    DateTimeOffset PublishedAt, string PublishedBy, PolicyApplicationView[] Applications);

[GenerateSerializer, Immutable, Alias("carbon.policy.answer")]
public sealed record PolicyAnswer(ProgrammeResult Result, PolicyView? Policy, string? Field = null, string? Message = null, string? ApplicationId = null);
