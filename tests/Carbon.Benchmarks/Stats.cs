using System.Diagnostics;
using System.Globalization;

namespace Carbon.Benchmarks;

/// <summary>
/// One measured run: how many filings in how long, the latency of each timed unit (request or transaction), the CPU
/// time of the whole process meanwhile (service and clients share it) and, for the API, the ledger commits.
/// </summary>
internal sealed record RunResult(string Name, int Filings, TimeSpan Elapsed, double[] LatenciesMs, TimeSpan Cpu,
    LedgerCommits.Snapshot? Commits = null)
{
    public double FilingsPerSecond => Filings / Elapsed.TotalSeconds;

    public double CpuMsPerFiling => Cpu.TotalMilliseconds / Filings;

    public double? P50 => Stats.Percentile(LatenciesMs, 50);

    public double? P99 => Stats.Percentile(LatenciesMs, 99);
}

internal static class Stats
{
    /// <summary>Nearest-rank percentile; null when nothing was timed one by one.</summary>
    public static double? Percentile(double[] values, double p)
    {
        if (values.Length == 0)
        {
            return null;
        }
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank, 1, sorted.Length) - 1];
    }

    public static double Ms(long startTimestamp, long endTimestamp) =>
        Stopwatch.GetElapsedTime(startTimestamp, endTimestamp).TotalMilliseconds;

    public static string F(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    public static string F(double? value, int decimals) => value is { } v ? F(v, decimals) : "—";

    /// <summary>
    /// Waits until this process is quiet — the runtime's background re-compilation of hot methods (tiered JIT) and GC
    /// finished — so the timed phase measures the service in steady state: below 10 % of one core over 0.5 s, at most
    /// <paramref name="max"/>. Returns how long it took.
    /// </summary>
    public static TimeSpan Settle(TimeSpan max)
    {
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(start) < max)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var t0 = Stopwatch.GetTimestamp();
            Thread.Sleep(500);
            if ((Environment.CpuUsage.TotalTime - cpu) / Stopwatch.GetElapsedTime(t0) < 0.10)
            {
                break;
            }
        }
        return Stopwatch.GetElapsedTime(start);
    }

    /// <summary>Runs <paramref name="count"/> jobs on <paramref name="workers"/> concurrent workers, each taking the next index.</summary>
    public static Task RunWorkersAsync(int count, int workers, Func<int, Task> job)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, Math.Min(workers, count)).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                await job(i);
            }
        })));
    }
}
