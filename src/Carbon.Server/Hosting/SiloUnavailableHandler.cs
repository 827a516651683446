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
        if (exception is not (SiloUnavailableException or OrleansMessageRejectionException or TimeoutException or Orleans.Storage.InconsistentStateException))
        {
            return false;
        }
        var busy = exception is TimeoutException;
        // A write the ledger refused (LedgerWrites): the grain reloads at once, so the retry can come sooner.
        var reload = exception is Orleans.Storage.InconsistentStateException;
        var retryAfter = reload ? 1 : RetryAfterSeconds;
        log.LogWarning("{What} ({Error}); the caller was told to retry", reload ? "A grain's ledger write was refused and the grain reloads" : "A grain call reached an unavailable silo",
            exception.GetType().Name);
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = reload ? "写入冲突，已重新载入 (a write conflicted; reloaded from the ledger)"
                    : busy ? "服务繁忙 (the service is busy)" : "集群节点暂不可用 (a node of the cluster is unavailable)",
                Detail = $"请 {retryAfter} 秒后重试；未确认的提交不会保存一半 (retry in {retryAfter} s; an unacknowledged write is never half stored)",
            },
            Exception = exception,
        });
    }
}
