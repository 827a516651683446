namespace Carbon.Domain.Supervision;

/// <summary>
/// A 单位产品能耗限额 row of a mandatory national standard: three grades (1 advanced; 2 准入值 for new and expanded
/// plants; 3 限定值 for existing plants) in <see cref="EnergyUnit"/> per <see cref="ProductUnit"/> of product. A firm's
/// product line counts when its name is <see cref="Product"/> or one of <see cref="Aliases"/> and its unit is the product unit.
/// </summary>
public sealed record EnergyQuota(
    string Id,
    string Standard,
    string Title,
    string Product,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> IndustryCodes,
    string Indicator,
    string EnergyUnit,
    string ProductUnit,
    decimal? Grade1,
    decimal Grade2,
    decimal Grade3,
    string Boundary,
    string Status,
    string Source);

/// <summary>An item of a 淘汰落后机电设备 catalogue: equipment whose model starts with one of <see cref="Models"/>, in a power range.</summary>
public sealed record PhasedOutItem(string Id, string BatchId, string BatchName, string Document, string Category, string Type,
    IReadOnlyList<string> Models, decimal? PowerMinKw, decimal? PowerMaxKw);

/// <summary>GB 17167-2006's minimum equipping rate (配备率, %) of meters for one kind of energy at each tier (null: not required).</summary>
public sealed record MeteringRate(string Energy, string Name, decimal? Entry, decimal? Secondary, decimal? Equipment);

/// <summary>The rules an inspection checks, loaded from factors/supervision (validated at start).</summary>
public sealed record SupervisionRules(
    IReadOnlyList<EnergyQuota> Quotas,
    IReadOnlyList<PhasedOutItem> PhasedOut,
    IReadOnlyList<MeteringRate> MeteringRates,
    string MeteringStandard)
{
    public static SupervisionRules Empty { get; } = new([], [], [], "GB 17167-2006");
}
