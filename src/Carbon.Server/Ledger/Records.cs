namespace Carbon.Server.Ledger;

// The ledger's rows. Append-only: the service inserts, never updates or deletes. A filing's revision is a new row.

/// <summary>A registered park (园区).</summary>
public sealed class ParkRecord
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Kind { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
    public required string RegisteredBy { get; init; }
}

/// <summary>A registered enterprise (企业), keyed by its USCC.</summary>
public sealed class EnterpriseRecord
{
    public required string Uscc { get; init; }
    public required string Name { get; init; }
    public required string Industry { get; init; }
    public string? ParkCode { get; init; }
    public required string Scale { get; init; }
    public decimal LandAreaMu { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
    public required string RegisteredBy { get; init; }
}

/// <summary>One revision of one month's filing. The current revision is the highest number.</summary>
public sealed class FilingRecord
{
    public long Id { get; init; }
    public required string Uscc { get; init; }
    public int Year { get; init; }
    public int Month { get; init; }
    public int Revision { get; init; }
    public decimal WaterM3 { get; init; }
    public decimal OutputValue { get; init; }
    public decimal ValueAdded { get; init; }
    public decimal Revenue { get; init; }
    public decimal TaxPaid { get; init; }
    public int Employees { get; init; }
    public decimal RdExpense { get; init; }
    public decimal? CodT { get; init; }
    public decimal? Nh3nT { get; init; }
    public decimal? So2T { get; init; }
    public decimal? NoxT { get; init; }
    public string? Reason { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public List<FilingEnergyRecord> Energy { get; init; } = [];
}

/// <summary>One energy line of a filing revision, exactly as filed (quantity and unit token).</summary>
public sealed class FilingEnergyRecord
{
    public long FilingId { get; init; }
    public int Line { get; init; }
    public required string Carrier { get; init; }
    public decimal Quantity { get; init; }
    public required string Unit { get; init; }
}

/// <summary>Who did what, when: written in the same transaction as the change it records.</summary>
public sealed class AuditEventRecord
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public required string Action { get; init; }
    public required string Subject { get; init; }
    public string? Detail { get; init; }
}
