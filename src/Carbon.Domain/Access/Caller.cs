using Carbon.Domain.Registry;

namespace Carbon.Domain.Access;

/// <summary>What an account may do, by kind of user (角色). Scope (which firms, parks or applications) is on <see cref="Caller"/>.</summary>
public enum Role
{
    /// <summary>企业填报员: files and reads its own firms (one or more USCCs).</summary>
    Filer,
    /// <summary>园区管理员: reads everything of its parks' firms; reminds firms.</summary>
    ParkAdministrator,
    /// <summary>区经信局: everything; runs evaluations, decides applications, issues and revokes certificates, manages accounts.</summary>
    DistrictOfficial,
    /// <summary>节能监察员: reads every firm's data for inspections.</summary>
    Inspector,
    /// <summary>第三方评价机构: reads and verifies the green-factory applications assigned to it.</summary>
    Evaluator,
    /// <summary>审计: reads everything, including the audit log; changes nothing.</summary>
    Auditor,
    /// <summary>The service itself (demo seeding, batches); never an account.</summary>
    System,
}

/// <summary>Tokens and names of <see cref="Role"/>.</summary>
public static class Roles
{
    private static readonly (Role Role, string Token, string Chinese)[] Table =
    [
        (Role.Filer, "filer", "企业填报员"),
        (Role.ParkAdministrator, "park-administrator", "园区管理员"),
        (Role.DistrictOfficial, "district-official", "区经信局"),
        (Role.Inspector, "inspector", "节能监察员"),
        (Role.Evaluator, "evaluator", "第三方评价机构"),
        (Role.Auditor, "auditor", "审计"),
        (Role.System, "system", "系统"),
    ];

    /// <summary>The roles an account can hold (every role but <see cref="Role.System"/>).</summary>
    public static IReadOnlyList<Role> Assignable { get; } = Table.Select(r => r.Role).Where(r => r != Role.System).ToArray();

    public static string Token(this Role role) => Table.First(r => r.Role == role).Token;

    public static string ChineseName(this Role role) => Table.First(r => r.Role == role).Chinese;

    public static bool TryParse(string? token, out Role role)
    {
        foreach (var row in Table)
        {
            if (row.Token == token)
            {
                role = row.Role;
                return true;
            }
        }
        role = default;
        return false;
    }
}

/// <summary>
/// Who is asking and what they may see: the account (named in the audit trail), its role and its scope. Grains take
/// it as an argument and apply these rules to their own data, so no path to a firm's figures skips them. A firm
/// outside the caller's scope is answered as if it did not exist (404, never 403: its existence is not revealed).
/// </summary>
public sealed record Caller(string Account, Role Role, IReadOnlySet<string> Firms, IReadOnlySet<string> Parks, IReadOnlySet<string> Applications)
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    /// <summary>The service acting on its own behalf (demo seed, a batch), named in the audit trail.</summary>
    public static Caller System(string name) => new(name, Role.System, None, None, None);

    /// <summary>A caller with a role and no scoped keys (district-wide roles need none).</summary>
    public static Caller Of(string account, Role role, IEnumerable<string>? firms = null, IEnumerable<string>? parks = null,
        IEnumerable<string>? applications = null) =>
        new(account, role, (firms ?? []).ToHashSet(StringComparer.Ordinal), (parks ?? []).ToHashSet(StringComparer.Ordinal),
            (applications ?? []).ToHashSet(StringComparer.Ordinal));

    /// <summary>Roles that see the whole district's firms and aggregates.</summary>
    public bool SeesDistrict => Role is Role.DistrictOfficial or Role.Inspector or Role.Auditor or Role.System;

    /// <summary>May change anything (district officials and the service itself).</summary>
    public bool Administers => Role is Role.DistrictOfficial or Role.System;

    /// <summary>May read a firm's profile, filings, metrics, results and certificates.</summary>
    public bool CanRead(Uscc firm, string? park) =>
        SeesDistrict
        || (Role == Role.Filer && Firms.Contains(firm.Value))
        || (Role == Role.ParkAdministrator && park is not null && Parks.Contains(park));

    /// <summary>May file a firm's months and revise its profile: its own filer, or the district.</summary>
    public bool CanFile(Uscc firm) => Administers || (Role == Role.Filer && Firms.Contains(firm.Value));

    /// <summary>May read a park's members and aggregates.</summary>
    public bool CanReadPark(string park) => SeesDistrict || (Role == Role.ParkAdministrator && Parks.Contains(park));

    /// <summary>May read a green-factory application of a firm (its evaluator, as well as whoever reads the firm).</summary>
    public bool CanReadApplication(string id, Uscc firm, string? park) =>
        CanRead(firm, park) || (Role == Role.Evaluator && Applications.Contains(id));

    /// <summary>May record an application's third-party verification.</summary>
    public bool CanVerifyApplication(string id) => Administers || (Role == Role.Evaluator && Applications.Contains(id));
}
