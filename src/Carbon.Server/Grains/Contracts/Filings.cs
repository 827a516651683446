namespace Carbon.Server.Grains.Contracts;

/// <summary>One energy line as filed: carrier and unit are the JSON tokens.</summary>
[GenerateSerializer, Immutable, Alias("carbon.energy-line")]
public sealed record EnergyLine(string Carrier, decimal Quantity, string Unit);

/// <summary>产品产量: a product made that month, in its own unit (t, 件, 台 …).</summary>
[GenerateSerializer, Immutable, Alias("carbon.product-line")]
public sealed record ProductLine(string Name, decimal Quantity, string Unit);

/// <summary>主要污染物 (t); a null pollutant was not reported.</summary>
[GenerateSerializer, Immutable, Alias("carbon.pollutants")]
public sealed record PollutantsInput(decimal? CodT, decimal? Nh3nT, decimal? So2T, decimal? NoxT);

/// <summary>What a month's filing says, already validated. Money in 万元.</summary>
[GenerateSerializer, Immutable, Alias("carbon.filing-content")]
public sealed record FilingContent(
    EnergyLine[] Energy,
    decimal WaterM3,
    decimal OutputValue,
    decimal ValueAdded,
    decimal Revenue,
    decimal TaxPaid,
    int Employees,
    decimal RdExpense,
    PollutantsInput? Pollutants,
    ProductLine[]? Products = null)
{
    /// <summary>The product lines, never null.</summary>
    public ProductLine[] ProductLines => Products ?? [];

    /// <summary>True when both say exactly the same (a repeated PUT makes no new revision).</summary>
    public bool SameAs(FilingContent other) =>
        Energy.SequenceEqual(other.Energy)
        && WaterM3 == other.WaterM3
        && OutputValue == other.OutputValue
        && ValueAdded == other.ValueAdded
        && Revenue == other.Revenue
        && TaxPaid == other.TaxPaid
        && Employees == other.Employees
        && RdExpense == other.RdExpense
        && Equals(Pollutants, other.Pollutants)
        && ProductLines.SequenceEqual(other.ProductLines);
}

/// <summary>A filing for one month by one actor; a revision must say why.</summary>
[GenerateSerializer, Immutable, Alias("carbon.filing-submission")]
public sealed record FilingSubmission(int Year, int Month, FilingContent Content, string? Reason, string Actor);

public enum FilingStatus
{
    /// <summary>Revision 1 written.</summary>
    Created,
    /// <summary>A later revision written.</summary>
    Revised,
    /// <summary>Same content as the current revision: nothing written.</summary>
    Unchanged,
    /// <summary>No enterprise with this USCC is registered.</summary>
    UnknownEnterprise,
    /// <summary>A revision was submitted without a reason.</summary>
    ReasonRequired,
}

[GenerateSerializer, Immutable, Alias("carbon.filing-outcome")]
public sealed record FilingOutcome(FilingStatus Status, int Revision, DateTimeOffset RecordedAt, FilingView? View = null);

/// <summary>Who changed a month's filing, when and why.</summary>
[GenerateSerializer, Immutable, Alias("carbon.revision-info")]
public sealed record RevisionInfo(int Revision, DateTimeOffset RecordedAt, string Actor, string? Reason);

/// <summary>A month's current filing and every revision before it.</summary>
[GenerateSerializer, Immutable, Alias("carbon.filing-view")]
public sealed record FilingView(int Year, int Month, int Revision, FilingContent Content, RevisionInfo[] History);
