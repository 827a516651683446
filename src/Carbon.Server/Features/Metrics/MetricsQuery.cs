using System.Globalization;
using Carbon.Server.Configuration;
using Carbon.Server.Http;
using FluentValidation;

namespace Carbon.Server.Features.Metrics;

/// <summary>?year=YYYY[&amp;throughMonth=M][&amp;trace=true], bound as text so a bad value gets a field error.</summary>
public sealed record MetricsQuery(string? Year, string? ThroughMonth, string? Trace)
{
    public int YearValue => int.Parse(Year!, CultureInfo.InvariantCulture);

    public int ThroughMonthValue => ThroughMonth is null ? 12 : int.Parse(ThroughMonth, CultureInfo.InvariantCulture);

    public bool TraceValue => Trace is not null && bool.Parse(Trace);
}

public sealed class MetricsQueryValidator : AbstractValidator<MetricsQuery>
{
    public MetricsQueryValidator(ReportingClock clock)
    {
        RuleFor(q => q.Year).NotEmpty().WithMessage("year 必填 (year is required, e.g. ?year=2023)")
            .Must(y => int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                       && year >= ReportingClock.FirstMonth.Year && year <= clock.CurrentMonth.Year)
            .WithMessage(q => $"year 应为 {ReportingClock.FirstMonth.Year} 至 {clock.CurrentMonth.Year} 之间的年份 (year must be {ReportingClock.FirstMonth.Year}..{clock.CurrentMonth.Year})");
        RuleFor(q => q.ThroughMonth)
            .Must(m => int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            .When(q => q.ThroughMonth is not null)
            .WithMessage("throughMonth 应为 1 至 12 (throughMonth must be 1..12)");
        RuleFor(q => q.Trace).Must(t => bool.TryParse(t, out _)).When(q => q.Trace is not null)
            .WithMessage("trace 应为 true 或 false (trace must be true or false)");
    }
}
