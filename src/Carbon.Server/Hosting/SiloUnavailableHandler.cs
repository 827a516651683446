using Microsoft.AspNetCore.Diagnostics;

namespace Carbon.Server.Hosting;

/// <summary>
/// A call that reached a silo which has just died (killed, cut off) fails until the cluster declares it dead, seconds
/// later; then its grains activate on the survivors. Such a request answers 503 with Retry-After, never a 500: nothing
/// was acknowledged, and the same request a few seconds later succeeds. A write is never half done (the grain writes the
/// ledger in one transaction, then acknowledges), so the client may simply send it again. A grain call that timed out
/// (an overloaded silo: no answer within Orleans's response timeout) is the same case for the caller: 503, retry.
/// </summary>
public sealed class SiloUnavailableHandler(IProblemDetailsService problems, ILogger<SiloUnavailableHandler> log) : IExceptionHandler
{
    /// <summary>About how long the cluster takes to declare a silo dead (3 missed probes of 5 s, less with a refused connection).</summary>
    public const int RetryAfterSeconds = 10;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not (SiloUnavailableException or OrleansMessageRejectionException or TimeoutException))
        {
            return false;
        }
        var busy = exception is TimeoutException;
        log.LogWarning("A grain call reached an unavailable silo ({Error}); the caller was told to retry", exception.GetType().Name);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = busy ? "服务繁忙 (the service is busy)" : "集群节点暂不可用 (a node of the cluster is unavailable)",
                Detail = $"请 {RetryAfterSeconds} 秒后重试；未确认的提交不会保存一半 (retry in {RetryAfterSeconds} s; an unacknowledged write is never half stored)",
            },
            Exception = exception,
        });
    }
}
