using Carbon.Server.Configuration;
using FluentValidation;

namespace Carbon.Server.Features.Filings;

/// <summary>A month from 2020-01 up to the current month (UTC+8); the USCC and the month's form were checked when bound.</summary>
public sealed class FilingRouteValidator : AbstractValidator<FilingRoute>
{
    public FilingRouteValidator(ReportingClock clock)
    {
        RuleFor(r => r.Month).Custom((month, ctx) =>
        {
            if (month < ReportingClock.FirstMonth)
            {
                ctx.AddFailure($"{month} 早于基准年 2020 (months before 2020-01 are not filed)");
            }
            else if (month > clock.CurrentMonth)
            {
                ctx.AddFailure($"{month} 是未来月份，当前为 {clock.CurrentMonth} (month is in the future)");
            }
        });
    }
}
