namespace Carbon.Server.Ledger;

/// <summary>A supervision case (监察案件): the firm, why and how it is inspected, under which plan; its state is its steps.</summary>
public sealed class SupervisionCaseRecord
{
    public required string Id { get; init; }
    public required string Uscc { get; init; }
    public int Year { get; init; }
    public required string Mode { get; init; }
    public required string Trigger { get; init; }
    public string? PlanId { get; init; }
    /// <summary>The inspectors a 双随机 draw assigned (account names, space-separated), or null.</summary>
    public string? AssignedInspectors { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public List<SupervisionStepRecord> Steps { get; init; } = [];
}

/// <summary>A step of a case, appended, never changed: the kind, who (and in which role), when, and its payload as JSON.</summary>
public sealed class SupervisionStepRecord
{
    public long Id { get; init; }
    public required string CaseId { get; init; }
    public required string Kind { get; init; }
    public required string Actor { get; init; }
    public required string ActorRole { get; init; }
    public DateTimeOffset At { get; init; }
    public DateOnly On { get; init; }
    public required string Payload { get; init; }
}

/// <summary>A yearly supervision plan (监察计划): its kind, the 双随机 seed where drawn, and the draw's inputs.</summary>
public sealed class SupervisionPlanRecord
{
    public required string Id { get; init; }
    public int Year { get; init; }
    public required string Kind { get; init; }
    public required string Name { get; init; }
    public long? Seed { get; init; }
    /// <summary>For a draw: the pool size, the roster and the conflicts it excluded, so that anyone can redo it.</summary>
    public string? DrawJson { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
}

/// <summary>An evidence file of a case (photo, scan, report), kept with its SHA-256; the steps cite it by hash.</summary>
public sealed class SupervisionEvidenceRecord
{
    public required string Sha256 { get; init; }
    public required string CaseId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Content { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public required string UploadedBy { get; init; }
}

/// <summary>An inspector's declared conflict of interest with a firm (回避): the draw never assigns them together.</summary>
public sealed class InspectorConflictRecord
{
    public long Id { get; init; }
    public required string Inspector { get; init; }
    public required string Uscc { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset DeclaredAt { get; init; }
}

/// <summary>
/// A revision of one of a firm's registers an inspection checks: its equipment list (设备台账, kind "equipment") or its
/// meter register (能源计量器具配备, kind "meters"), the whole list as JSON, who recorded it, when and why.
/// </summary>
public sealed class FirmRegisterRecord
{
    public long Id { get; init; }
    public required string Uscc { get; init; }
    public required string Kind { get; init; }
    public int Revision { get; init; }
    public required string Json { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public required string Actor { get; init; }
    public string? Reason { get; init; }
}
