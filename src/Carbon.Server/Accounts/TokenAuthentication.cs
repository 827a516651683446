using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Accounts;

/// <summary>
/// <c>Authorization: Bearer carbon_…</c>: an API token an account created (<c>POST /api/auth/token</c>). Only its hash
/// is stored; a revoked or expired token, or one of a disabled account, authenticates nobody.
/// </summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountDirectory accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    /// <summary>Every token starts so, which makes a leaked one easy to find in logs and repositories.</summary>
    public const string Prefix = "carbon_";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header["Bearer ".Length..].Trim();
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100
            || await accounts.FindTokenAccountAsync(token) is not { } accountId
            || await accounts.FindAsync(accountId) is not { Disabled: false } account)
        {
            return AuthenticateResult.Fail("无效或已吊销的令牌 (the token is unknown, revoked or expired)");
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, account.Id), new Claim(ClaimTypes.Name, account.UserName), .. CallerClaims.For(account)],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

/// <summary>
/// Adds the account's role and scope to a cookie-signed-in principal, read fresh from <see cref="AccountDirectory"/>,
/// so a changed scope applies without signing in again; a disabled account's principal loses its role (and so every
/// door but the public ones).
/// </summary>
public sealed class CallerClaimsTransformation(AccountDirectory accounts) : IClaimsTransformation
{
    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || principal.HasClaim(c => c.Type == CallerClaims.Role)
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } id)
        {
            return principal;
        }
        if (await accounts.FindAsync(id) is not { Disabled: false } account)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }
        var identity = new ClaimsIdentity(CallerClaims.For(account));
        var result = principal.Clone();
        result.AddIdentity(identity);
        return result;
    }
}
