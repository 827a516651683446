using Carbon.Server.Grains.Contracts;
using Carbon.Domain.Factors;
namespace Carbon.Server.Features.Metrics;

// Derived figures are exact decimals in the methodology and rounded here, for display, to 6 decimal places
// (half away from zero). Filed inputs are echoed exactly.

public sealed record ScopeResponse(string Kind, string Id, string Name, int Enterprises);

/// <summary>综合能耗 (tce): 当量值 and 等价值.</summary>
public sealed record EnergyResponse(decimal Calorific, decimal Equivalent);

/// <summary>CO2 (t) by source; exported electricity and heat are already subtracted.</summary>
public sealed record Co2Response(decimal Combustion, decimal Electricity, decimal Heat, decimal Total);

/// <summary>Per 10 000 yuan (万元) of value added, on <c>priceBasis</c>. Null where value added is not positive.</summary>
public sealed record IntensityResponse(
    decimal? EnergyTcePer10kYuan,
    decimal? EnergyCalorificTcePer10kYuan,
    decimal? EnergyEquivalentTcePer10kYuan,
    decimal? Co2TPer10kYuan,
    decimal? WaterM3Per10kYuan);

/// <summary>Fractions: 0.16 means 16 % lower than 2020.</summary>
public sealed record ReductionResponse(decimal? EnergyIntensity, decimal? Co2Intensity, decimal? WaterIntensity);

/// <summary>A price index used to deflate value added (2020 = 100).</summary>
/// <summary>
/// A price index used to deflate value added (2020 = 100): its series (CN-processing = 加工工业 PPI, CN = all-industry
/// PPI) and, when the year's own index is not published yet, <c>provisional</c> with the last index standing in.
/// </summary>
public sealed record PriceIndexResponse(string FactorId, int Year, decimal Value, string Status, string Series, bool Provisional);

/// <summary>A year-keyed factor: the year asked for, the year used, and whether a nearer year stood in.</summary>
public sealed record YearFactorResponse(string FactorId, int RequestedYear, int UsedYear, bool Substitute, decimal Value, string Unit, string Status,
    string Edition);

public sealed record YearFactorsResponse(YearFactorResponse ElectricityEquivalent, YearFactorResponse Grid);

public sealed record BaselineResponse(
    int Year,
    int Months,
    int[] MonthsFiled,
    EnergyResponse EnergyTce,
    Co2Response Co2T,
    decimal WaterM3,
    decimal ValueAdded,
    decimal ValueAddedAtPriceBasis,
    PriceIndexResponse? PriceIndex,
    IntensityResponse Intensity,
    YearFactorsResponse Factors);

public sealed record TraceTermResponse(
    string Figure,
    string? Carrier,
    decimal Quantity,
    string QuantityUnit,
    IReadOnlyList<Carbon.Domain.Accounting.FactorRef> Factors,
    string Formula,
    string Clause,
    decimal Result,
    string ResultUnit,
    string? Note);

public sealed record FilingRefResponse(Carbon.Domain.Registry.YearMonth Month, int Revision);

public sealed record TraceResponse(TraceTermResponse[] Current, TraceTermResponse[] Baseline, FilingRefResponse[] Filings);

/// <summary>Energy, CO2 and water of a period, intensities per 万元 of value added, and the reduction against 2020.</summary>
public sealed record MetricsResponse(
    ScopeResponse Scope,
    int Year,
    int ThroughMonth,
    int Months,
    int[] MonthsFiled,
    int[] MissingMonths,
    EnergyResponse EnergyTce,
    Co2Response Co2T,
    decimal WaterM3,
    decimal ValueAdded,
    string PriceBasis,
    PriceIndexResponse? PriceIndex,
    decimal ValueAddedAtPriceBasis,
    string EnergyBasis,
    IntensityResponse Intensity,
    YearFactorsResponse Factors,
    BaselineResponse Baseline,
    ReductionResponse ReductionVs2020,
    string GridRegion,
    string FactorSet,
    TraceResponse? Trace,
    IReadOnlyDictionary<string, string> Unavailable,
    ComparisonResponse Comparison,
    ElectricityResponse Electricity,
    DualControlResponse DualControl,
    PlausibilityFlag[] Flags,
    FuelsResponse Fuels);

/// <summary>
/// The heating values the fuels of the period were accounted on: the firm's guideline family (chosen by its GB/T 4754
/// industry; null for a park or the district, whose firms each keep their own), and per fuel the heat, the average NCV,
/// the default row and how much of the quantity carried a measured NCV (which wins over the default).
/// </summary>
public sealed record FuelsResponse(string? Family, string? FamilyName, string? FamilyStatus, FuelLineResponse[] Lines);

/// <summary>One fuel of the period: quantity (t or 10⁴m³), Σ heat (GJ), Σ heat ÷ Σ quantity, the default NCV row, measured part.</summary>
public sealed record FuelLineResponse(string Carrier, decimal Quantity, string Unit, decimal HeatGj, decimal AverageNcv, string NcvUnit,
    string? DefaultNcvFactor, decimal? DefaultNcv, bool FromDefaultFamily, decimal MeasuredQuantity);

/// <summary>
/// 能耗双控口径: energy less 原料用能 (energy used as raw material), and its intensity on the same basis and price basis as
/// <c>intensity</c>. <c>energyTce</c> is the gross figure (GB/T 2589); targets say which of the two they use.
/// </summary>
public sealed record DualControlResponse(EnergyResponse EnergyTce, decimal FeedstockTce, decimal? IntensityTcePer10kYuan);

/// <summary>
/// Electricity as metered (kWh): purchased from the grid; delivered to it; deducted from purchases (the export beyond
/// the firm's own generation, never more than it bought); renewables generated on site and the part used there.
/// </summary>
public sealed record ElectricityResponse(decimal PurchasedKwh, decimal ExportedKwh, decimal DeductedKwh, decimal RenewableGeneratedKwh,
    decimal RenewableSelfUsedKwh);

/// <summary>
/// How 2020 was compared: the baseline-grid policy of the factor set (fixed: 2020's electricity at the compared year's
/// grid factor; each-year: at its own), the grid row 2020 took in the comparison, and 2020's CO2 as compared.
/// </summary>
public sealed record ComparisonResponse(BaselineGridPolicy GridPolicy, YearFactorResponse BaselineGrid, decimal BaselineCo2T);
