using Carbon.Server.Factors;
using Carbon.Server.Configuration;
using Carbon.Server.Http;
using FluentValidation;

namespace Carbon.Server.Features.GreenFactory;

public sealed class ApplicationRequestValidator : AbstractValidator<ApplicationRequest>
{
    public ApplicationRequestValidator(GreenFactoryCatalog catalog, ReportingClock clock)
    {
        RuleFor(r => r.Uscc).IsUscc();
        RuleFor(r => r.Year).NotNull().InclusiveBetween(ReportingClock.FirstMonth.Year, clock.CurrentMonth.Year)
            .WithMessage("year 应在 2020 至今年之间 (year must be 2020..this year)");
        RuleFor(r => r.Edition).Must(e => e is not null && catalog.RuleSets.ContainsKey(e))
            .WithMessage(r => $"未知评价标准 '{r.Edition}' (edition is one of {string.Join(", ", catalog.RuleSets.Keys)})");
        RuleFor(r => r.Product).MaximumLength(100).CleanText();
        RuleFor(r => r.Answers).NotNull().WithMessage("answers 必填，可为空数组 (answers is required; [] if none)");
        RuleForEach(r => r.Answers).NotNull().ChildRules(a =>
        {
            a.RuleFor(x => x!.Item).Must(item => item is not null && Answerable(catalog, item))
                .WithMessage(x => Quantitative(catalog, x!.Item)
                    ? $"'{x!.Item}' 为定量指标，由台账计算，不能填答 (quantitative items are computed from the ledger)"
                    : $"未知评价要求 '{x!.Item}' (not a basic requirement or qualitative item of any loaded edition)");
            a.RuleFor(x => x!.Met).NotNull().WithMessage("met 必填 (met is required: does the factory meet it?)");
            a.RuleFor(x => x!.Evidence).MaximumLength(2000).CleanText(multiline: true);
            a.RuleFor(x => x!.Evidence).NotEmpty().When(x => x!.Met == true)
                .WithMessage("声称满足的要求须说明佐证材料 (a claim needs an evidence note)");
        });
        RuleFor(r => r.Answers).Custom((answers, ctx) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; answers is not null && i < answers.Count; i++)
            {
                if (answers[i]?.Item is { } item && !seen.Add(item))
                {
                    ctx.AddFailure($"Answers[{i}].Item", $"'{item}' 重复作答 (answered twice)");
                }
            }
        });
    }

    private static bool Answerable(GreenFactoryCatalog c, string item) =>
        c.RuleSets.Values.Any(s => s.Rules.Basic.Any(b => b.Id == item) || s.Rules.Items.Any(i => i.Id == item && i.IsQualitative));

    private static bool Quantitative(GreenFactoryCatalog c, string? item) =>
        c.RuleSets.Values.Any(s => s.Rules.Items.Any(i => i.Id == item && !i.IsQualitative));
}

public sealed class VerificationRequestValidator : AbstractValidator<VerificationRequest>
{
    public VerificationRequestValidator()
    {
        RuleFor(r => r.Decisions).NotEmpty().WithMessage("decisions 不能为空 (give at least one decision)");
        RuleForEach(r => r.Decisions).NotNull().ChildRules(d =>
        {
            d.RuleFor(x => x!.Item).NotEmpty().MaximumLength(100).CleanText();
            d.RuleFor(x => x!.Accepted).NotNull().WithMessage("accepted 必填 (accepted is required)");
            d.RuleFor(x => x!.Comment).MaximumLength(2000).CleanText(multiline: true);
            d.RuleFor(x => x!.Comment).NotEmpty().When(x => x!.Accepted == false)
                .WithMessage("不予认可须说明理由 (a rejection needs a comment)");
        });
    }
}

public sealed class DecisionRequestValidator : AbstractValidator<DecisionRequest>
{
    public DecisionRequestValidator()
    {
        RuleFor(r => r.Approve).NotNull().WithMessage("approve 必填 (approve is true or false)");
        RuleFor(r => r.Comment).MaximumLength(2000).CleanText(multiline: true);
    }
}

public sealed class ReinstatementRequestValidator : AbstractValidator<ReinstatementRequest>
{
    public ReinstatementRequestValidator() =>
        RuleFor(r => r.Reason).NotEmpty().WithMessage("恢复发证须说明理由 (a reinstatement needs a reason)").MaximumLength(1000).CleanText(multiline: true);
}
