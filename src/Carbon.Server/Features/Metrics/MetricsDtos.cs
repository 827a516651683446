namespace Carbon.Server.Features.Metrics;

// Derived figures are exact decimals in the methodology and rounded here, for display, to 6 decimal places
// (half away from zero). Filed inputs are echoed exactly.

public sealed record ScopeDto(string Kind, string Id, string Name, int Enterprises);

/// <summary>综合能耗 (tce): 当量值 and 等价值.</summary>
public sealed record EnergyDto(decimal Calorific, decimal Equivalent);

/// <summary>CO2 (t) by source; exported electricity and heat are already subtracted.</summary>
public sealed record Co2Dto(decimal Combustion, decimal Electricity, decimal Heat, decimal Total);

/// <summary>Per 10 000 yuan (万元) of value added, on <c>priceBasis</c>. Null where value added is not positive.</summary>
public sealed record IntensityDto(
    decimal? EnergyTcePer10kYuan,
    decimal? EnergyCalorificTcePer10kYuan,
    decimal? EnergyEquivalentTcePer10kYuan,
    decimal? Co2TPer10kYuan,
    decimal? WaterM3Per10kYuan);

/// <summary>Fractions: 0.16 means 16 % lower than 2020.</summary>
public sealed record ReductionDto(decimal? EnergyIntensity, decimal? Co2Intensity, decimal? WaterIntensity);

/// <summary>A price index used to deflate value added (2020 = 100).</summary>
public sealed record PriceIndexDto(string FactorId, int Year, decimal Value, string Status);

/// <summary>A year-keyed factor: the year asked for, the year used, and whether a nearer year stood in.</summary>
public sealed record YearFactorDto(string FactorId, int RequestedYear, int UsedYear, bool Substitute, decimal Value, string Unit, string Status);

public sealed record YearFactorsDto(YearFactorDto ElectricityEquivalent, YearFactorDto Grid);

public sealed record BaselineDto(
    int Year,
    int Months,
    int[] MonthsFiled,
    EnergyDto EnergyTce,
    Co2Dto Co2T,
    decimal WaterM3,
    decimal ValueAdded,
    decimal ValueAddedAtPriceBasis,
    PriceIndexDto? PriceIndex,
    IntensityDto Intensity,
    YearFactorsDto Factors);

public sealed record TraceTermDto(
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

public sealed record FilingRefDto(Carbon.Domain.Registry.YearMonth Month, int Revision);

public sealed record TraceDto(TraceTermDto[] Current, TraceTermDto[] Baseline, FilingRefDto[] Filings);

/// <summary>Energy, CO2 and water of a period, intensities per 万元 of value added, and the reduction against 2020.</summary>
public sealed record MetricsResponse(
    ScopeDto Scope,
    int Year,
    int ThroughMonth,
    int Months,
    int[] MonthsFiled,
    int[] MissingMonths,
    EnergyDto EnergyTce,
    Co2Dto Co2T,
    decimal WaterM3,
    decimal ValueAdded,
    string PriceBasis,
    PriceIndexDto? PriceIndex,
    decimal ValueAddedAtPriceBasis,
    string EnergyBasis,
    IntensityDto Intensity,
    YearFactorsDto Factors,
    BaselineDto Baseline,
    ReductionDto ReductionVs2020,
    string GridRegion,
    string FactorSet,
    TraceDto? Trace);
