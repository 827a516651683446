namespace Carbon.Server.Ledger;

/// <summary>
/// An industrial parcel as registered (工业用地): code, name, where it lies, its area, use and supply mode, when it was
/// granted and until when, and — for 标准地 — the contract's obligations. Never changed: what happens to it is a
/// <see cref="ParcelEventRecord"/>; its first holder is on its registration event.
/// </summary>
public sealed class ParcelRecord
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string LocationKind { get; init; }
    public required string Location { get; init; }
    public string? ParkCode { get; init; }
    public decimal AreaMu { get; init; }
    public required string LandUse { get; init; }
    public required string Supply { get; init; }
    public DateOnly GrantedOn { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public decimal? InvestmentPerMu { get; init; }
    public decimal? TaxPerMu { get; init; }
    public decimal? EnergyPerValueAdded { get; init; }
    public decimal? FloorAreaRatio { get; init; }
    public decimal? EmissionsT { get; init; }
    public DateOnly? StartBy { get; init; }
    public DateOnly? CompleteBy { get; init; }
    public int? ReviewYear { get; init; }
    /// <summary>The remedies agreed for a breach, one per line.</summary>
    public string? Remedies { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The contract's obligations, or null when it agreed none (no clause and no date).</summary>
    public Domain.LandUse.StandardLandObligations? Obligations() =>
        (InvestmentPerMu ?? TaxPerMu ?? EnergyPerValueAdded ?? FloorAreaRatio ?? EmissionsT ?? ReviewYear) is not null || StartBy is not null || CompleteBy is not null
            ? new(InvestmentPerMu, TaxPerMu, EnergyPerValueAdded, FloorAreaRatio, EmissionsT, StartBy, CompleteBy, ReviewYear,
                (Remedies ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            : null;
}

/// <summary>
/// One thing that happened to a parcel (its registration included): the event, the state after it, the holder after it,
/// the day it happened and the document behind it (批复, 合同, 验收, 复核 …), who recorded it and when. 竣工 records the
/// investment made and the floor-area ratio built; a review records its clause-by-clause result; a renewal its new expiry;
/// a lease its lessee and 亩; a disposal its kind and 亩; an enforced remedy the remedy (in <see cref="Detail"/>).
/// </summary>
public sealed class ParcelEventRecord
{
    public long Id { get; init; }
    public required string ParcelCode { get; init; }
    public required string Event { get; init; }
    public required string State { get; init; }
    public required string Holder { get; init; }
    public DateOnly On { get; init; }
    public required string Document { get; init; }
    public decimal? Investment { get; init; }
    public decimal? FloorAreaRatio { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public string? Detail { get; init; }
    public string? Lessee { get; init; }
    public decimal? Mu { get; init; }
    public string? Disposal { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset At { get; init; }

}
