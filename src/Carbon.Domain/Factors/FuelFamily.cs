using Carbon.Domain.Energy;

namespace Carbon.Domain.Factors;

/// <summary>
/// A family of fuel defaults (低位发热量、单位热值含碳量、碳氧化率): the table of one batch of the NDRC sector guidelines
/// (企业温室气体排放核算方法与报告指南), which applies to the industries that batch covers. A firm's family follows its
/// GB/T 4754 industry code; <see cref="IsDefault"/> marks the family of every other firm (工业其他行业).
/// </summary>
public sealed record FuelFamily(string Id, string Name, IReadOnlyList<string> IndustryPrefixes, bool IsDefault, string Source, FactorStatus Status)
{
    /// <summary>The length of the longest of <see cref="IndustryPrefixes"/> that <paramref name="industryCode"/> starts with; 0 when none.</summary>
    public int Match(string? industryCode) =>
        industryCode is null ? 0 : IndustryPrefixes.Where(p => industryCode.StartsWith(p, StringComparison.Ordinal)).Select(p => p.Length).DefaultIfEmpty(0).Max();
}

/// <summary>
/// The three combustion defaults of one fuel as a family gives them, and whether the family lacked the fuel so that the
/// default family's rows stand in (said in the trace).
/// </summary>
public sealed record FuelFactors(EnergyCarrier Carrier, Factor Ncv, Factor CarbonContent, Factor Oxidation, FuelFamily Family, bool FromDefaultFamily);

/// <summary>
/// One firm's fuel defaults: its <see cref="Family"/> and, for every fuel, the rows that apply. Built once per family by
/// <see cref="FactorSet"/>; a filing line's measured heating value wins over the NCV here (GB/T 2589 and GB/T 32150 both
/// prefer measured values to defaults).
/// </summary>
public sealed class FuelBasis
{
    private readonly Dictionary<EnergyCarrier, FuelFactors> _fuels;

    internal FuelBasis(FuelFamily family, Dictionary<EnergyCarrier, FuelFactors> fuels)
    {
        Family = family;
        _fuels = fuels;
    }

    public FuelFamily Family { get; }

    /// <summary>The defaults of a fuel; throws <see cref="MissingFactorException"/> when neither the family nor the default family has it.</summary>
    public FuelFactors For(EnergyCarrier carrier) =>
        _fuels.GetValueOrDefault(carrier) ?? throw new MissingFactorException($"no combustion defaults for {carrier.Token()} in fuel family {Family.Id}");

    public FuelFactors? Find(EnergyCarrier carrier) => _fuels.GetValueOrDefault(carrier);
}
