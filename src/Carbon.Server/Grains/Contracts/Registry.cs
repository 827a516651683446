namespace Carbon.Server.Grains.Contracts;

[GenerateSerializer, Immutable, Alias("carbon.park-profile")]
public sealed record ParkProfile(string Code, string Name, string Kind);

[GenerateSerializer, Immutable, Alias("carbon.park-view")]
public sealed record ParkView(ParkProfile Profile, DateTimeOffset RegisteredAt, string RegisteredBy, int Enterprises, decimal LandAreaMu);

[GenerateSerializer, Immutable, Alias("carbon.enterprise-profile")]
public sealed record EnterpriseProfile(string Uscc, string Name, string Industry, string? ParkCode, string Scale, decimal LandAreaMu);

[GenerateSerializer, Immutable, Alias("carbon.enterprise-view")]
public sealed record EnterpriseView(EnterpriseProfile Profile, DateTimeOffset RegisteredAt, string RegisteredBy, string[] MonthsFiled);

/// <summary>A park member as its park needs to know it.</summary>
[GenerateSerializer, Immutable, Alias("carbon.member")]
public sealed record MemberInfo(string Uscc, string Scale, decimal LandAreaMu);

public enum RegistrationStatus
{
    Registered,
    AlreadyRegistered,
}
