using System.Security.Claims;
using System.Security.Cryptography;
using Carbon.Domain.Access;
using Carbon.Server.Accounts;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Features.Accounts;

/// <summary>
/// First setup, sign-in (cookie or API token), one's own account and tokens, account management by the district, and
/// the audit trail. Every change to an account is written with its audit event in the same transaction.
/// </summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder api)
    {
        api.MapPost("/setup", SetupAsync).WithTags("Accounts 账号").WithName("Setup")
            .WithSummary("首次设置 Create the first district official with the one-time code printed at first start");
        var auth = api.MapGroup("/auth").WithTags("Accounts 账号");
        auth.MapPost("/token", TokenAsync).WithName("CreateToken")
            .WithSummary("获取令牌 Exchange credentials for an API token (send as Authorization: Bearer …)");
        auth.MapPost("/sign-in", SignInAsync).WithName("SignIn").WithSummary("登录 Sign in with a cookie (the web pages)");
        auth.MapPost("/sign-out", SignOutAsync).WithName("SignOut").WithSummary("退出 Sign out");
        var me = api.MapGroup("/account").WithTags("Accounts 账号");
        me.MapGet("/", Me).WithName("GetOwnAccount").WithSummary("当前账号 Who is signed in, with role and scope");
        me.MapGet("/tokens", TokensAsync).WithName("ListOwnTokens").WithSummary("我的令牌 One's API tokens (never the tokens themselves)");
        me.MapDelete("/tokens/{id}", RevokeTokenAsync).WithName("RevokeOwnToken").WithSummary("吊销令牌 Revoke one of one's tokens");
        var accounts = api.MapGroup("/accounts").WithTags("Accounts 账号");
        accounts.MapPost("/", CreateAsync).WithName("CreateAccount").WithSummary("创建账号 Create an account with a role and scope");
        accounts.MapGet("/", ListAsync).WithName("ListAccounts").WithSummary("账号列表 Every account");
        accounts.MapGet("/{id}", GetAsync).WithName("GetAccount").WithSummary("账号 One account");
        accounts.MapPut("/{id}", ReviseAsync).WithName("ReviseAccount").WithSummary("修改账号 Change display name, role and scope");
        accounts.MapPost("/{id}/disable", DisableAsync).WithName("DisableAccount")
            .WithSummary("停用账号 Disable (never delete: the audit trail names it); its sign-ins and tokens stop working");
        accounts.MapPost("/{id}/enable", EnableAsync).WithName("EnableAccount").WithSummary("启用账号 Enable a disabled account");
        accounts.MapPost("/{id}/password", ResetPasswordAsync).WithName("ResetPassword")
            .WithSummary("重置密码 Give the account a new generated password (shown once)");
        api.MapGet("/audit", AuditAsync).WithTags("Accounts 账号").WithName("ListAudit")
            .WithSummary("审计日志 Who did what to what, newest first");
        return api;
    }

    internal static async Task<Results<Created<AccountResponse>, ValidationProblem, ProblemHttpResult>> SetupAsync(
        SetupRequest body, UserManager<AccountRecord> users, LedgerDbContext db, TimeProvider clock)
    {
        var hash = AccountDirectory.Hash(body.Code!.Trim());
        var code = await db.SetupCodes.FirstOrDefaultAsync(c => c.Hash == hash && c.UsedAt == null);
        if (code is null || await db.Users.AnyAsync())
        {
            return Problems.NotFound("code", "设置码无效或已使用 (the setup code is unknown or was used; it works once, on an empty ledger)");
        }
        var now = clock.GetUtcNow();
        code.UsedAt = now;
        var account = new AccountRecord
        {
            UserName = body.UserName!, DisplayName = body.DisplayName!.Trim(), Role = Role.DistrictOfficial.Token(), CreatedAt = now, CreatedBy = "setup",
        };
        db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = "setup", Action = "account.setup", Subject = account.UserName, Detail = "first district official" });
        var created = await users.CreateAsync(account, body.Password!);   // saves the code's use and the audit event with the account
        return created.Succeeded
            ? TypedResults.Created($"/api/accounts/{account.Id}", AccountResponse.From(account))
            : PasswordProblem(created, "password");
    }

    internal static async Task<Results<Created<TokenCreatedResponse>, ValidationProblem, ProblemHttpResult>> TokenAsync(
        SignInRequest body, UserManager<AccountRecord> users, SignInManager<AccountRecord> signIn, LedgerDbContext db, TimeProvider clock)
    {
        if (await CheckAsync(body, users, signIn) is { } refused)
        {
            return refused;
        }
        var account = (await users.FindByNameAsync(body.UserName!))!;
        var now = clock.GetUtcNow();
        var token = TokenAuthenticationHandler.Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var record = new ApiTokenRecord
        {
            Id = token[..(TokenAuthenticationHandler.Prefix.Length + 8)], AccountId = account.Id, Name = body.TokenName?.Trim() is { Length: > 0 } n ? n : "api",
            Hash = AccountDirectory.Hash(token), CreatedAt = now, ExpiresAt = now.AddDays(body.Days ?? 90),
        };
        db.ApiTokens.Add(record);
        db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = account.UserName!, Action = "token.created", Subject = account.UserName!, Detail = record.Id });
        await db.SaveChangesAsync();
        return TypedResults.Created("/api/account/tokens", new TokenCreatedResponse(record.Id, token, record.Name, record.ExpiresAt));
    }

    internal static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SignInAsync(
        SignInRequest body, UserManager<AccountRecord> users, SignInManager<AccountRecord> signIn)
    {
        if (await CheckAsync(body, users, signIn) is { } refused)
        {
            return refused;
        }
        await signIn.SignInAsync((await users.FindByNameAsync(body.UserName!))!, isPersistent: false);
        return TypedResults.NoContent();
    }

    internal static async Task<NoContent> SignOutAsync(SignInManager<AccountRecord> signIn)
    {
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> Me(ClaimsPrincipal user, UserManager<AccountRecord> users, LedgerDbContext db)
    {
        var account = await Find(db, user.FindFirstValue(ClaimTypes.NameIdentifier));
        return account is null ? Problems.NotFound("id", "账号不存在 (no such account)") : TypedResults.Ok(new MeResponse(account.Id, account.UserName!, AccountProfile.From(account)));
    }

    internal static async Task<Ok<TokenResponse[]>> TokensAsync(ClaimsPrincipal user, LedgerDbContext db)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        // Ordered here: SQLite cannot order by a DateTimeOffset column.
        return TypedResults.Ok((await db.ApiTokens.AsNoTracking().Where(t => t.AccountId == id).ToListAsync()).OrderBy(t => t.CreatedAt)
            .Select(t => new TokenResponse(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.RevokedAt)).ToArray());
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> RevokeTokenAsync(string id, ClaimsPrincipal user, LedgerDbContext db,
        AccountDirectory directory, TimeProvider clock)
    {
        var accountId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.AccountId == accountId);
        if (token is null)
        {
            return Problems.NotFound("id", $"无此令牌 {id} (no such token of yours)");
        }
        if (token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            db.AuditEvents.Add(new AuditEventRecord { At = token.RevokedAt.Value, Actor = user.Identity!.Name!, Action = "token.revoked", Subject = user.Identity.Name!, Detail = id });
            await db.SaveChangesAsync();
        }
        directory.ForgetToken(token.Hash);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Created<AccountCreatedResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateAccountRequest body, UserManager<AccountRecord> users, LedgerDbContext db, ClaimsPrincipal user, TimeProvider clock)
    {
        if (await users.FindByNameAsync(body.UserName!) is not null)
        {
            return Problems.Conflict("userName", $"登录名 {body.UserName} 已存在 (userName {body.UserName} is taken)");
        }
        var now = clock.GetUtcNow();
        var actor = user.RequiredCaller().Account;
        var account = new AccountRecord
        {
            UserName = body.UserName!, DisplayName = body.Profile!.DisplayName!.Trim(), Role = body.Profile.Role!.Value.Token(), CreatedAt = now, CreatedBy = actor,
            Email = string.IsNullOrWhiteSpace(body.Profile.Email) ? null : body.Profile.Email.Trim(),
        };
        account.Scopes.AddRange(body.Profile.Scopes(account.Id));
        var password = body.Password ?? NewPassword();
        db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = actor, Action = "account.created", Subject = account.UserName, Detail = Describe(body.Profile) });
        var created = await users.CreateAsync(account, password);
        return created.Succeeded
            ? TypedResults.Created($"/api/accounts/{account.Id}", new AccountCreatedResponse(AccountResponse.From(account), password))
            : PasswordProblem(created, "password");
    }

    internal static async Task<Ok<AccountResponse[]>> ListAsync(LedgerDbContext db) =>
        TypedResults.Ok((await db.Users.AsNoTracking().Include(u => u.Scopes).OrderBy(u => u.UserName).ToListAsync()).Select(AccountResponse.From).ToArray());

    internal static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAsync(string id, LedgerDbContext db) =>
        await Find(db, id) is { } a ? TypedResults.Ok(AccountResponse.From(a)) : NoAccount(id);

    internal static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> ReviseAsync(string id, AccountProfile body, LedgerDbContext db,
        UserManager<AccountRecord> users, AccountDirectory directory, ClaimsPrincipal user, TimeProvider clock)
    {
        if (await Find(db, id, tracked: true) is not { } account)
        {
            return NoAccount(id);
        }
        account.DisplayName = body.DisplayName!.Trim();
        account.Role = body.Role!.Value.Token();
        account.Email = string.IsNullOrWhiteSpace(body.Email) ? null : body.Email.Trim();
        db.AccountScopes.RemoveRange(account.Scopes);
        account.Scopes = body.Scopes(account.Id).ToList();
        db.AuditEvents.Add(new AuditEventRecord { At = clock.GetUtcNow(), Actor = user.RequiredCaller().Account, Action = "account.revised", Subject = account.UserName!, Detail = Describe(body) });
        await users.UpdateSecurityStampAsync(account);   // saves; the account's cookies pick up the change at their next check
        directory.Forget(id);
        return TypedResults.Ok(AccountResponse.From(account));
    }

    internal static Task<Results<Ok<AccountResponse>, ProblemHttpResult>> DisableAsync(string id, AccountStateRequest body, LedgerDbContext db,
        UserManager<AccountRecord> users, AccountDirectory directory, ClaimsPrincipal user, TimeProvider clock) =>
        SetDisabledAsync(id, true, body.Reason!, db, users, directory, user, clock);

    internal static Task<Results<Ok<AccountResponse>, ProblemHttpResult>> EnableAsync(string id, AccountStateRequest body, LedgerDbContext db,
        UserManager<AccountRecord> users, AccountDirectory directory, ClaimsPrincipal user, TimeProvider clock) =>
        SetDisabledAsync(id, false, body.Reason!, db, users, directory, user, clock);

    internal static async Task<Results<Ok<PasswordResetResponse>, ProblemHttpResult>> ResetPasswordAsync(string id, LedgerDbContext db,
        UserManager<AccountRecord> users, ClaimsPrincipal user, TimeProvider clock)
    {
        if (await Find(db, id, tracked: true) is not { } account)
        {
            return NoAccount(id);
        }
        var password = NewPassword();
        db.AuditEvents.Add(new AuditEventRecord { At = clock.GetUtcNow(), Actor = user.RequiredCaller().Account, Action = "account.password-reset", Subject = account.UserName! });
        await users.RemovePasswordAsync(account);
        await users.AddPasswordAsync(account, password);
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        return TypedResults.Ok(new PasswordResetResponse(account.Id, password));
    }

    internal static async Task<Ok<AuditPageResponse>> AuditAsync([AsParameters] AuditQuery query, LedgerDbContext db)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (query.Subject is { } subject) events = events.Where(e => e.Subject == subject);
        if (query.Actor is { } actor) events = events.Where(e => e.Actor == actor);
        if (query.Action is { } action) events = events.Where(e => e.Action.StartsWith(action));
        var (page, size) = (query.Page ?? 1, query.PageSize ?? 100);
        var total = await events.CountAsync();
        var items = await events.OrderByDescending(e => e.Id).Skip((page - 1) * size).Take(size)
            .Select(e => new AuditEventResponse(e.Id, e.At, e.Actor, e.Action, e.Subject, e.Detail)).ToArrayAsync();
        return TypedResults.Ok(new AuditPageResponse(page, size, total, items));
    }

    private static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> SetDisabledAsync(string id, bool disabled, string reason,
        LedgerDbContext db, UserManager<AccountRecord> users, AccountDirectory directory, ClaimsPrincipal user, TimeProvider clock)
    {
        if (await Find(db, id, tracked: true) is not { } account)
        {
            return NoAccount(id);
        }
        var caller = user.RequiredCaller();
        if (disabled && account.UserName == caller.Account)
        {
            return Problems.Conflict("id", "不能停用自己的账号 (you cannot disable your own account)");
        }
        if (account.Disabled != disabled)
        {
            account.Disabled = disabled;
            db.AuditEvents.Add(new AuditEventRecord
            {
                At = clock.GetUtcNow(), Actor = caller.Account, Action = disabled ? "account.disabled" : "account.enabled", Subject = account.UserName!, Detail = reason.Trim(),
            });
            await users.UpdateSecurityStampAsync(account);   // saves; sign-ins stop at once, cookies within a minute
            directory.Forget(id);
        }
        return TypedResults.Ok(AccountResponse.From(account));
    }

    /// <summary>Checks credentials with lockout; null when they pass and the account may sign in.</summary>
    private static async Task<ProblemHttpResult?> CheckAsync(SignInRequest body, UserManager<AccountRecord> users, SignInManager<AccountRecord> signIn)
    {
        var account = await users.FindByNameAsync(body.UserName!);
        if (account is null)
        {
            return Unauthorized("登录名或密码错误 (wrong user name or password)");
        }
        var result = await signIn.CheckPasswordSignInAsync(account, body.Password!, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            return Unauthorized($"连续 {AccountServices.MaxFailedSignIns} 次密码错误，账号已锁定至 {account.LockoutEnd:yyyy-MM-dd HH:mm} UTC (locked out after repeated failures)");
        }
        if (!result.Succeeded)
        {
            return Unauthorized("登录名或密码错误 (wrong user name or password)");
        }
        return account.Disabled ? Unauthorized("账号已停用 (the account is disabled)") : null;
    }

    private static ProblemHttpResult Unauthorized(string detail) =>
        TypedResults.Problem(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "未登录 (not signed in)", Detail = detail });

    private static async Task<AccountRecord?> Find(LedgerDbContext db, string? id, bool tracked = false) =>
        id is null ? null : await (tracked ? db.Users : db.Users.AsNoTracking()).Include(u => u.Scopes).FirstOrDefaultAsync(u => u.Id == id);

    private static ProblemHttpResult NoAccount(string id) => Problems.NotFound("id", $"无此账号 {id} (no account {id})");

    private static ValidationProblem PasswordProblem(IdentityResult result, string field) =>
        Problems.Field(field, string.Join("; ", result.Errors.Select(e => e.Description)));

    private static string Describe(AccountProfile p) =>
        $"{p.Role?.Token()}; {string.Join(" ", (p.Firms ?? []).Concat(p.Parks ?? []).Concat(p.Applications ?? []))}".TrimEnd(' ', ';');

    /// <summary>A generated password: 16 characters with upper- and lower-case letters and digits.</summary>
    private static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789";
        const string all = upper + lower + digits;
        var chars = new[] { upper[RandomNumberGenerator.GetInt32(upper.Length)], lower[RandomNumberGenerator.GetInt32(lower.Length)], digits[RandomNumberGenerator.GetInt32(digits.Length)] }
            .Concat(Enumerable.Range(0, 13).Select(_ => all[RandomNumberGenerator.GetInt32(all.Length)])).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
