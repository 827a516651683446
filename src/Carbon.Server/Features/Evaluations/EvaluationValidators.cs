using Carbon.Server.Factors;
using Carbon.Server.Configuration;
using Carbon.Server.Http;
using FluentValidation;

namespace Carbon.Server.Features.Evaluations;

public sealed class RunEvaluationValidator : AbstractValidator<RunEvaluationRequest>
{
    public RunEvaluationValidator(MethodCatalog methods, ReportingClock clock)
    {
        RuleFor(r => r.Year).NotNull().WithMessage("year 必填 (year is required)")
            .InclusiveBetween(ReportingClock.FirstMonth.Year, clock.CurrentMonth.Year)
            .WithMessage($"year 应在 {ReportingClock.FirstMonth.Year} 至今年之间 (year must be 2020..this year)");
        RuleFor(r => r.Method).NotEmpty().WithMessage("method 必填 (method is required)")
            .Must(m => m is null || methods.Methods.ContainsKey(m))
            .WithMessage(r => $"未知评价办法 '{r.Method}' (unknown method; one of {string.Join(", ", methods.Methods.Keys)})");
    }
}

public sealed class EvaluationListQueryValidator : AbstractValidator<EvaluationListQuery>
{
    public static readonly string[] Sorts = ["-score", "score", "rank", "uscc", "name"];

    public EvaluationListQueryValidator()
    {
        RuleFor(q => q.Page).PageNumber();
        RuleFor(q => q.PageSize).InclusiveBetween(1, 500).WithMessage("pageSize 为 1 至 500 (pageSize is 1..500)");
        RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s))
            .WithMessage($"sort 为 {string.Join(", ", Sorts)} 之一 (sort is one of these)");
    }
}
