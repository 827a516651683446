using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Features.Parks;

/// <summary>POST /api/parks body.</summary>
public sealed record RegisterParkRequest(string? Code, string? Name, string? Kind);

public sealed record ParkResponse(
    string Code,
    string Name,
    string Kind,
    string KindName,
    DateTimeOffset RegisteredAt,
    string RegisteredBy,
    int Enterprises,
    decimal LandAreaMu)
{
    public static ParkResponse From(ParkView v) =>
        new(v.Profile.Code, v.Profile.Name, v.Profile.Kind, ParkKinds.ChineseName(v.Profile.Kind), v.RegisteredAt,
            v.RegisteredBy, v.Enterprises, v.LandAreaMu);
}

/// <summary>The kinds of park (园区类型) the district registers.</summary>
public static class ParkKinds
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["development-zone"] = "开发区",
        ["industrial-park"] = "工业园区",
        ["industrial-cluster"] = "工业集聚区",
        ["small-micro-park"] = "小微企业园",
        ["other"] = "其他",
    };

    public static IEnumerable<string> All => Names.Keys;

    public static bool IsKnown(string? kind) => kind is not null && Names.ContainsKey(kind);

    public static string ChineseName(string kind) => Names.GetValueOrDefault(kind, kind);
}
