namespace Carbon.Server.Ledger;

/// <summary>
/// A "two small" rectification case (两小整治): the campaign it counts toward (a plan target's id), the firm or block, where
/// (town, park), its problems, the linked 节能监察 case, the responsible unit, the measures and the deadline. Never
/// changed: its state is its steps.
/// </summary>
public sealed class RectificationCaseRecord
{
    public required string Id { get; init; }
    public required string Campaign { get; init; }
    public string? Uscc { get; init; }
    public string? Block { get; init; }
    public required string Town { get; init; }
    public string? ParkCode { get; init; }
    /// <summary>Problem categories as kebab-case tokens, space-separated.</summary>
    public required string Problems { get; init; }
    public string? SupervisionCaseId { get; init; }
    public required string ResponsibleUnit { get; init; }
    public required string Measures { get; init; }
    public DateOnly Deadline { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
}

/// <summary>A step of a rectification case, appended, never changed: opened, started, a progress note, closed (how, with evidence).</summary>
public sealed class RectificationStepRecord
{
    public long Id { get; init; }
    public required string CaseId { get; init; }
    public required string Kind { get; init; }
    public required string State { get; init; }
    public DateOnly On { get; init; }
    public required string Text { get; init; }
    public string? Closure { get; init; }
    /// <summary>The evidence files a closure cites, by SHA-256, space-separated.</summary>
    public string? Evidence { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset At { get; init; }
}

/// <summary>An evidence file of a rectification case (photo, acceptance record, licence, closure notice) with its SHA-256.</summary>
public sealed class RectificationEvidenceRecord
{
    public required string CaseId { get; init; }
    public required string Sha256 { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Content { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public required string UploadedBy { get; init; }
}

/// <summary>
/// A micro-enterprise park (小微企业园): who runs it, how it was developed, its floor area and star rating, where it is, and
/// its entry standard (industries, least 亩均税收, worst 亩均 class). Never changed: its firms come and go by events.
/// </summary>
public sealed class MicroParkRecord
{
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Operator { get; init; }
    public required string DevelopmentModel { get; init; }
    public decimal FloorAreaM2 { get; init; }
    public int? StarRating { get; init; }
    public required string Town { get; init; }
    public string? ParkCode { get; init; }
    /// <summary>Industry code prefixes admitted, space-separated; empty: any.</summary>
    public required string Industries { get; init; }
    public decimal? MinTaxPerMu { get; init; }
    public string? WorstClass { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
}

/// <summary>A firm's entry review (admitted or refused, with the criteria failed) or exit from a micro-park, appended.</summary>
public sealed class MicroParkEventRecord
{
    public long Id { get; init; }
    public required string MicroParkCode { get; init; }
    public required string Uscc { get; init; }
    public required string Event { get; init; }
    public DateOnly On { get; init; }
    public required string Detail { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset At { get; init; }
}
