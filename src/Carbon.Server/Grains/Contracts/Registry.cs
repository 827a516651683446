using Carbon.Domain.Registry;

namespace Carbon.Server.Grains.Contracts;

[GenerateSerializer, Immutable, Alias("carbon.park-profile")]
public sealed record ParkProfile(string Code, string Name, string Kind);

[GenerateSerializer, Immutable, Alias("carbon.park-view")]
public sealed record ParkView(ParkProfile Profile, DateTimeOffset RegisteredAt, string RegisteredBy, int Enterprises, decimal LandAreaMu);

/// <summary>
/// An enterprise's profile (企业档案). The park is fixed at registration; the rest may be revised. Firms with the same
/// <see cref="ParcelGroup"/> share one parcel (混合型企业). <see cref="Designations"/>: the titles it holds (专精特新, 高新技术企业).
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.enterprise-profile")]
public sealed record EnterpriseProfile(
    Uscc Uscc,
    string Name,
    string Industry,
    string? IndustryCode,
    string? ParkCode,
    string Scale,
    decimal LandAreaMu,
    DateOnly? EstablishedOn,
    DateOnly? LandGrantedOn,
    decimal? FloorAreaM2 = null,
    decimal? FootprintM2 = null,
    decimal? LeasedAreaMu = null,
    string? ParcelGroup = null,
    Designation[]? Designations = null);

[GenerateSerializer, Immutable, Alias("carbon.enterprise-view")]
public sealed record EnterpriseView(
    EnterpriseProfile Profile,
    int Revision,
    DateTimeOffset RegisteredAt,
    string RegisteredBy,
    RevisionView[] History,
    YearMonth[] MonthsFiled);

/// <summary>A park member as its park needs to know it.</summary>
[GenerateSerializer, Immutable, Alias("carbon.member")]
public sealed record MemberUpdate(Uscc Uscc, string Scale, decimal LandAreaMu);

public enum RegistrationStatus
{
    Registered,
    AlreadyRegistered,
    /// <summary>The caller may not register (only the district registers firms and parks).</summary>
    NotAllowed,
}

public enum ProfileStatus
{
    Revised,
    Unchanged,
    UnknownEnterprise,
    ReasonRequired,
    /// <summary>专精特新 / 高新 titles are entered by the district from the published lists, not by the firm.</summary>
    DesignationsByDistrict,
}

[GenerateSerializer, Immutable, Alias("carbon.profile-outcome")]
public sealed record ProfileOutcome(ProfileStatus Status, int Revision);
