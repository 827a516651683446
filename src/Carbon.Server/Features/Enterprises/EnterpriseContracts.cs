using System.Text.Json.Serialization;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Features.Enterprises;

/// <summary>
/// An enterprise's profile (企业档案) as it is sent and read: the <c>profile</c> of what GET returns, and (with a reason)
/// the body of PUT /api/enterprises/{uscc}. Land in 亩; scale "above" = 规上, "below" = 规下; industryCode is the GB/T
/// 4754-2017 code (e.g. C3441); establishedOn (成立日期) and landGrantedOn (供地日期) decide 亩均 exemptions.
/// </summary>
public record ProfileRequest
{
    public string? Name { get; init; }
    public string? Industry { get; init; }
    public string? Scale { get; init; }
    public decimal? LandAreaMu { get; init; }
    public string? IndustryCode { get; init; }
    public DateOnly? EstablishedOn { get; init; }
    public DateOnly? LandGrantedOn { get; init; }
    public decimal? FloorAreaM2 { get; init; }
    public decimal? FootprintM2 { get; init; }

    /// <summary>租赁面积 (亩) of a firm without industrial land of its own (landAreaMu 0): its 亩均 is per leased 亩.</summary>
    public decimal? LeasedAreaMu { get; init; }

    /// <summary>
    /// 地块组: the code of the parcel this firm shares with others (混合型企业), e.g. the parcel's 不动产单元号 or a code the
    /// district assigns; firms with the same code are evaluated alone and merged for 亩均. Absent for a firm on a parcel of its own.
    /// </summary>
    public string? ParcelGroup { get; init; }

    /// <summary>
    /// 认定 titles the firm holds from published lists: innovative-sme (创新型中小企业), specialized-sme (专精特新中小企业),
    /// little-giant (专精特新“小巨人”), high-tech (高新技术企业). Policies may ask for them.
    /// </summary>
    public Designation[]? Designations { get; init; }

    /// <summary>The profile it says; call only once validated.</summary>
    public EnterpriseProfile ToProfile(Uscc uscc, string? parkCode) =>
        new(uscc, Name!.Trim(), Industry!.Trim(), IndustryCode, parkCode, Scale!, LandAreaMu!.Value, EstablishedOn, LandGrantedOn, FloorAreaM2,
            FootprintM2, LeasedAreaMu, ParcelGroup, Designations is { Length: > 0 } d ? d.Distinct().Order().ToArray() : null);
}

/// <summary>POST /api/enterprises body: who, in which park (fixed for good), and the profile.</summary>
public sealed record RegisterEnterpriseRequest : ProfileRequest
{
    public string? Uscc { get; init; }
    public string? ParkCode { get; init; }
}

/// <summary>PUT /api/enterprises/{uscc} body: the whole profile as it should now be, and why. The park cannot change.</summary>
public sealed record ReviseEnterpriseRequest : ProfileRequest
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    public static ReviseEnterpriseRequest From(EnterpriseProfile p) =>
        new()
        {
            Name = p.Name, Industry = p.Industry, Scale = p.Scale, LandAreaMu = p.LandAreaMu, IndustryCode = p.IndustryCode,
            EstablishedOn = p.EstablishedOn, LandGrantedOn = p.LandGrantedOn, FloorAreaM2 = p.FloorAreaM2, FootprintM2 = p.FootprintM2,
            LeasedAreaMu = p.LeasedAreaMu, ParcelGroup = p.ParcelGroup, Designations = p.Designations,
        };
}

/// <summary>An enterprise: its identity, its current profile (a valid PUT body), and the who, when and why of each revision.</summary>
public sealed record EnterpriseResponse(
    Uscc Uscc,
    string? ParkCode,
    ReviseEnterpriseRequest Profile,
    int Revision,
    string? Outcome,
    DateTimeOffset RegisteredAt,
    string RegisteredBy,
    RevisionView[] History,
    YearMonth[] MonthsFiled)
{
    public static EnterpriseResponse From(EnterpriseView v, string? outcome = null) =>
        new(v.Profile.Uscc, v.Profile.ParkCode, ReviseEnterpriseRequest.From(v.Profile), v.Revision, outcome, v.RegisteredAt, v.RegisteredBy,
            v.History, v.MonthsFiled);
}
