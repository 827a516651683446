namespace Carbon.Domain.Accounting;

/// <summary>
/// The standard clauses each formula follows, as cited in traces and docs/methodology.md.
/// Where the clause number itself is not verified against the standard's text, the citation says so.
/// </summary>
public static class Clauses
{
    /// <summary>Standard coal: 1 kgce = 29 307 kJ net calorific value (GB/T 2589-2008 §6.2; kept in 2020).</summary>
    public const string StandardCoalUnit = "GB/T 2589-2020 (1 kgce = 29 307 kJ, GB/T 2589-2008 §6.2)";

    /// <summary>A fuel's standard coal from its heating value: one heating value for energy and CO2.</summary>
    public const string FuelStandardCoal = "GB/T 2589 燃料按低位发热量折标准煤 (实测优先，否则取所属行业指南缺省值; 1 kgce = 29 307 kJ, GB/T 2589-2008 §6.2)";

    /// <summary>当量值: quantity × 折标准煤系数.</summary>
    public const string Calorific = "GB/T 2589 当量值: 数量 × 折标准煤系数 (系数出处见因子行所注版本 the coefficient's edition is in its factor row)";

    /// <summary>等价值 of electricity: the year's thermal-power coal rate.</summary>
    public const string Equivalent = "GB/T 2589-2020 §3 等价值 (按当年火电发电标准煤耗)";

    /// <summary>Energy delivered outside the boundary is deducted.</summary>
    public const string Exported = "GB/T 2589-2020 综合能耗: 输出的能源予以扣除";

    /// <summary>Fuel combustion: AD × NCV × CC × OF × 44/12.</summary>
    public const string Combustion = "GB/T 32150-2015 燃料燃烧排放 (AD × NCV × CC × OF × 44/12); 缺省值 GB/T 32151 / 发改委行业指南";

    /// <summary>Purchased electricity: MWh × grid factor.</summary>
    public const string PurchasedElectricity = "GB/T 32150-2015 购入电力排放 (AD × EF电网)";

    /// <summary>Purchased heat: GJ × 0.11 tCO2/GJ.</summary>
    public const string PurchasedHeat = "GB/T 32150-2015 购入热力排放 (AD × EF热力, 0.11 tCO2/GJ)";

    /// <summary>Exported electricity or heat: subtracted.</summary>
    public const string ExportedEmissions = "GB/T 32150-2015 输出的电力、热力对应的排放予以扣减";

    /// <summary>Intensity per 10 000 yuan of value added.</summary>
    public const string Intensity = "单位工业增加值能耗/碳排放/用水量 = 总量 / 工业增加值(万元)";

    /// <summary>Reduction against the 2020 baseline.</summary>
    public const string Reduction = "降低率 = 1 − I(当期) / I(2020), 浙江省工业领域碳达峰实施方案口径";
}
