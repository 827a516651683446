using System.Security.Claims;
using Carbon.Domain.Access;

namespace Carbon.Server.Accounts;

/// <summary>The claims that carry a <see cref="Caller"/> in a request's principal, and back.</summary>
public static class CallerClaims
{
    public const string Role = "carbon:role";
    public const string Firm = "carbon:firm";
    public const string Park = "carbon:park";
    public const string Application = "carbon:application";

    /// <summary>The caller of an authenticated request with a role; null for anonymous (or a disabled account).</summary>
    public static Caller? Caller(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Roles.TryParse(user.FindFirstValue(Role), out var role)
            ? Domain.Access.Caller.Of(user.Identity.Name ?? "?", role,
                user.FindAll(Firm).Select(c => c.Value), user.FindAll(Park).Select(c => c.Value), user.FindAll(Application).Select(c => c.Value))
            : null;

    /// <summary>The caller of a request that passed authorization (its endpoint requires a role).</summary>
    public static Caller RequiredCaller(this ClaimsPrincipal user) =>
        user.Caller() ?? throw new InvalidOperationException("an endpoint that requires a role was reached without one");

    /// <summary>The role and scope claims of an account.</summary>
    public static IEnumerable<Claim> For(AccountSnapshot account) =>
        new[] { new Claim(Role, account.Role.Token()) }
            .Concat(account.Firms.Select(f => new Claim(Firm, f)))
            .Concat(account.Parks.Select(p => new Claim(Park, p)))
            .Concat(account.Applications.Select(a => new Claim(Application, a)));
}
