using Carbon.Domain.Policies;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using FluentValidation;

namespace Carbon.Server.Features.Policies;

/// <summary>A rule on the wire: <c>{"kind":"class-at-least","value":"B"}</c>, <c>{"kind":"industry","values":["C34"]}</c>, <c>{"kind":"confirm","text":"…"}</c>.</summary>
public sealed record RuleRequest(RuleKind? Kind, string? Value = null, string[]? Values = null, decimal? AtLeast = null, string? Text = null)
{
    public EligibilityRule ToDomain() => new(Kind!.Value, Value?.Trim(),
        Values?.Select(v => Kind == RuleKind.Industry ? v.Trim().ToUpperInvariant() : v.Trim()).ToArray(), AtLeast, Text?.Trim());

    public static RuleRequest From(EligibilityRule r) => new(r.Kind, r.Value, r.Values?.ToArray(), r.AtLeast, r.Text);
}

/// <summary>
/// POST /api/policies: a policy (惠企政策) — code, title, issuing document number, validity, benefit (a fixed amount in 万元, or
/// a rate of last year's "tax-paid" or "value-added", capped) and its eligibility rules.
/// </summary>
public sealed record PolicyRequest(string? Id, string? Title, string? DocumentNumber, DateOnly? ValidFrom, DateOnly? ValidTo, decimal? Amount, decimal? Rate,
    string? RateBase, decimal? Cap, RuleRequest[]? Rules)
{
    public PublishPolicy ToCommand(Domain.Access.Caller caller) => new(Title!, DocumentNumber!, ValidFrom!.Value, ValidTo!.Value,
        new Benefit(Amount, Rate, Rate is null ? null : RateBase ?? "tax-paid", Cap), (Rules ?? []).Select(r => r.ToDomain()).ToArray(), caller);
}

/// <summary>One rule's outcome for a firm, with the reason.</summary>
public sealed record RuleResultResponse(RuleKind Kind, RuleOutcome Outcome, string Reason);

/// <summary>A firm against a policy: eligible, a near miss (and what would qualify it) or not, the amount its data gives, and its application.</summary>
public sealed record MatchResponse(Uscc Uscc, string Name, string? ParkCode, EligibilityStatus Status, decimal Amount, string? WouldQualify,
    RuleResultResponse[] Rules, string? ApplicationId, PolicyStep? Application);

/// <summary>
/// A policy: what it is and gives, its rules, whether it is open today, and — over the firms the caller may see — how many
/// are eligible and near, the expected outlay (Σ the amounts of the eligible), what has been paid, the firms themselves and
/// the applications.
/// </summary>
public sealed record PolicyResponse(string Id, string Title, string DocumentNumber, DateOnly ValidFrom, DateOnly ValidTo, decimal? Amount, decimal? Rate,
    string? RateBase, decimal? Cap, RuleRequest[] Rules, bool Open, int Eligible, int NearMiss, decimal ExpectedOutlay, decimal Paid, MatchResponse[] Matches,
    PolicyApplicationView[] Applications);

/// <summary>POST /api/policies/{policy}/applications: the firm applying and its confirmation of the conditions Carbon cannot check.</summary>
public sealed record ApplyRequest(Uscc? Uscc, bool? Confirm);

/// <summary>POST /api/policies/{policy}/applications/{id}/steps: approved, rejected (with the reason) or paid (amount, reference).</summary>
public sealed record ApplicationStepRequest(PolicyStep? Step, DateOnly? On, string? Text, decimal? Amount);

/// <summary>What has been paid out, by policy, by park and by 亩均 class (万元).</summary>
public sealed record OutlayResponse(OutlayRow[] ByPolicy, OutlayRow[] ByPark, OutlayRow[] ByClass, decimal Total);

public sealed record OutlayRow(string Key, int Firms, decimal Paid);

public sealed class RuleRequestValidator : AbstractValidator<RuleRequest>
{
    public RuleRequestValidator()
    {
        RuleFor(r => r.Kind).NotNull().WithMessage("kind 为 class-at-least, scale, industry, park, green-factory, intensity-reduction, no-open-cases 或 confirm");
        RuleFor(r => r.Value).Must(v => v is "A" or "B" or "C" or "D").When(r => r.Kind == RuleKind.ClassAtLeast).WithMessage("value 为 A, B, C 或 D");
        RuleFor(r => r.Value).Must(v => v is "above" or "below").When(r => r.Kind == RuleKind.Scale).WithMessage("value 为 above 或 below");
        RuleFor(r => r.Values).NotEmpty().When(r => r.Kind is RuleKind.Industry or RuleKind.Park or RuleKind.Designation).WithMessage("values 至少一项 (at least one)");
        RuleForEach(r => r.Values).Must(v => Domain.Registry.Designations.TryParse(v, out _)).When(r => r.Kind == RuleKind.Designation)
            .WithMessage($"认定类别为 {string.Join(", ", Domain.Registry.Designations.Tokens)} 之一 (a designation)");
        RuleFor(r => r.Values).Must(v => v is null || v.Length <= 50).WithMessage("至多 50 项 (at most 50)");
        RuleForEach(r => r.Values).NotEmpty().Matches("^[A-Za-z0-9_-]{1,32}$").WithMessage("代码为1–32位字母、数字、- 或 _ (a code)");
        RuleFor(r => r.AtLeast).NotNull().InclusiveBetween(-1m, 1m).When(r => r.Kind == RuleKind.IntensityReduction)
            .WithMessage("atLeast 为降幅比例，如 0.03 (a share such as 0.03)");
        RuleFor(r => r.Text).NotEmpty().When(r => r.Kind == RuleKind.Confirm).WithMessage("须写明承诺事项 text (what the applicant confirms)");
        RuleFor(r => r.Text).MaximumLength(300).CleanText();
        RuleFor(r => r.Value).MaximumLength(32).CleanText();
    }
}

public sealed class PolicyRequestValidator : AbstractValidator<PolicyRequest>
{
    public PolicyRequestValidator()
    {
        RuleFor(r => r.Id).NotEmpty().Must(c => c is null || Grains.GrainGuards.ParcelCode.IsMatch(c)).WithMessage("编号为1–32位字母、数字、- 或 _ (id: a code)");
        RuleFor(r => r.Title).NotEmpty().MaximumLength(200).CleanText();
        RuleFor(r => r.DocumentNumber).NotEmpty().MaximumLength(100).CleanText();
        RuleFor(r => r.ValidFrom).NotNull();
        RuleFor(r => r.ValidTo).NotNull().GreaterThanOrEqualTo(r => r.ValidFrom).When(r => r.ValidFrom is not null).WithMessage("有效期止不能早于起 (validTo not before validFrom)");
        RuleFor(r => r.Amount).GreaterThan(0m).LessThanOrEqualTo(1_000_000m);
        RuleFor(r => r.Rate).GreaterThan(0m).LessThanOrEqualTo(1m);
        RuleFor(r => r.Amount).NotNull().When(r => r.Rate is null).WithMessage("须给出金额 amount 或比例 rate (an amount or a rate)");
        RuleFor(r => r.Amount).Null().When(r => r.Rate is not null).WithMessage("金额与比例只能给一项 (an amount or a rate, not both)");
        RuleFor(r => r.RateBase).Must(b => b is null or "tax-paid" or "value-added").WithMessage("rateBase 为 tax-paid 或 value-added");
        RuleFor(r => r.Cap).GreaterThan(0m).LessThanOrEqualTo(1_000_000m);
        RuleFor(r => r.Rules).NotEmpty().WithMessage("至少一条资格规则 (at least one rule)").Must(r => r is null || r.Length <= 20).WithMessage("至多 20 条 (at most 20)");
        RuleForEach(r => r.Rules).NotNull().SetValidator(new RuleRequestValidator());
        RuleFor(r => r.Rules).Must(r => r is null || r.Where(x => x?.Kind == RuleKind.Confirm).Sum(x => (x!.Text?.Length ?? 0) + 1) <= 1500)
            .WithMessage("承诺事项合计不超过 1500 字 (the conditions to confirm: at most 1 500 characters in all)");
    }
}

public sealed class ApplyRequestValidator : AbstractValidator<ApplyRequest>
{
    public ApplyRequestValidator()
    {
        RuleFor(r => r.Uscc).NotNull().WithMessage("uscc 必填 (the firm applying)");
    }
}

public sealed class ApplicationStepRequestValidator : AbstractValidator<ApplicationStepRequest>
{
    public ApplicationStepRequestValidator()
    {
        RuleFor(r => r.Step).NotNull().Must(s => s != PolicyStep.Applied).WithMessage("step 为 approved, rejected 或 paid");
        RuleFor(r => r.On).NotNull();
        RuleFor(r => r.Text).NotEmpty().WithMessage("须写明意见、理由或兑付凭证 (a comment, the reason, or the payment's reference)").MaximumLength(2000).CleanText(multiline: true);
        RuleFor(r => r.Amount).NotNull().When(r => r.Step == PolicyStep.Paid).WithMessage("兑现须给出金额 amount (万元)");
        RuleFor(r => r.Amount).GreaterThan(0m).LessThanOrEqualTo(1_000_000m);
    }
}
