namespace Carbon.Server.Grains.Contracts;

/// <summary>The wire form of <see cref="Carbon.Domain.Accounting.ActivityTotals"/> (energy per carrier in base units).</summary>
[GenerateSerializer, Immutable, Alias("carbon.totals")]
public sealed record TotalsSnapshot(
    decimal[] Energy,
    decimal WaterM3,
    decimal OutputValue,
    decimal ValueAdded,
    decimal Revenue,
    decimal TaxPaid,
    decimal RdExpense,
    decimal EmployeeMonths,
    decimal PollutantsT,
    int PollutantMonths,
    int FilingMonths);

/// <summary>The months 1..<see cref="ThroughMonth"/> of <see cref="Year"/>, and the same months of 2020.</summary>
[GenerateSerializer, Immutable, Alias("carbon.period-query")]
public sealed record PeriodQuery(int Year, int ThroughMonth);

/// <summary>A month's revision as used in a figure, so a trace names exactly which filings it rests on.</summary>
[GenerateSerializer, Immutable, Alias("carbon.month-revision")]
public sealed record MonthRevision(int Year, int Month, int Revision);

/// <summary>Summed activity of a period and of its 2020 baseline, with the months that had data.</summary>
[GenerateSerializer, Immutable, Alias("carbon.period-totals")]
public sealed record PeriodTotals(
    TotalsSnapshot Current,
    int[] CurrentMonths,
    TotalsSnapshot Baseline,
    int[] BaselineMonths,
    MonthRevision[] Revisions);

/// <summary>An enterprise's month as its park keeps it; the higher revision wins, so repeats and reorders are harmless.</summary>
[GenerateSerializer, Immutable, Alias("carbon.enterprise-month")]
public sealed record EnterpriseMonthUpdate(string Uscc, int MonthIndex, int Revision, TotalsSnapshot Totals);

/// <summary>
/// A park's month as the district keeps it. <see cref="RevisionSum"/> (Σ current revision numbers of the park's
/// filings that month) only grows, so the district keeps the update with the largest sum.
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.park-month")]
public sealed record ParkMonthUpdate(string ParkKey, int MonthIndex, long RevisionSum, TotalsSnapshot Totals);
