using Carbon.Server.Configuration;
using FluentValidation;

namespace Carbon.Server.Features.Metrics;

/// <summary>?year=YYYY[&amp;throughMonth=M][&amp;trace=true]: months 1..throughMonth (default 12) of the year, and of 2020.</summary>
public sealed record MetricsQuery(int? Year, int? ThroughMonth, bool? Trace);

public sealed class MetricsQueryValidator : AbstractValidator<MetricsQuery>
{
    public MetricsQueryValidator(ReportingClock clock)
    {
        RuleFor(q => q.Year).NotNull().WithMessage("year 必填 (year is required, e.g. ?year=2023)")
            .InclusiveBetween(ReportingClock.FirstMonth.Year, clock.CurrentMonth.Year)
            .WithMessage(q => $"year 应为 {ReportingClock.FirstMonth.Year} 至 {clock.CurrentMonth.Year} 之间的年份 (year must be {ReportingClock.FirstMonth.Year}..{clock.CurrentMonth.Year})");
        RuleFor(q => q.ThroughMonth).InclusiveBetween(1, 12).WithMessage("throughMonth 应为 1 至 12 (throughMonth must be 1..12)");
    }
}
