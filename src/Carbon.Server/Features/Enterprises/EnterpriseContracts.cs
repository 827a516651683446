using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Features.Enterprises;

/// <summary>
/// POST /api/enterprises body. Land in 亩; scale "above" = 规上, "below" = 规下; industryCode is the GB/T 4754-2017
/// code (e.g. C3441); establishedOn (成立日期) and landGrantedOn (供地日期) decide 亩均 exemptions.
/// </summary>
public sealed record RegisterEnterpriseRequest(
    string? Uscc,
    string? Name,
    string? Industry,
    string? ParkCode,
    string? Scale,
    decimal? LandAreaMu,
    string? IndustryCode = null,
    DateOnly? EstablishedOn = null,
    DateOnly? LandGrantedOn = null,
    decimal? FloorAreaM2 = null,
    decimal? FootprintM2 = null);

/// <summary>PUT /api/enterprises/{uscc} body: the whole profile as it should now be, and why. The park cannot change.</summary>
public sealed record ReviseEnterpriseRequest(
    string? Name,
    string? Industry,
    string? Scale,
    decimal? LandAreaMu,
    string? IndustryCode,
    DateOnly? EstablishedOn,
    DateOnly? LandGrantedOn,
    string? Reason,
    decimal? FloorAreaM2 = null,
    decimal? FootprintM2 = null);

public sealed record EnterpriseResponse(
    Uscc Uscc,
    string Name,
    string Industry,
    string? IndustryCode,
    string? ParkCode,
    string Scale,
    decimal LandAreaMu,
    DateOnly? EstablishedOn,
    DateOnly? LandGrantedOn,
    decimal? FloorAreaM2,
    decimal? FootprintM2,
    int Revision,
    string? Outcome,
    DateTimeOffset RegisteredAt,
    string RegisteredBy,
    RevisionView[] History,
    YearMonth[] MonthsFiled)
{
    public static EnterpriseResponse From(EnterpriseView v, string? outcome = null) =>
        new(v.Profile.Uscc, v.Profile.Name, v.Profile.Industry, v.Profile.IndustryCode, v.Profile.ParkCode, v.Profile.Scale,
            v.Profile.LandAreaMu, v.Profile.EstablishedOn, v.Profile.LandGrantedOn, v.Profile.FloorAreaM2, v.Profile.FootprintM2, v.Revision, outcome, v.RegisteredAt,
            v.RegisteredBy, v.History, v.MonthsFiled);
}
