using Carbon.Domain.Access;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Identity;

namespace Carbon.Server.Demo;

/// <summary>
/// One demo account per role, two inspectors (an on-site visit needs two) (<c>--demo</c> only), with passwords printed at start and in the README. Never for real use:
/// anyone who reads the README can sign in with them.
/// </summary>
public static class DemoAccounts
{
    /// <summary>User name, password, role, display name and scope of each demo account.</summary>
    public static readonly (string UserName, string Password, Role Role, string DisplayName, string[] Scope)[] All =
    [
        ("official", "Demo-official-2026", Role.DistrictOfficial, "鄞州区经信局（演示）", []),
        ("filer", "Demo-filer-2026", Role.Filer, $"宁波{DemoDistrict.Names[0]}公司 填报员（演示）", [DemoDistrict.Uscc(0), DemoDistrict.Uscc(1)]),
        ("park", "Demo-park-2026", Role.ParkAdministrator, "鄞州经济开发区管委会（演示）", ["YZ-ETDZ"]),
        ("inspector", "Demo-inspector-2026", Role.Inspector, "区节能监察大队 监察员甲（演示）", []),
        ("inspector2", "Demo-inspector2-2026", Role.Inspector, "区节能监察大队 监察员乙（演示）", []),
        ("evaluator", "Demo-evaluator-2026", Role.Evaluator, "第三方评价机构（演示）", []),
        ("auditor", "Demo-auditor-2026", Role.Auditor, "区审计局（演示）", []),
    ];

    /// <summary>Creates the demo accounts in a ledger that has none; prints each with its password.</summary>
    public static async Task SeedAsync(UserManager<AccountRecord> users, LedgerDbContext db, ILogger log)
    {
        if (db.Users.Any())
        {
            return;
        }
        foreach (var (userName, password, role, displayName, scope) in All)
        {
            var account = new AccountRecord
            {
                UserName = userName, DisplayName = displayName, Role = role.Token(), CreatedAt = DateTimeOffset.UtcNow, CreatedBy = DemoDistrict.Actor,
            };
            var kind = role switch { Role.Filer => "firm", Role.ParkAdministrator => "park", _ => "application" };
            account.Scopes.AddRange(scope.Select(k => new AccountScopeRecord { AccountId = account.Id, Kind = kind, Key = k }));
            var created = await users.CreateAsync(account, password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"demo account {userName}: {string.Join("; ", created.Errors.Select(e => e.Description))}");
            }
        }
        log.LogWarning("演示账号 (demo accounts, for demonstration only): {Accounts}",
            string.Join("; ", All.Select(a => $"{a.UserName} / {a.Password} ({a.Role.Token()})")));
    }
}
