using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Carbon.Reliability;

/// <summary>
/// The service's live managed heap: a full blocking GC induced in the child over its diagnostics port (EventPipe, the
/// runtime's <c>GCHeapCollect</c> keyword — what <c>dotnet-gcdump</c> does, without walking the objects), and the bytes
/// that survived it, read from the GC's own <c>GCHeapStats</c> event. The working set cannot tell a leak from the server
/// GC keeping freed memory committed (.NET's DATAS sizes gen0 by throughput, which moves the working set by tens of MB
/// on a steady load); what survives a full collection can.
/// </summary>
public static class LiveHeap
{
    /// <summary>
    /// The bytes alive after a full blocking collection (the sum over generations, LOH and POH of what each kept), or
    /// null when the process has no diagnostics port or the GC did not report within the timeout.
    /// </summary>
    public static async Task<long?> MeasureAsync(int pid, TimeSpan timeout)
    {
        var provider = new EventPipeProvider(
            "Microsoft-Windows-DotNETRuntime",
            EventLevel.Informational,
            (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect));
        EventPipeSession session;
        try
        {
            session = new DiagnosticsClient(pid).StartEventPipeSession([provider], requestRundown: false, circularBufferMB: 64);
        }
        catch (Exception e) when (e is ServerNotAvailableException or DiagnosticsClientException or UnauthorizedAccessException)
        {
            Console.WriteLine($"  live heap: no diagnostics port on pid {pid} ({e.Message})");
            return null;
        }
        using (session)
        {
            var result = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            var reader = Task.Run(() =>
            {
                using var source = new EventPipeEventSource(session.EventStream);
                var induced = false;
                source.Clr.GCStart += e => induced = e.Depth == 2 && e.Type == GCType.NonConcurrentGC
                                                     && e.Reason is GCReason.Induced or GCReason.InducedNotForced or GCReason.InducedCompacting;
                source.Clr.GCHeapStats += e =>
                {
                    if (induced)
                    {
                        result.TrySetResult(e.TotalPromotedSize0 + e.TotalPromotedSize1 + e.TotalPromotedSize2 + e.TotalPromotedSize3 + e.TotalPromotedSize4);
                        source.StopProcessing();
                    }
                };
                source.Process();
            });
            var done = await Task.WhenAny(result.Task, Task.Delay(timeout));
            try
            {
                await session.StopAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is ServerNotAvailableException or EndOfStreamException or IOException or TimeoutException)
            {
                // the session ended with the process or the stream; nothing to stop
            }
            await Task.WhenAny(reader, Task.Delay(TimeSpan.FromSeconds(5)));
            return done == result.Task ? await result.Task : null;
        }
    }
}
