using Microsoft.AspNetCore.Identity;

namespace Carbon.Server.Ledger;

/// <summary>
/// An account (ASP.NET Core Identity user) in the ledger database: its role token and whether it is disabled. Accounts
/// are never deleted — the audit trail names them — only disabled.
/// </summary>
public sealed class AccountRecord : IdentityUser
{
    /// <summary>One of the role tokens (filer, park-administrator, district-official, inspector, evaluator, auditor).</summary>
    public required string Role { get; set; }

    /// <summary>The person or unit, as shown in lists (e.g. 宁波东方纺织有限公司 财务部).</summary>
    public required string DisplayName { get; set; }

    /// <summary>A disabled account cannot sign in and its tokens stop working.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public List<AccountScopeRecord> Scopes { get; set; } = [];
}

/// <summary>One key of an account's scope: a firm (USCC) for a filer, a park code, or an application id for an evaluator.</summary>
public sealed class AccountScopeRecord
{
    public required string AccountId { get; init; }

    /// <summary>"firm", "park" or "application".</summary>
    public required string Kind { get; init; }

    public required string Key { get; init; }
}

/// <summary>
/// An API token an account created for scripts: only its SHA-256 is stored; the token is shown once. Revoking sets
/// <see cref="RevokedAt"/>; the row stays.
/// </summary>
public sealed class ApiTokenRecord
{
    /// <summary>The public part of the token (its first characters), by which it is listed and revoked.</summary>
    public required string Id { get; init; }

    public required string AccountId { get; init; }

    public required string Name { get; init; }

    /// <summary>SHA-256 of the whole token, lower-case hex.</summary>
    public required string Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? RevokedAt { get; set; }
}

/// <summary>The one-time setup code of an empty ledger, stored hashed; used once to create the first district official.</summary>
public sealed class SetupCodeRecord
{
    public int Id { get; init; }

    public required string Hash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? UsedAt { get; set; }
}
