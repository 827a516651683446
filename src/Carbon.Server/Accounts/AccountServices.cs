using Carbon.Server.Configuration;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Carbon.Server.Accounts;

/// <summary>
/// Accounts in the ledger database (ASP.NET Core Identity), two ways to sign in — a cookie for the web pages, an API
/// token for scripts — and the data-protection keys every silo shares, also in the ledger.
/// </summary>
public static class AccountServices
{
    /// <summary>The scheme that picks the token handler for <c>Authorization: Bearer</c> and the cookie otherwise.</summary>
    public const string Scheme = "carbon";

    /// <summary>Failed sign-ins before an account is locked out, and for how long.</summary>
    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutFor = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddCarbonAccounts(this IServiceCollection services, CarbonOptions options)
    {
        services.AddMemoryCache();
        services.AddSingleton<AccountDirectory>();
        services.AddSingleton<IClaimsTransformation, CallerClaimsTransformation>();

        var identity = services.AddIdentityCore<AccountRecord>(o =>
            {
                o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = LockoutFor;
                o.Lockout.AllowedForNewUsers = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@";
            })
            .AddSignInManager();
        if (options.Database.IsPostgres)
        {
            identity.AddEntityFrameworkStores<PostgresLedgerDbContext>();
            services.AddScoped<LedgerDbContext>(sp => sp.GetRequiredService<PostgresLedgerDbContext>());
            services.AddDataProtection().SetApplicationName("carbon").PersistKeysToDbContext<PostgresLedgerDbContext>();
        }
        else
        {
            identity.AddEntityFrameworkStores<SqliteLedgerDbContext>();
            services.AddScoped<LedgerDbContext>(sp => sp.GetRequiredService<SqliteLedgerDbContext>());
            services.AddDataProtection().SetApplicationName("carbon").PersistKeysToDbContext<SqliteLedgerDbContext>();
        }

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Carbon", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(o =>
            {
                o.Cookie.Name = "carbon.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.SlidingExpiration = true;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.LoginPath = "/sign-in";
                // The API answers 401/403; only pages redirect to the sign-in page.
                o.Events.OnRedirectToLogin = ctx => Answer(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => Answer(ctx, StatusCodes.Status403Forbidden);
            }));
        // A disabled account or a reset password changes the security stamp: cookies issued before stop working within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorization();
        return services;
    }

    private static Task Answer(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
        }
        else
        {
            ctx.Response.Redirect(ctx.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
