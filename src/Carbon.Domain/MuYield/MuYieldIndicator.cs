namespace Carbon.Domain.MuYield;

/// <summary>亩均效益评价指标 (per-mu efficiency indicators), 浙政发〔2018〕5号 and county 计算说明.</summary>
public enum MuYieldIndicator
{
    /// <summary>亩均税收 = 税收 / 用地面积 (万元/亩).</summary>
    TaxPerMu,
    /// <summary>亩均增加值 = 工业增加值 / 用地面积 (万元/亩).</summary>
    ValueAddedPerMu,
    /// <summary>单位能耗增加值 = 工业增加值 / 综合能耗(等价值) (万元/tce).</summary>
    ValueAddedPerEnergy,
    /// <summary>单位排放增加值 = 工业增加值 / 主要污染物排放量 (万元/t).</summary>
    ValueAddedPerEmission,
    /// <summary>全员劳动生产率 = 工业增加值 / 年平均职工人数 (万元/人).</summary>
    LabourProductivity,
    /// <summary>R&amp;D经费支出占主营业务收入之比 (ratio).</summary>
    RdIntensity,
    /// <summary>单位电耗税收 = 税收 / 用电量 (万元/万kWh), 规下.</summary>
    TaxPerElectricity,
    /// <summary>亩均营业收入 = 营业收入 / 用地面积 (万元/亩), used by some counties for 规下.</summary>
    RevenuePerMu,
}

/// <summary>Tokens, names, units and formulas of the indicators.</summary>
public static class MuYieldIndicators
{
    private static readonly (MuYieldIndicator Indicator, string Token, string Chinese, string Unit)[] Table =
    [
        (MuYieldIndicator.TaxPerMu, "tax-per-mu", "亩均税收", "万元/亩"),
        (MuYieldIndicator.ValueAddedPerMu, "value-added-per-mu", "亩均增加值", "万元/亩"),
        (MuYieldIndicator.ValueAddedPerEnergy, "value-added-per-energy", "单位能耗增加值", "万元/tce"),
        (MuYieldIndicator.ValueAddedPerEmission, "value-added-per-emission", "单位排放增加值", "万元/t"),
        (MuYieldIndicator.LabourProductivity, "labour-productivity", "全员劳动生产率", "万元/人"),
        (MuYieldIndicator.RdIntensity, "rd-intensity", "R&D经费支出占主营业务收入之比", "ratio"),
        (MuYieldIndicator.TaxPerElectricity, "tax-per-electricity", "单位电耗税收", "万元/万kWh"),
        (MuYieldIndicator.RevenuePerMu, "revenue-per-mu", "亩均营业收入", "万元/亩"),
    ];

    public static IReadOnlyList<string> Tokens { get; } = Table.Select(r => r.Token).ToArray();

    public static string Token(this MuYieldIndicator i) => Table.First(r => r.Indicator == i).Token;

    public static string ChineseName(this MuYieldIndicator i) => Table.First(r => r.Indicator == i).Chinese;

    public static string Unit(this MuYieldIndicator i) => Table.First(r => r.Indicator == i).Unit;

    public static bool TryParse(string? token, out MuYieldIndicator indicator)
    {
        foreach (var row in Table)
        {
            if (row.Token == token)
            {
                indicator = row.Indicator;
                return true;
            }
        }
        indicator = default;
        return false;
    }

    /// <summary>
    /// The numerator and denominator of an indicator for a firm's year (浙政发〔2018〕5号; 黄岩区 计算说明).
    /// The value is numerator / denominator; a null numerator means "not reported" (e.g. no pollutant data).
    /// </summary>
    public static (decimal? Numerator, decimal Denominator) Terms(this MuYieldIndicator i, MuYieldInputs f) => i switch
    {
        MuYieldIndicator.TaxPerMu => (f.TaxPaid, f.EvaluatedLandMu),
        MuYieldIndicator.ValueAddedPerMu => (f.ValueAdded, f.EvaluatedLandMu),
        MuYieldIndicator.ValueAddedPerEnergy => (f.ValueAdded, f.EnergyEquivalentTce),
        MuYieldIndicator.ValueAddedPerEmission => (f.PollutantsT is null ? null : f.ValueAdded, f.PollutantsT ?? 0m),
        MuYieldIndicator.LabourProductivity => (f.ValueAdded, f.AverageEmployees),
        MuYieldIndicator.RdIntensity => (f.RdExpense, f.Revenue),
        MuYieldIndicator.TaxPerElectricity => (f.TaxPaid, f.ElectricityKwh / 10_000m),
        MuYieldIndicator.RevenuePerMu => (f.Revenue, f.EvaluatedLandMu),
        _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };

    /// <summary>The indicator's value, or null when it cannot be computed (not reported, or a zero denominator).</summary>
    public static decimal? Value(this MuYieldIndicator i, MuYieldInputs f)
    {
        var (n, d) = i.Terms(f);
        return n is { } num ? Ratio.Of(num, d) : null;
    }
}
