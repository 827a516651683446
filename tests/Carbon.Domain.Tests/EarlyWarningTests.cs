using Carbon.Domain.Registry;
using Carbon.Domain.Warnings;

namespace Carbon.Domain.Tests;

/// <summary>Each early-warning rule at each level boundary, by hand.</summary>
public sealed class EarlyWarningTests
{
    private static readonly WarningRules Rules = new(FilingDeadlineDay: 10, AmberAfterDays: 1, RedAfterDays: 10, BarometerYellowShare: 0.10m,
        BudgetYellow: 0.80m, BudgetRed: 1.00m, Jump: 0.30m);

    private static readonly YearMonth October = new(2026, 10);

    /// <summary>October is due on 10 November: on the 10th nothing, the 11th amber (1 day late), the 19th amber (9), the 20th red (10).</summary>
    [Fact]
    public void A_missing_month_turns_amber_the_day_after_the_deadline_and_red_ten_days_after()
    {
        Assert.Null(EarlyWarning.Missing("u", October, filed: false, new DateOnly(2026, 11, 10), Rules));
        Assert.Equal(AlertLevel.Amber, EarlyWarning.Missing("u", October, false, new DateOnly(2026, 11, 11), Rules)!.Level);
        Assert.Equal(AlertLevel.Amber, EarlyWarning.Missing("u", October, false, new DateOnly(2026, 11, 19), Rules)!.Level);
        var red = EarlyWarning.Missing("u", October, false, new DateOnly(2026, 11, 20), Rules)!;
        Assert.Equal((AlertLevel.Red, 10m), (red.Level, red.Value));
        Assert.Null(EarlyWarning.Missing("u", October, filed: true, new DateOnly(2026, 12, 31), Rules));
        // February's deadline in a month of 28 days still falls on the 10th; a deadline day of 31 falls on the month's last day.
        Assert.Equal(AlertLevel.Amber, EarlyWarning.Missing("u", new YearMonth(2026, 1), false, new DateOnly(2026, 2, 11), Rules)!.Level);
        Assert.Null(EarlyWarning.Missing("u", new YearMonth(2026, 1), false, new DateOnly(2026, 2, 28), Rules with { FilingDeadlineDay = 31 }));
    }

    /// <summary>
    /// Target fall 3 %: the yellow band is 10 % of it, 0.3 points. Last year 0.500 tce/万元. This year 0.485 is a 3.0 % fall
    /// (green); 0.4865 is 2.7 % (missed by exactly 0.3 points: yellow); 0.487 is 2.6 % (red); 0.51 is a 2 % rise (red).
    /// </summary>
    [Fact]
    public void The_barometer_is_green_when_met_yellow_within_a_tenth_of_the_target_and_red_beyond()
    {
        Alert Level(decimal now) => EarlyWarning.IntensityBarometer("district", October, now, 0.500m, 0.03m, Rules)!;
        Assert.Equal(AlertLevel.Green, Level(0.485m).Level);
        Assert.Equal(0.03m, Level(0.485m).Value);
        Assert.Equal(AlertLevel.Yellow, Level(0.4865m).Level);
        Assert.Equal(AlertLevel.Red, Level(0.487m).Level);
        Assert.Equal(AlertLevel.Red, Level(0.51m).Level);
        Assert.Equal(-0.02m, Level(0.51m).Value);
        Assert.Null(EarlyWarning.IntensityBarometer("district", October, 0.5m, null, 0.03m, Rules));
    }

    /// <summary>Cap 12 000 tce a year; through October the share is 10 000. 10 000 green, 11 000 yellow (10 % over), 11 001 red.</summary>
    [Fact]
    public void The_total_is_held_against_the_pro_rata_cap()
    {
        Assert.Equal(AlertLevel.Green, EarlyWarning.IntensityTotal("p", October, 10_000m, 12_000m, Rules).Level);
        Assert.Equal(AlertLevel.Yellow, EarlyWarning.IntensityTotal("p", October, 11_000m, 12_000m, Rules).Level);
        Assert.Equal(AlertLevel.Red, EarlyWarning.IntensityTotal("p", October, 11_001m, 12_000m, Rules).Level);
        Assert.Equal(10_000m, EarlyWarning.IntensityTotal("p", October, 1m, 12_000m, Rules).Threshold);
    }

    /// <summary>Budget 5 000 tce: 3 999 used is 79.98 % (green), 4 000 is 80 % (yellow), 4 999 yellow, 5 000 red.</summary>
    [Fact]
    public void The_budget_turns_yellow_at_eighty_percent_and_red_when_spent()
    {
        Assert.Equal(AlertLevel.Green, EarlyWarning.Budget("u", October, 3_999m, 5_000m, Rules)!.Level);
        Assert.Equal(AlertLevel.Yellow, EarlyWarning.Budget("u", October, 4_000m, 5_000m, Rules)!.Level);
        Assert.Equal(AlertLevel.Yellow, EarlyWarning.Budget("u", October, 4_999m, 5_000m, Rules)!.Level);
        Assert.Equal(AlertLevel.Red, EarlyWarning.Budget("u", October, 5_000m, 5_000m, Rules)!.Level);
        Assert.Null(EarlyWarning.Budget("u", October, 5_000m, null, Rules));
    }

    /// <summary>
    /// 130 against last October's 100 is +30 % (not flagged); 131 is +31 % (flagged). Against the median of 100, 120, 80 (= 100),
    /// 69 is −31 % (flagged). With both, the larger change is the one reported: 160 vs 100 last year (+60 %) and vs a median
    /// of 150 (+6.7 %).
    /// </summary>
    [Fact]
    public void A_jump_of_more_than_thirty_percent_from_either_reference_is_flagged()
    {
        Assert.Null(EarlyWarning.Jump("u", October, "电力", 130m, 100m, [], Rules));
        Assert.Equal(0.31m, EarlyWarning.Jump("u", October, "电力", 131m, 100m, [], Rules)!.Value);
        Assert.Equal(-0.31m, EarlyWarning.Jump("u", October, "电力", 69m, null, [100m, 120m, 80m], Rules)!.Value);
        var both = EarlyWarning.Jump("u", October, "电力", 160m, 100m, [140m, 150m, 160m], Rules)!;
        Assert.Equal((AlertLevel.Flag, 0.6m), (both.Level, both.Value));
        Assert.Null(EarlyWarning.Jump("u", October, "电力", 160m, null, [], Rules));
    }

    /// <summary>Grid 100 000 kWh, tolerance 5 %: 105 000 and 95 000 pass (exactly 5 %); 105 001 (+5.001 %) and 94 999 are flagged.</summary>
    [Fact]
    public void Electricity_more_than_five_percent_from_the_grid_figure_is_flagged()
    {
        Assert.Null(EarlyWarning.GridElectricity("u", October, 105_000m, 100_000m, Rules));
        Assert.Null(EarlyWarning.GridElectricity("u", October, 95_000m, 100_000m, Rules));
        var over = EarlyWarning.GridElectricity("u", October, 105_001m, 100_000m, Rules)!;
        Assert.Equal((AlertRule.Balance, AlertLevel.Flag, 0.05001m, "grid"), (over.Rule, over.Level, over.Value, over.Detail));
        Assert.Equal(-0.05001m, EarlyWarning.GridElectricity("u", October, 94_999m, 100_000m, Rules)!.Value);
        Assert.Null(EarlyWarning.GridElectricity("u", October, 1m, null, Rules));
        Assert.Equal(AlertLevel.Flag, EarlyWarning.Form2051Balance("u", October, ["期初库存 100 ≠ 上月期末库存 120"])!.Level);
        Assert.Null(EarlyWarning.Form2051Balance("u", October, []));
    }

    /// <summary>
    /// 2025's report is due on 31 January 2026. A firm of 5 000 tce without it: nothing on the 31st, red on 1 February; one
    /// of 4 999.99 tce owes none; a report handed in (even late) closes it.
    /// </summary>
    [Fact]
    public void A_key_energy_user_without_its_annual_report_is_red_from_the_day_after_it_was_due()
    {
        Assert.Null(EarlyWarning.EnergyReport("u", 2025, 5_000m, null, new DateOnly(2026, 1, 31), Rules));
        var red = EarlyWarning.EnergyReport("u", 2025, 5_000m, null, new DateOnly(2026, 2, 1), Rules)!;
        Assert.Equal((AlertRule.EnergyReport, AlertLevel.Red, new YearMonth(2026, 1), "2025"), (red.Rule, red.Level, red.Period, red.Detail));
        Assert.Null(EarlyWarning.EnergyReport("u", 2025, 4_999.99m, null, new DateOnly(2026, 6, 1), Rules));
        Assert.Null(EarlyWarning.EnergyReport("u", 2025, 8_000m, new DateOnly(2026, 3, 1), new DateOnly(2026, 6, 1), Rules));
    }
}
