using System.Security.Cryptography;
using System.Text;
using Carbon.Domain.Access;
using Carbon.Server.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Carbon.Server.Accounts;

/// <summary>An account as authorization needs it: name, role, scope, and whether it may act at all.</summary>
public sealed record AccountSnapshot(string Id, string UserName, Role Role, bool Disabled, string[] Firms, string[] Parks, string[] Applications)
{
    public Caller ToCaller() => Caller.Of(UserName, Role, Firms, Parks, Applications);
}

/// <summary>
/// Reads accounts and API tokens for each request, cached for <see cref="CacheFor"/> so that a request costs no database
/// read in the common case. A change made on this silo (disable, new scope, revoked token) takes effect at once here
/// and within <see cref="CacheFor"/> on other silos.
/// </summary>
public sealed class AccountDirectory(ILedgerContextFactory contexts, IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>The account with this id, or null when there is none.</summary>
    public async Task<AccountSnapshot?> FindAsync(string id) =>
        await cache.GetOrCreateAsync(("account", id), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var db = contexts.Create();
            var a = await db.Users.AsNoTracking().Include(u => u.Scopes).FirstOrDefaultAsync(u => u.Id == id);
            return a is null || !Roles.TryParse(a.Role, out var role)
                ? null
                : new AccountSnapshot(a.Id, a.UserName!, role, a.Disabled,
                    Keys(a, "firm"), Keys(a, "park"), Keys(a, "application"));
        });

    /// <summary>The account an unrevoked, unexpired API token belongs to, or null.</summary>
    public async Task<string?> FindTokenAccountAsync(string token)
    {
        var hash = Hash(token);
        var found = await cache.GetOrCreateAsync(("token", hash), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            await using var db = contexts.Create();
            return await db.ApiTokens.AsNoTracking().Where(t => t.Hash == hash)
                .Select(t => new TokenEntry(t.Id, t.AccountId, t.ExpiresAt, t.RevokedAt)).FirstOrDefaultAsync();
        });
        return found is { RevokedAt: null } && found.ExpiresAt > clock.GetUtcNow() ? found.AccountId : null;
    }

    /// <summary>Forgets what is cached of an account (after a change to it).</summary>
    public void Forget(string accountId) => cache.Remove(("account", accountId));

    /// <summary>Forgets a token (after it is revoked).</summary>
    public void ForgetToken(string hash) => cache.Remove(("token", hash));

    /// <summary>SHA-256 of a token, lower-case hex: what the ledger keeps instead of the token.</summary>
    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string[] Keys(AccountRecord a, string kind) => a.Scopes.Where(s => s.Kind == kind).Select(s => s.Key).Order(StringComparer.Ordinal).ToArray();

    private sealed record TokenEntry(string Id, string AccountId, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);
}
