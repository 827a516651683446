using System.Globalization;
using System.Threading.RateLimiting;
using Carbon.Server.Configuration;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Http;

/// <summary>
/// One partitioned limiter for the whole service (<c>Carbon:RateLimits</c>): a signed-in account is counted by its
/// name, anyone else by IP address; anonymous callers have separate, smaller counts for writes and for certificate
/// verification, the public entrance anyone can reach. Over a limit: 429 problem details with Retry-After.
/// <c>UseRateLimiter</c> must come after authentication, so that a signed-in caller is counted as its account.
/// </summary>
public static class RateLimits
{
    /// <summary>Which count a request goes to.</summary>
    public enum Policy
    {
        Account,
        AnonymousRead,
        AnonymousWrite,
        AnonymousVerification,
    }

    public static IServiceCollection AddCarbonRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<CarbonOptions>>((o, carbon) =>
        {
            var limits = carbon.Value.RateLimits;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var (policy, caller) = PartitionOf(http);
                return RateLimitPartition.GetFixedWindowLimiter($"{policy}|{caller}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = PermitsOf(policy, limits),
                    Window = TimeSpan.FromSeconds(limits.WindowSeconds),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, _) => RejectAsync(context, limits);
        });
        return services;
    }

    /// <summary>The count a request goes to, and whose it is: the account's name when signed in, else the IP address.</summary>
    public static (Policy Policy, string Caller) PartitionOf(HttpContext http)
    {
        if (http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return (Policy.Account, "account:" + name);
        }
        var caller = "ip:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var request = http.Request;
        if (request.Path.StartsWithSegments("/verify") || request.Path.StartsWithSegments("/api/certificates/verify"))
        {
            return (Policy.AnonymousVerification, caller);
        }
        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            ? (Policy.AnonymousRead, caller)
            : (Policy.AnonymousWrite, caller);
    }

    public static int PermitsOf(Policy policy, RateLimitOptions limits) => policy switch
    {
        Policy.Account => limits.Authenticated,
        Policy.AnonymousRead => limits.AnonymousReads,
        Policy.AnonymousWrite => limits.AnonymousWrites,
        _ => limits.AnonymousVerifications,
    };

    private static async ValueTask RejectAsync(OnRejectedContext context, RateLimitOptions limits)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(limits.WindowSeconds);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        var (policy, _) = PartitionOf(http);
        var permits = PermitsOf(policy, limits);
        var detail = $"每 {limits.WindowSeconds} 秒最多 {permits} 次请求，请 {seconds} 秒后再试 " +
                     $"(at most {permits} requests per {limits.WindowSeconds} s; try again in {seconds} s)";
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var written = await http.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "请求过于频繁 (too many requests)",
                Detail = detail,
            },
        });
        if (!written)
        {
            await http.Response.WriteAsync(detail);
        }
    }
}
