namespace Carbon.Server.Ledger;

/// <summary>用能预算: a firm's energy budget for a year (tce, 等价值), set by the district; a later row for the same firm and year replaces it.</summary>
public sealed class EnergyBudgetRecord
{
    public long Id { get; init; }
    public required string Uscc { get; init; }
    public int Year { get; init; }
    public decimal Tce { get; init; }
    public string? Reason { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>
/// What people said about an alert: the firm's explanation, or an official's acknowledgement. Alerts themselves are derived
/// from the filings and the rules on every read (never stored); a note names the alert it answers by its key.
/// </summary>
public sealed class AlertNoteRecord
{
    public long Id { get; init; }
    public required string Rule { get; init; }
    public required string Subject { get; init; }
    public int Year { get; init; }
    public int Month { get; init; }
    public string? Detail { get; init; }
    public required string Kind { get; init; }
    public required string Text { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset At { get; init; }
}
