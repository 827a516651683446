using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Features.Enterprises;

/// <summary>POST /api/enterprises body. Land in 亩; scale "above" = 规上, "below" = 规下.</summary>
public sealed record RegisterEnterpriseRequest(
    string? Uscc,
    string? Name,
    string? Industry,
    string? ParkCode,
    string? Scale,
    decimal? LandAreaMu);

public sealed record EnterpriseResponse(
    string Uscc,
    string Name,
    string Industry,
    string? ParkCode,
    string Scale,
    decimal LandAreaMu,
    DateTimeOffset RegisteredAt,
    string RegisteredBy,
    string[] MonthsFiled)
{
    public static EnterpriseResponse From(EnterpriseView v) =>
        new(v.Profile.Uscc, v.Profile.Name, v.Profile.Industry, v.Profile.ParkCode, v.Profile.Scale, v.Profile.LandAreaMu,
            v.RegisteredAt, v.RegisteredBy, v.MonthsFiled);
}
