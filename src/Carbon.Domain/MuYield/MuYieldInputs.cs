namespace Carbon.Domain.MuYield;

/// <summary>规模: 规上 (above designated size) or 规下.</summary>
public enum EnterpriseScale
{
    Above,
    Below,
}

/// <summary>
/// One firm's facts for an evaluation year, as snapshotted when the evaluation runs: registry (land, dates, industry,
/// the parcel group it shares land in) and the year's summed filings. Money in 万元.
/// </summary>
public sealed record MuYieldInputs(
    string Uscc,
    string Name,
    string Industry,
    string? IndustryCode,
    string? ParkCode,
    EnterpriseScale Scale,
    decimal LandAreaMu,
    DateOnly? EstablishedOn,
    DateOnly? LandGrantedOn,
    int MonthsFiled,
    decimal TaxPaid,
    decimal ValueAdded,
    decimal Revenue,
    decimal RdExpense,
    decimal EmployeeMonths,
    decimal ElectricityKwh,
    decimal EnergyEquivalentTce,
    decimal? PollutantsT,
    decimal LeasedAreaMu = 0m,
    string? ParcelGroup = null)
{
    /// <summary>租赁企业: no industrial land of its own, a leased area on the profile.</summary>
    public bool IsLessee => LandAreaMu == 0m && LeasedAreaMu > 0m;

    /// <summary>The area per-mu indicators divide by: the firm's own land, or a lessee's leased area.</summary>
    public decimal EvaluatedLandMu => IsLessee ? LeasedAreaMu : LandAreaMu;

    /// <summary>年平均职工人数 = Σ monthly headcount / months filed.</summary>
    public decimal AverageEmployees => MonthsFiled > 0 ? EmployeeMonths / MonthsFiled : 0m;
}
