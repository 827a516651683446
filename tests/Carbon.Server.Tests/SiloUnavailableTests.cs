using Carbon.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Carbon.Server.Tests;

/// <summary>A grain call that reached a silo which has just died answers 503 with Retry-After, not 500 (the cluster test sees it live).</summary>
public class SiloUnavailableTests
{
    [Fact]
    public async Task A_call_to_a_dead_or_overloaded_silo_answers_503_with_retry_after_and_other_errors_are_left_alone()
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var handler = new SiloUnavailableHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<SiloUnavailableHandler>.Instance);
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();

        Assert.True(await handler.TryHandleAsync(http, new SiloUnavailableException("the target silo became unavailable"), default));
        Assert.Equal(503, http.Response.StatusCode);
        Assert.Equal("10", http.Response.Headers.RetryAfter.ToString());
        http.Response.Body.Position = 0;
        Assert.Contains("集群节点暂不可用", await new StreamReader(http.Response.Body).ReadToEndAsync());

        var busy = new DefaultHttpContext { RequestServices = services };
        busy.Response.Body = new MemoryStream();
        Assert.True(await handler.TryHandleAsync(busy, new TimeoutException("response did not arrive on time"), default));
        Assert.Equal(503, busy.Response.StatusCode);

        var conflict = new DefaultHttpContext { RequestServices = services };
        conflict.Response.Body = new MemoryStream();
        Assert.True(await handler.TryHandleAsync(conflict, new Orleans.Storage.InconsistentStateException("the ledger refused a write"), default));
        Assert.Equal(503, conflict.Response.StatusCode);
        Assert.Equal("1", conflict.Response.Headers.RetryAfter.ToString());

        Assert.False(await handler.TryHandleAsync(new DefaultHttpContext { RequestServices = services }, new InvalidOperationException(), default));
    }
}
