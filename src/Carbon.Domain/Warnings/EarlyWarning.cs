using Carbon.Domain.Registry;

namespace Carbon.Domain.Warnings;

/// <summary>The early-warning (预警) rules Carbon evaluates.</summary>
public enum AlertRule
{
    /// <summary>应报未报: a month not filed by the district's deadline.</summary>
    Missing,
    /// <summary>双控晴雨表: the year's intensity fall (or total) against the pro-rata target.</summary>
    Barometer,
    /// <summary>用能预算: the year's energy so far against the firm's annual budget.</summary>
    Budget,
    /// <summary>A month far from the same month last year or from the median of the three months before.</summary>
    Jump,
    /// <summary>Data quality: a 205-1 form that no longer balances, or electricity far from the grid company's figure.</summary>
    Balance,
    /// <summary>能源利用状况报告: a key energy user's annual report not in by the due date.</summary>
    EnergyReport,
}

/// <summary>How serious an alert is. <see cref="Green"/> is "on track" (shown on the barometer, never raised).</summary>
public enum AlertLevel
{
    Green,
    Yellow,
    Amber,
    Red,
    /// <summary>A data-quality flag: the firm must explain it.</summary>
    Flag,
}

/// <summary>
/// The thresholds, per district (data: factors/warnings/rules.json): the filing deadline (day of the next month), the days
/// after it at which a missing month turns amber and red, the barometer's yellow band (a share of the target), the budget's
/// yellow and red shares, the jump that must be explained, how far a firm's electricity may be from the grid company's
/// figure, and who owes the annual 能源利用状况报告 (a year's tce at least this) by which day of the next year.
/// </summary>
public sealed record WarningRules(
    int FilingDeadlineDay,
    int AmberAfterDays,
    int RedAfterDays,
    decimal BarometerYellowShare,
    decimal BudgetYellow,
    decimal BudgetRed,
    decimal Jump,
    decimal GridTolerance = 0.05m,
    decimal EnergyReportTce = 5_000m,
    int EnergyReportMonth = 1,
    int EnergyReportDay = 31);

/// <summary>
/// One alert: the rule, whose (a USCC, a park code, "district"), the period, the value measured against the threshold,
/// the level, and the words. The same rule, subject and period is the same alert: evaluating again updates it, never
/// adds a second.
/// </summary>
public sealed record Alert(AlertRule Rule, string Subject, YearMonth Period, decimal? Value, decimal? Threshold, AlertLevel Level, string Message,
    string? Detail = null)
{
    /// <summary>What makes two alerts the same alert.</summary>
    public (AlertRule, string, YearMonth, string?) Key => (Rule, Subject, Period, Detail);
}

/// <summary>The early-warning rules as pure functions over a firm's (or a park's, or the district's) figures.</summary>
public static class EarlyWarning
{
    /// <summary>
    /// 应报未报: <paramref name="month"/>'s filing is due on <see cref="WarningRules.FilingDeadlineDay"/> of the month after
    /// (the district's 定报 deadline; statistics deadlines are set locally). Not filed: amber from
    /// <see cref="WarningRules.AmberAfterDays"/> days after the deadline, red from <see cref="WarningRules.RedAfterDays"/>.
    /// Null when filed, or not yet late.
    /// </summary>
    public static Alert? Missing(string uscc, YearMonth month, bool filed, DateOnly today, WarningRules rules)
    {
        var next = month.AddMonths(1);
        var deadline = new DateOnly(next.Year, next.Month, Math.Min(rules.FilingDeadlineDay, DateTime.DaysInMonth(next.Year, next.Month)));
        var late = today.DayNumber - deadline.DayNumber;
        if (filed || late < rules.AmberAfterDays)
        {
            return null;
        }
        var level = late >= rules.RedAfterDays ? AlertLevel.Red : AlertLevel.Amber;
        return new Alert(AlertRule.Missing, uscc, month, late, rules.AmberAfterDays, level,
            $"{month} 月报应于 {deadline:yyyy-MM-dd} 前报送，已逾期 {late} 天 ({month} was due on {deadline:yyyy-MM-dd}: {late} days late)");
    }

    /// <summary>
    /// 双控晴雨表 on intensity (国家发展改革委《各地区能耗双控目标完成情况晴雨表》, 2021: green met, yellow missed by ≤ 10 % of
    /// the target, red beyond; applied here to a district, park or key firm): the fall achieved
    /// (1 − this year's intensity ÷ last year's, over the same months) against the year's target fall. Green when the target
    /// is met; yellow when missed by at most <see cref="WarningRules.BarometerYellowShare"/> of the target; red beyond.
    /// A rise is a negative fall. Null when last year's intensity is unknown or zero.
    /// </summary>
    public static Alert? IntensityBarometer(string subject, YearMonth through, decimal? intensity, decimal? lastYear, decimal targetFall, WarningRules rules)
    {
        if (intensity is not { } now || lastYear is not { } before || before <= 0m)
        {
            return null;
        }
        var fall = 1m - now / before;
        var shortfall = targetFall - fall;
        var level = shortfall <= 0m ? AlertLevel.Green : shortfall <= rules.BarometerYellowShare * targetFall ? AlertLevel.Yellow : AlertLevel.Red;
        return new Alert(AlertRule.Barometer, subject, through, fall, targetFall, level,
            $"1–{through.Month} 月单位增加值能耗较上年同期下降 {fall:P2}，年度目标 {targetFall:P2} (intensity fall {fall:P2} against a target of {targetFall:P2})",
            "intensity");
    }

    /// <summary>
    /// 双控晴雨表 on the total: the energy used so far against the pro-rata share of the year's cap (cap × months ÷ 12).
    /// Green within it; yellow when over by at most <see cref="WarningRules.BarometerYellowShare"/> of that share; red beyond.
    /// </summary>
    public static Alert IntensityTotal(string subject, YearMonth through, decimal energySoFar, decimal annualCap, WarningRules rules)
    {
        var share = annualCap * through.Month / 12m;
        var over = energySoFar - share;
        var level = over <= 0m ? AlertLevel.Green : over <= rules.BarometerYellowShare * share ? AlertLevel.Yellow : AlertLevel.Red;
        return new Alert(AlertRule.Barometer, subject, through, energySoFar, share, level,
            $"1–{through.Month} 月能耗 {Display.Text(energySoFar)} tce，按进度应不超过 {Display.Text(share)} tce (energy so far against the pro-rata cap)", "total");
    }

    /// <summary>
    /// 用能预算: the year's energy so far as a share of the firm's annual budget — yellow from <see cref="WarningRules.BudgetYellow"/>,
    /// red from <see cref="WarningRules.BudgetRed"/>; the pro-rata share (months ÷ 12) is said beside it. Null when no budget is set.
    /// </summary>
    public static Alert? Budget(string uscc, YearMonth through, decimal energySoFar, decimal? budget, WarningRules rules)
    {
        if (budget is not { } b || b <= 0m)
        {
            return null;
        }
        var used = energySoFar / b;
        var level = used >= rules.BudgetRed ? AlertLevel.Red : used >= rules.BudgetYellow ? AlertLevel.Yellow : AlertLevel.Green;
        var pro = through.Month / 12m;
        return new Alert(AlertRule.Budget, uscc, through, used, rules.BudgetYellow, level,
            $"已用年度用能预算 {used:P1}（{Display.Text(energySoFar)} / {Display.Text(b)} tce），时间进度 {pro:P0} (budget used against time elapsed)");
    }

    /// <summary>
    /// A jump: this month's figure against the same month last year and against the median of the three months before; more
    /// than <see cref="WarningRules.Jump"/> from either (in either direction) is flagged for the firm to explain. The larger
    /// change is reported. Null when neither reference exists or neither is exceeded.
    /// </summary>
    public static Alert? Jump(string uscc, YearMonth month, string what, decimal value, decimal? sameMonthLastYear, IReadOnlyList<decimal> threeMonthsBefore,
        WarningRules rules)
    {
        decimal? Change(decimal? reference) => reference is { } r && r > 0m ? value / r - 1m : null;
        var median = threeMonthsBefore.Count == 0 ? (decimal?)null : Median(threeMonthsBefore);
        var changes = new[] { (Change(sameMonthLastYear), "上年同月 same month last year"), (Change(median), "前三个月中位数 median of the three months before") }
            .Where(c => c.Item1 is { } x && Math.Abs(x) > rules.Jump)
            .OrderByDescending(c => Math.Abs(c.Item1!.Value))
            .ToList();
        if (changes.Count == 0)
        {
            return null;
        }
        var (change, against) = (changes[0].Item1!.Value, changes[0].Item2);
        return new Alert(AlertRule.Jump, uscc, month, change, rules.Jump, AlertLevel.Flag,
            $"{what} 较{against}变化 {change:+0.0%;-0.0%}，超过 ±{rules.Jump:P0}，请说明原因 (please explain)", what);
    }

    /// <summary>
    /// Data quality against the grid company (供电公司): the firm's electricity for the month (what it bought, by its 205-1
    /// form where one was imported, else as filed) against the grid's metered sale; apart by more than
    /// <see cref="WarningRules.GridTolerance"/> of the grid's figure is a flag the firm must explain. Null when the grid's
    /// figure is unknown or zero, or within the tolerance.
    /// </summary>
    public static Alert? GridElectricity(string uscc, YearMonth month, decimal firmKwh, decimal? gridKwh, WarningRules rules)
    {
        if (gridKwh is not { } grid || grid <= 0m)
        {
            return null;
        }
        var apart = firmKwh / grid - 1m;
        return Math.Abs(apart) <= rules.GridTolerance
            ? null
            : new Alert(AlertRule.Balance, uscc, month, apart, rules.GridTolerance, AlertLevel.Flag,
                $"电力 {Display.Text(firmKwh)} kWh 与供电公司数据 {Display.Text(grid)} kWh 相差 {apart:+0.0%;-0.0%}，超过 ±{rules.GridTolerance:P0}，请说明原因 " +
                "(electricity differs from the grid company's figure: please explain)", "grid");
    }

    /// <summary>
    /// Data quality of an imported 205-1 form: a balance rule it breaks now (form 205-1: 4 = 5 + 7, 9 = 1 + 2 − 4, 期初 =
    /// last month's 期末 …) — typically when the month before was imported again with a different closing stock. The
    /// first problem is said, and how many there are. Null when it balances.
    /// </summary>
    public static Alert? Form2051Balance(string uscc, YearMonth month, IReadOnlyList<string> problems)
    {
        if (problems.Count == 0)
        {
            return null;
        }
        return new Alert(AlertRule.Balance, uscc, month, problems.Count, 0m, AlertLevel.Flag,
            $"205-1表不平衡：{problems[0]}{(problems.Count > 1 ? $"（共 {problems.Count} 处）" : "")}，请核对 (form 205-1 does not balance: please check)", "205-1");
    }

    /// <summary>
    /// 能源利用状况报告 (《中华人民共和国节约能源法》第五十三条: key energy users report their energy use every year; the
    /// province's rule has it in by 31 January): a firm that used at least <see cref="WarningRules.EnergyReportTce"/> tce in
    /// <paramref name="year"/> and has not handed in that year's report is red from the day after the due date until it does.
    /// The alert's period is the month it fell due.
    /// </summary>
    public static Alert? EnergyReport(string uscc, int year, decimal yearTce, DateOnly? submittedOn, DateOnly today, WarningRules rules)
    {
        var dueMonth = new YearMonth(year + 1, rules.EnergyReportMonth);
        var due = new DateOnly(dueMonth.Year, dueMonth.Month, Math.Min(rules.EnergyReportDay, DateTime.DaysInMonth(dueMonth.Year, dueMonth.Month)));
        if (yearTce < rules.EnergyReportTce || submittedOn is not null || today <= due)
        {
            return null;
        }
        return new Alert(AlertRule.EnergyReport, uscc, dueMonth, yearTce, rules.EnergyReportTce, AlertLevel.Red,
            $"{year} 年综合能耗 {Display.Text(yearTce)} tce（≥ {Display.Text(rules.EnergyReportTce)}），能源利用状况报告应于 {due:yyyy-MM-dd} 前报送，尚未报送 " +
            $"(the {year} energy-use report was due on {due:yyyy-MM-dd})", year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static decimal Median(IReadOnlyList<decimal> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2m;
    }
}
