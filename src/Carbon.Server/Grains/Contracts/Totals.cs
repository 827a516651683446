using Carbon.Domain.Accounting;
using Carbon.Domain.Registry;

namespace Carbon.Server.Grains.Contracts;

/// <summary>The months 1..<see cref="ThroughMonth"/> of <see cref="Year"/>, and the same months of 2020.</summary>
[GenerateSerializer, Immutable, Alias("carbon.period-query")]
public sealed record PeriodQuery(int Year, int ThroughMonth);

/// <summary>A month's revision as used in a figure, so a trace names exactly which filings it rests on.</summary>
[GenerateSerializer, Immutable, Alias("carbon.month-revision")]
public sealed record MonthRevision(YearMonth Month, int Revision);

/// <summary>Summed activity of a period and of its 2020 baseline, with the months that had data.</summary>
[GenerateSerializer, Immutable, Alias("carbon.period-totals")]
public sealed record PeriodTotals(
    ActivityTotals Current,
    int[] CurrentMonths,
    ActivityTotals Baseline,
    int[] BaselineMonths,
    MonthRevision[] Revisions,
    PlausibilityFlag[]? Flags = null);

/// <summary>
/// An enterprise's month changed from revision <c>Revision − 1</c> (totals <see cref="Previous"/>, zero for a first
/// filing) to <see cref="Revision"/>. The park keeps only each member-month's revision and the month's sum: it replaces
/// <see cref="Previous"/> by <see cref="Totals"/> in the sum when it holds revision − 1, ignores a revision it already has,
/// and reads the month from the ledger when one in between never reached it — so repeats and reorders are harmless.
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.enterprise-month")]
public sealed record EnterpriseMonthUpdate(Uscc Uscc, YearMonth Month, int Revision, ActivityTotals Totals, ActivityTotals Previous);

/// <summary>
/// A park's month as the district keeps it. <see cref="RevisionSum"/> (Σ current revision numbers of the park's
/// filings that month) only grows, so the district keeps the update with the largest sum.
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.park-month")]
public sealed record ParkMonthUpdate(string ParkKey, YearMonth Month, long RevisionSum, ActivityTotals Totals);
