using Carbon.Certificates.Charts;
using Carbon.Domain.Access;
using Carbon.Domain.Accounting;
using Carbon.Domain.Factors;
using Carbon.Server.Configuration;
using Carbon.Server.Grains;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Features.Web;

/// <summary>The month chart of a firm, park or district year: each month's 等价值 energy and CO2 from its summed activity.</summary>
public sealed class WebFigures(FactorSet factors, IOptions<CarbonOptions> options)
{
    /// <summary>The chart of a firm's year as the caller may see it; null when the firm is not the caller's to see.</summary>
    public async Task<MonthChart?> FirmChartAsync(IEnterpriseGrain firm, int year, Caller caller) =>
        await firm.GetMonthsAsync(year, caller) is { } months ? Chart(months, year) : null;

    /// <summary>Months 1..12 (index 0 = January), null where nothing was filed.</summary>
    public MonthChart Chart(IReadOnlyList<ActivityTotals?> months, int year) =>
        MonthChart.Of(months.Select((t, i) =>
        {
            if (t is null)
            {
                return (i + 1, (decimal?)null, (decimal?)null);
            }
            var a = Account.Compute(t, factors, year, options.Value.GridRegion);
            return (i + 1, (decimal?)a.Energy.EquivalentTce, (decimal?)a.Co2.TotalT);
        }));
}
