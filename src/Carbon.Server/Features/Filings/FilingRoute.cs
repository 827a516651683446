using Carbon.Domain.Registry;
using Carbon.Server.Hosting;
using FluentValidation;

namespace Carbon.Server.Features.Filings;

/// <summary>The path of a filing: whose, and which month.</summary>
public sealed record FilingRoute(string Uscc, string Month);

/// <summary>A USCC with a valid check character, and a month from 2020-01 up to the current month (UTC+8).</summary>
public sealed class FilingRouteValidator : AbstractValidator<FilingRoute>
{
    public FilingRouteValidator(ReportingClock clock)
    {
        RuleFor(r => r.Uscc).Custom((uscc, ctx) =>
        {
            if (!Carbon.Domain.Registry.Uscc.TryParse(uscc, out _, out var error))
            {
                ctx.AddFailure(error);
            }
        });
        RuleFor(r => r.Month).Custom((text, ctx) =>
        {
            if (!YearMonth.TryParse(text, out var month))
            {
                ctx.AddFailure($"'{text}' 不是 yyyy-MM 格式的月份 (month must be yyyy-MM)");
            }
            else if (month < ReportingClock.FirstMonth)
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
