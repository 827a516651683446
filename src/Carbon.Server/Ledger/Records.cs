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

/// <summary>A registered enterprise (企业): its identity and park, which never change. The profile is in revisions.</summary>
public sealed class EnterpriseRecord
{
    public required string Uscc { get; init; }
    public string? ParkCode { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
    public required string RegisteredBy { get; init; }
}

/// <summary>
/// One revision of an enterprise's profile (企业档案). Revision 1 is the registration; a later one says why.
/// The current profile is the highest revision.
/// </summary>
public sealed class EnterpriseRevisionRecord
{
    public long Id { get; init; }
    public required string Uscc { get; init; }
    public int Revision { get; init; }
    public required string Name { get; init; }
    public required string Industry { get; init; }
    /// <summary>GB/T 4754-2017 国民经济行业分类 code, e.g. C3411 or D4411.</summary>
    public string? IndustryCode { get; init; }
    public required string Scale { get; init; }
    public decimal LandAreaMu { get; init; }
    /// <summary>成立日期 (business registration).</summary>
    public DateOnly? EstablishedOn { get; init; }
    /// <summary>供地日期 (land granted).</summary>
    public DateOnly? LandGrantedOn { get; init; }
    /// <summary>总建筑面积 (m²), for 容积率.</summary>
    public decimal? FloorAreaM2 { get; init; }
    /// <summary>建筑基底面积 (m²), for 建筑密度.</summary>
    public decimal? FootprintM2 { get; init; }
    /// <summary>租赁面积 (亩): the area a firm without land of its own leases; 亩均 is then per leased 亩.</summary>
    public decimal? LeasedAreaMu { get; init; }
    /// <summary>地块组 (混合型企业): the code shared by the firms on one parcel, evaluated alone and merged for 亩均.</summary>
    public string? ParcelGroup { get; init; }
    /// <summary>The titles it holds (<see cref="Domain.Registry.Designation"/> tokens, space-separated): 专精特新, 高新技术企业.</summary>
    public string? Designations { get; init; }
    public string? Reason { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
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
    /// <summary>The filer's note confirming a figure far outside the firm's history (null when none was needed).</summary>
    public string? Confirmation { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset RecordedAt { get; init; }
    public List<FilingEnergyRecord> Energy { get; init; } = [];
    public List<FilingProductRecord> Products { get; init; } = [];
}

/// <summary>One product line of a filing revision (产品产量): what was made that month, in its own unit.</summary>
public sealed class FilingProductRecord
{
    public long FilingId { get; init; }
    public int Line { get; init; }
    public required string Name { get; init; }
    public decimal Quantity { get; init; }
    public required string Unit { get; init; }
}

/// <summary>One energy line of a filing revision, exactly as filed (quantity and unit token).</summary>
public sealed class FilingEnergyRecord
{
    public long FilingId { get; init; }
    public int Line { get; init; }
    public required string Carrier { get; init; }
    public decimal Quantity { get; init; }
    public required string Unit { get; init; }
    /// <summary>原料用能: the part of the quantity used as raw material, in the line's unit (0 when none).</summary>
    public decimal Feedstock { get; init; }
    /// <summary>低位发热量实测值 of a fuel line (GJ/t, or GJ/10⁴m³ for gases); null when the guideline default applies.</summary>
    public decimal? MeasuredNcv { get; init; }
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

/// <summary>
/// An evaluation run (亩均评价): the year, the exact method text and factor-set version it used, and (in
/// <see cref="Inputs"/>) the facts of every firm as they stood when it ran. Results are recomputed from these, never stored.
/// </summary>
public sealed class EvaluationRunRecord
{
    public required string Id { get; init; }
    public int Year { get; init; }
    public required string MethodId { get; init; }
    public required string MethodVersion { get; init; }
    public required string MethodJson { get; init; }
    public required string FactorSetVersion { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public List<EvaluationInputRecord> Inputs { get; init; } = [];
}

/// <summary>One firm's inputs to a run: its profile revision and its year summed from the filings (money in 万元).</summary>
public sealed class EvaluationInputRecord
{
    public required string RunId { get; init; }
    public required string Uscc { get; init; }
    public int ProfileRevision { get; init; }
    public required string Name { get; init; }
    public required string Industry { get; init; }
    public string? IndustryCode { get; init; }
    public string? ParkCode { get; init; }
    public required string Scale { get; init; }
    public decimal LandAreaMu { get; init; }
    public decimal LeasedAreaMu { get; init; }
    /// <summary>
    /// Where the land came from when the parcel register gave it ("YZ-2021-01 30 亩; YZ-2019-05 租 5 亩" at the year's end);
    /// null when it is the profile's figure.
    /// </summary>
    public string? LandSource { get; init; }
    /// <summary>地块组 (混合型企业) on the profile revision the run used.</summary>
    public string? ParcelGroup { get; init; }
    public DateOnly? EstablishedOn { get; init; }
    public DateOnly? LandGrantedOn { get; init; }
    /// <summary>The months and revisions summed, e.g. "1:1 2:1 3:2".</summary>
    public required string FilingRevisions { get; init; }
    public int MonthsFiled { get; init; }
    public decimal TaxPaid { get; init; }
    public decimal ValueAdded { get; init; }
    public decimal Revenue { get; init; }
    public decimal RdExpense { get; init; }
    public decimal EmployeeMonths { get; init; }
    public decimal ElectricityKwh { get; init; }
    public decimal EnergyEquivalentTce { get; init; }
    public decimal EnergyCalorificTce { get; init; }
    public decimal? PollutantsT { get; init; }
}

/// <summary>A green-factory application (绿色工厂申报): a firm, a year and the edition it applies under.</summary>
public sealed class GreenFactoryApplicationRecord
{
    public required string Id { get; init; }
    public required string Uscc { get; init; }
    public int Year { get; init; }
    public required string RuleSetId { get; init; }
    /// <summary>The main product whose per-product figures are graded (as named in the filings).</summary>
    public string? Product { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
    public List<GreenFactoryEventRecord> Events { get; init; } = [];
}

/// <summary>
/// A step of an application: submitted (answers), verified (decisions per item), approved (with the frozen grade and
/// inputs) or rejected. The application's state is its events in order.
/// </summary>
public sealed class GreenFactoryEventRecord
{
    public long Id { get; init; }
    public required string ApplicationId { get; init; }
    public required string Kind { get; init; }
    public required string Actor { get; init; }
    public DateTimeOffset At { get; init; }
    public string? Comment { get; init; }
    public required string Payload { get; init; }
}

/// <summary>
/// An issued certificate (证书登记): number, firm, the PDF and its SHA-256, the service's signature over that hash,
/// and the frozen data it was rendered from.
/// </summary>
public sealed class CertificateRecord
{
    public required string Number { get; init; }
    public required string Kind { get; init; }

    /// <summary>The firm it is for; null for a district-wide document (<see cref="Domain.Certificates.CertificateKinds.IsDistrictWide"/>).</summary>
    public string? Uscc { get; init; }
    public int Year { get; init; }
    public string? SourceId { get; init; }
    public string? BatchId { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
    public DateOnly? ValidUntil { get; init; }
    public required string IssuedBy { get; init; }
    public required string Sha256 { get; init; }
    public required string Signature { get; init; }
    public required string DataJson { get; init; }
    public required byte[] Pdf { get; init; }
}

/// <summary>A revocation (吊销) of a certificate, with who, when and why.</summary>
public sealed class CertificateRevocationRecord
{
    public required string Number { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public required string Reason { get; init; }
}

/// <summary>A batch of 亩均 notices for one evaluation run.</summary>
public sealed class CertificateBatchRecord
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string EvaluationId { get; init; }
    public int Total { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string CreatedBy { get; init; }
}
