using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Carbon.Server.Telemetry;

/// <summary>
/// The service's own meter and activity source, both named "Carbon" (遥测 telemetry), and the instruments the ledger
/// writer, imports, evaluations and certificate rendering record into. Nothing is exported unless an exporter is
/// configured (<c>Carbon:Telemetry</c>); without a listener a measurement costs a check and nothing else.
/// Durations are milliseconds. This namespace uses none of the service's own: every part may reach it.
/// </summary>
public static class CarbonTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "Carbon";

    public static readonly Meter Meter = new(Name, "1.0");

    public static readonly ActivitySource Source = new(Name, "1.0");

    /// <summary>Bucket bounds for a count of writes in one transaction (the writer takes at most 256 at once).</summary>
    private static readonly int[] WriteBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 1024, 4096];

    /// <summary>Bucket bounds for durations in milliseconds, from a quick commit to a long evaluation run.</summary>
    private static readonly double[] MillisecondBuckets = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000, 300_000];

    /// <summary>台账提交 Ledger transactions committed by this process.</summary>
    public static readonly Counter<long> LedgerCommits = Meter.CreateCounter<long>("carbon.ledger.commits", "{commit}",
        "Ledger transactions committed (group commit: one per batch of writes)");

    /// <summary>
    /// Writes per commit: each caller's write (one filing through the API, an evaluation run, an audit entry…) counts one,
    /// a row write (an import's firm) counts its filings.
    /// </summary>
    public static readonly Histogram<int> LedgerCommitWrites = Meter.CreateHistogram("carbon.ledger.commit.writes", "{write}",
        "Writes (filings) committed together in one ledger transaction", advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = WriteBuckets });

    /// <summary>From opening the context to the commit's return, i.e. including the fsync.</summary>
    public static readonly Histogram<double> LedgerCommitDuration = Meter.CreateHistogram("carbon.ledger.commit.duration", "ms",
        "Time one ledger transaction takes, fsync included", advice: Milliseconds());

    /// <summary>数据导入 Imports committed, by outcome: committed (every month taken), partial (some failed), stopped.</summary>
    public static readonly Counter<long> Imports = Meter.CreateCounter<long>("carbon.imports", "{import}",
        "Import files committed to the ledger, by outcome");

    public static readonly Histogram<double> ImportDuration = Meter.CreateHistogram("carbon.import.duration", "ms",
        "Time an import's commit takes, by outcome", advice: Milliseconds());

    /// <summary>亩均评价 Evaluation runs, by outcome (done, failed).</summary>
    public static readonly Histogram<double> EvaluationDuration = Meter.CreateHistogram("carbon.evaluation.duration", "ms",
        "Time an evaluation run takes (gathering, storing, scoring), by outcome", advice: Milliseconds());

    public static readonly Histogram<int> EvaluationFirms = Meter.CreateHistogram("carbon.evaluation.firms", "{firm}",
        "Firms in one evaluation run", advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [10, 50, 100, 500, 1000, 5000, 10_000, 50_000] });

    /// <summary>证书生成 PDF renders (issuing and regenerating), by kind.</summary>
    public static readonly Counter<long> CertificateRenders = Meter.CreateCounter<long>("carbon.certificate.renders", "{render}",
        "Certificate PDFs rendered, by kind");

    public static readonly Histogram<double> CertificateRenderDuration = Meter.CreateHistogram("carbon.certificate.render.duration", "ms",
        "Time one certificate PDF takes to render, by kind", advice: Milliseconds());

    /// <summary>Milliseconds since <paramref name="start"/> (a <see cref="Stopwatch.GetTimestamp"/>).</summary>
    public static double MillisecondsSince(long start) => Stopwatch.GetElapsedTime(start).TotalMilliseconds;

    private static InstrumentAdvice<double> Milliseconds() => new() { HistogramBucketBoundaries = MillisecondBuckets };
}
