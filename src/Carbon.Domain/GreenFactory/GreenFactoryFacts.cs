namespace Carbon.Domain.GreenFactory;

/// <summary>The ledger metrics a grade can use. Each is computed from filings and the registry, never typed in.</summary>
public static class GreenFactoryMetrics
{
    public static readonly IReadOnlyDictionary<string, (string Name, string Unit)> All = new Dictionary<string, (string, string)>
    {
        ["energy-per-output"] = ("单位产值综合能耗(等价值)", "tce/万元"),
        ["co2-per-output"] = ("单位产值碳排放", "tCO2/万元"),
        ["energy-per-product"] = ("单位产品综合能耗(等价值)", "tce/产品单位"),
        ["co2-per-product"] = ("单位产品碳排放", "tCO2/产品单位"),
        ["water-per-product"] = ("单位产品取水量", "m³/产品单位"),
        ["energy-intensity-reduction"] = ("单位增加值能耗较2020年下降率", "ratio"),
        ["co2-intensity-reduction"] = ("单位增加值碳排放较2020年下降率", "ratio"),
        ["floor-area-ratio"] = ("容积率", "ratio"),
        ["building-density"] = ("建筑密度", "ratio"),
        ["output-per-land"] = ("单位用地面积产值", "万元/亩"),
    };
}

/// <summary>
/// A firm's year as the grader sees it: metric values (null with a reason where they cannot be computed) and the
/// facts they came from, for the item's source line.
/// </summary>
public sealed record GreenFactoryFacts(
    string Uscc,
    string Name,
    string? IndustryCode,
    int Year,
    string? Product,
    string? ProductUnit,
    IReadOnlyDictionary<string, decimal?> Metrics,
    IReadOnlyDictionary<string, string> Sources);

/// <summary>A firm's answer to a qualitative item (or basic requirement), and the verifier's decision once made.</summary>
public sealed record ItemAnswer(bool Met, string? Evidence, bool? Accepted, string? VerifierComment);

/// <summary>Draft grades take the firm's claims; verified grades count only what a verifier accepted.</summary>
public enum GradeBasis
{
    Claimed,
    Verified,
}
