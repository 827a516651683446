using Carbon.Server.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace Carbon.Server.Accounts;

/// <summary>
/// Applies the access matrix to every request: the endpoint's row says whether anyone may call it or which roles may.
/// Not signed in → 401; signed in with another role → 403; an endpoint with no row → 403 for everyone (closed until
/// someone writes its row). Scope — which firms — is applied by the handler and the grains (404 outside it).
/// </summary>
public sealed class AccessMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint() is not RouteEndpoint endpoint)
        {
            await next(http);
            return;
        }
        var rule = AccessMatrix.Find(endpoint, http.Request.Method);
        if (rule is { Anonymous: true })
        {
            await next(http);
            return;
        }
        var caller = http.User.Caller();
        if (caller is null)
        {
            await Refuse(http, StatusCodes.Status401Unauthorized, "未登录 (not signed in)",
                "请先登录，或以 Authorization: Bearer 令牌调用 (sign in, or send Authorization: Bearer with a token from POST /api/auth/token)");
            return;
        }
        if (rule is null || !rule.Roles.Contains(caller.Role))
        {
            await Refuse(http, StatusCodes.Status403Forbidden, "无权限 (forbidden)", rule is null
                ? "此接口未列入访问矩阵，任何人不可调用 (this endpoint has no row in the access matrix: it is closed)"
                : $"此操作仅限 {string.Join("、", rule.Roles.Select(r => Domain.Access.Roles.ChineseName(r)))} (your role may not do this)");
            return;
        }
        await next(http);
    }

    private static async Task Refuse(HttpContext http, int status, string title, string detail)
    {
        if (status == StatusCodes.Status401Unauthorized)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
        }
        if (!http.Request.Path.StartsWithSegments("/api") && !http.Request.Path.StartsWithSegments("/metrics") && status == StatusCodes.Status401Unauthorized)
        {
            await http.ChallengeAsync();   // pages: to the sign-in page (the API and the metrics scraper get the 401)
            return;
        }
        http.Response.StatusCode = status;
        await http.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = http.Request.Path },
            (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
