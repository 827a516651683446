using Carbon.Domain.Access;
using Carbon.Server.Ledger;

namespace Carbon.Server.Features.Accounts;

/// <summary>
/// What an account may do: its display name, role and scope — firms (USCCs) for a filer, park codes for a park
/// administrator, application ids for an evaluator — and where reminders are emailed (optional). The body of PUT
/// /api/accounts/{id} and the <c>profile</c> GET returns.
/// </summary>
public sealed record AccountProfile(string? DisplayName, Role? Role, string[]? Firms = null, string[]? Parks = null, string[]? Applications = null,
    string? Email = null)
{
    public static AccountProfile From(AccountRecord a) =>
        new(a.DisplayName, Roles.TryParse(a.Role, out var r) ? r : null,
            Keys(a, "firm"), Keys(a, "park"), Keys(a, "application"), a.Email);

    public IEnumerable<AccountScopeRecord> Scopes(string accountId) =>
        (Firms ?? []).Select(k => ("firm", k)).Concat((Parks ?? []).Select(k => ("park", k))).Concat((Applications ?? []).Select(k => ("application", k)))
            .Distinct()
            .Select(s => new AccountScopeRecord { AccountId = accountId, Kind = s.Item1, Key = s.Item2.Trim() });

    private static string[] Keys(AccountRecord a, string kind) => a.Scopes.Where(s => s.Kind == kind).Select(s => s.Key).Order(StringComparer.Ordinal).ToArray();
}

/// <summary>POST /api/accounts: a sign-in name, what the account may do, and optionally its first password (else one is generated).</summary>
public sealed record CreateAccountRequest(string? UserName, AccountProfile? Profile, string? Password = null);

/// <summary>An account as a district official sees it; <c>profile</c> can be sent back as the PUT body.</summary>
public sealed record AccountResponse(string Id, string UserName, AccountProfile Profile, bool Disabled, DateTimeOffset? LockedOutUntil,
    DateTimeOffset CreatedAt, string CreatedBy)
{
    public static AccountResponse From(AccountRecord a) =>
        new(a.Id, a.UserName!, AccountProfile.From(a), a.Disabled, a.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end : null,
            a.CreatedAt, a.CreatedBy);
}

/// <summary>A new account, or a reset password: the password is shown once, here, and never again.</summary>
public sealed record AccountCreatedResponse(AccountResponse Account, string Password);

/// <summary>The password a reset gave; the account's cookies stop working within a minute.</summary>
public sealed record PasswordResetResponse(string Id, string Password);

/// <summary>Disable or enable: why, for the audit trail.</summary>
public sealed record AccountStateRequest(string? Reason);

/// <summary>POST /api/setup: the code printed at first start, and the first district official's account.</summary>
public sealed record SetupRequest(string? Code, string? UserName, string? DisplayName, string? Password);

/// <summary>POST /api/auth/token and /api/auth/sign-in: credentials; for a token, a name for it and how many days it lives (default 90).</summary>
public sealed record SignInRequest(string? UserName, string? Password, string? TokenName = null, int? Days = null);

/// <summary>A new API token: send it as <c>Authorization: Bearer {token}</c>. Shown once; only its hash is kept.</summary>
public sealed record TokenCreatedResponse(string Id, string Token, string Name, DateTimeOffset ExpiresAt);

/// <summary>One of the caller's tokens (never the token itself).</summary>
public sealed record TokenResponse(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt);

/// <summary>The signed-in account: who, and what it may do.</summary>
public sealed record MeResponse(string Id, string UserName, AccountProfile Profile);

/// <summary>GET /api/audit filters: the subject (a USCC, park, certificate number …), the account, an action prefix; paged.</summary>
public sealed record AuditQuery(string? Subject, string? Actor, string? Action, int? Page, int? PageSize);

/// <summary>One entry of the audit trail: who did what to what, when.</summary>
public sealed record AuditEventResponse(long Id, DateTimeOffset At, string Actor, string Action, string Subject, string? Detail);

public sealed record AuditPageResponse(int Page, int PageSize, int Total, AuditEventResponse[] Items);
