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

/// <summary>
/// 能源利用状况报告: a firm's annual energy-use report for a year, handed in on a day (as the firm or the bureau records
/// it), with the document's reference. A later row for the same firm and year corrects it.
/// </summary>
public sealed class EnergyReportRecord
{
    public long Id { get; init; }
    public required string Uscc { get; init; }
    public int Year { get; init; }
    public DateOnly SubmittedOn { get; init; }
    public required string Reference { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>
/// The grid company's (供电公司) metered electricity sale to a firm in a month, kWh, uploaded by the district from the
/// grid's own data: what the firm's electricity is checked against. A later row for the same firm and month replaces it.
/// </summary>
public sealed class GridElectricityRecord
{
    public long Id { get; init; }
    public required string Uscc { get; init; }
    public int Year { get; init; }
    public int Month { get; init; }
    public decimal Kwh { get; init; }
    public required string Source { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>
/// A message in an account (站内消息): a reminder of months not filed and alerts not answered, at most one per account
/// and <see cref="Key"/> (the reminder's day). <see cref="EmailedTo"/> is where it was also sent by email, if anywhere.
/// </summary>
public sealed class MessageRecord
{
    public long Id { get; init; }
    public required string Account { get; init; }
    public required string Key { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public string? Link { get; init; }
    public string? EmailedTo { get; init; }
}
