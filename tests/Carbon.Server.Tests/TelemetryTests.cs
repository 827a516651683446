using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Carbon.Domain.Access;
using Carbon.Server.Configuration;
using Carbon.Server.Ledger;
using Carbon.Server.Telemetry;
using Carbon.Server.Tests.Infrastructure;
using Carbon.Sheets;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Carbon.Server.Tests;

/// <summary>
/// Telemetry (遥测): the "Carbon" meter records ledger commits, imports, evaluations and certificate renders as they
/// happen through the API; GET /metrics serves them (and Orleans' own) in Prometheus format when configured, to
/// officials only, and does not exist otherwise; nothing is exported by default; the operations page shows silos, grain
/// counts, hot grains and the ledger writer to officials and to nobody else.
/// </summary>
public class TelemetryTests
{
    [Fact]
    public async Task Filings_an_import_an_evaluation_and_a_certificate_are_measured_through_the_api()
    {
        using var recorder = new Recorder();
        using var folder = new TempFolder();
        await using var app = new CarbonApp(folder.Path);
        var http = await app.OfficialAsync();
        var writer = app.Services.GetRequiredService<LedgerWriter>();
        var commitsBefore = writer.Commits;

        var uscc = await http.FirmAsync(months2023: 3);   // 15 filings, each its own write
        Assert.True(writer.Commits - commitsBefore >= 15, $"{writer.Commits - commitsBefore} commits for 15 filings");
        Assert.True(writer.WritesCommitted >= writer.Commits);
        Assert.True(writer.LastCommitMilliseconds > 0);
        Assert.True(recorder.Sum("carbon.ledger.commits") >= 15);
        Assert.Contains(recorder.Values("carbon.ledger.commit.writes"), w => w >= 1);
        Assert.Contains(recorder.Values("carbon.ledger.commit.duration"), ms => ms > 0);

        var run = await (await http.PostAsJsonAsync("/api/evaluations", new { year = 2023, method = "huangyan-2022" })).JsonAsync();
        Assert.Contains(recorder.Measurements("carbon.evaluation.duration"), m => m.Value > 0 && m.Tag("outcome") == "done");
        Assert.Contains(recorder.Values("carbon.evaluation.firms"), firms => firms >= 1);

        await http.IssueAsync(new { kind = "annual-report", uscc, year = 2023, partial = true });
        Assert.Contains(recorder.Measurements("carbon.certificate.renders"), m => m.Value == 1 && m.Tag("kind") == "annual-report");
        Assert.Contains(recorder.Measurements("carbon.certificate.render.duration"), m => m.Value > 0 && m.Tag("kind") == "annual-report");
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/evaluations/{run["id"]!.GetValue<string>()}")).StatusCode);

        var id = await ImportOneMonthAsync(http, uscc);
        await Eventually.ValueAsync(() => Task.FromResult(recorder.Measurements("carbon.imports").Any(m => m.Tag("outcome") == "committed")), found => found);
        Assert.Contains(recorder.Measurements("carbon.import.duration"), m => m.Value > 0 && m.Tag("outcome") == "committed");
        Assert.NotEmpty(id);
    }

    [Fact]
    public async Task With_prometheus_on_metrics_serves_carbon_and_orleans_figures_to_officials_only()
    {
        using var folder = new TempFolder();
        await using var app = new CarbonApp(folder.Path, settings: new Dictionary<string, string?> { ["Carbon:Telemetry:Prometheus"] = "true" });
        var http = await app.OfficialAsync();
        await http.FirmAsync(months2023: 1);

        var response = await http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("carbon_ledger_commits_total", text);
        Assert.Contains("carbon_ledger_commit_writes_bucket", text);
        Assert.Contains("carbon_ledger_commit_duration_milliseconds_bucket", text);
        Assert.Contains("orleans_catalog_activations", text);                // Orleans' own meter
        Assert.Contains("http_server_request_duration_seconds", text);      // ASP.NET Core
        Assert.Contains("dotnet_gc_collections_total", text);               // the runtime

        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        var filer = await app.ClientAsync("metrics-filer", Role.Filer, firms: [TestUscc.Next()]);
        Assert.Equal(HttpStatusCode.Forbidden, (await filer.GetAsync("/metrics")).StatusCode);
        var auditor = await app.ClientAsync("metrics-auditor", Role.Auditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/metrics")).StatusCode);
        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<TracerProvider>());   // traces go to an OTLP collector only
    }

    [Fact]
    public async Task By_default_nothing_is_exported_and_there_is_no_metrics_endpoint()
    {
        using var folder = new TempFolder();
        await using var app = new CarbonApp(folder.Path);
        var http = await app.OfficialAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/metrics")).StatusCode);
        Assert.Null(app.Services.GetService<MeterProvider>());
        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task An_otlp_endpoint_sends_traces_to_the_collector_and_maps_no_metrics_endpoint()
    {
        // A stand-in collector (OTLP over HTTP): it answers every export 200 and notes the paths posted to.
        var port = FreePort.Next();
        using var collector = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        collector.Start();
        var posted = new ConcurrentQueue<string>();
        _ = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                try
                {
                    var context = await collector.GetContextAsync();
                    posted.Enqueue(context.Request.Url!.AbsolutePath);
                    context.Response.StatusCode = 200;
                    context.Response.Close();
                }
                catch (Exception) when (!collector.IsListening)
                {
                    return;
                }
            }
        });

        using var folder = new TempFolder();
        await using var app = new CarbonApp(folder.Path, settings: new Dictionary<string, string?>
        {
            ["Carbon:Telemetry:Otlp:Endpoint"] = $"http://127.0.0.1:{port}",
            ["Carbon:Telemetry:Otlp:Protocol"] = "http/protobuf",
        });
        var http = await app.OfficialAsync();
        await http.FirmAsync(months2023: 1);
        Assert.NotNull(app.Services.GetService<MeterProvider>());
        Assert.NotNull(app.Services.GetService<TracerProvider>());
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/metrics")).StatusCode);
        // The batch span processor sends every five seconds.
        await Eventually.ValueAsync(() => Task.FromResult(posted.Contains("/v1/traces")), found => found, timeoutMs: 20_000);
    }

    [Fact]
    public void An_http_otlp_endpoint_is_a_base_each_signal_adds_its_path_to()
    {
        var http = new OtlpOptions { Endpoint = "https://otel.example.test:4318/", Protocol = "http/protobuf" };
        Assert.Equal("https://otel.example.test:4318/v1/metrics", Hosting.TelemetrySetup.OtlpEndpoint(http, "v1/metrics").ToString());
        Assert.Equal("https://otel.example.test:4318/v1/traces", Hosting.TelemetrySetup.OtlpEndpoint(http, "v1/traces").ToString());
        var grpc = new OtlpOptions { Endpoint = "http://127.0.0.1:4317" };
        Assert.Equal("http://127.0.0.1:4317/", Hosting.TelemetrySetup.OtlpEndpoint(grpc, "v1/traces").ToString());
    }

    [Theory]
    [InlineData("collector:4317", "grpc", null, "Telemetry:Otlp:Endpoint")]
    [InlineData("ftp://collector:4317", "grpc", null, "Telemetry:Otlp:Endpoint")]
    [InlineData("http://127.0.0.1:4318", "http", null, "Telemetry:Otlp:Protocol")]
    [InlineData("http://127.0.0.1:4317", "grpc", "api-key", "Telemetry:Otlp:Headers")]
    public void Bad_telemetry_settings_stop_the_service_with_their_key(string endpoint, string protocol, string? headers, string key)
    {
        var options = new CarbonOptions { Telemetry = { Otlp = { Endpoint = endpoint, Protocol = protocol, Headers = headers } } };
        var result = new CarbonOptionsValidator().Validate(options);
        Assert.Equal([key], result.Errors.Select(e => e.PropertyName));
        Assert.True(new CarbonOptionsValidator().Validate(new CarbonOptions()).IsValid);
        Assert.True(new CarbonOptionsValidator().Validate(new CarbonOptions
        {
            Telemetry = { Prometheus = true, Otlp = { Endpoint = "https://otel.example.test:4318", Protocol = "http/protobuf", Headers = "api-key=x,tenant=carbon" } },
        }).IsValid);
    }

    [Fact]
    public async Task The_operations_page_shows_officials_the_silo_grain_counts_hot_grains_and_the_ledger_writer()
    {
        using var folder = new TempFolder();
        await using var app = new CarbonApp(folder.Path);
        var http = await app.OfficialAsync();
        var uscc = await http.FirmAsync(months2023: 2);
        for (var i = 0; i < 5; i++)
        {
            await http.GetAsync($"/api/enterprises/{uscc}");
        }

        var page = await http.GetStringAsync("/operations");
        var silo = app.Services.GetRequiredService<Orleans.Runtime.ILocalSiloDetails>().SiloAddress.ToString();
        Assert.Contains("运行状况 <small>Operations</small>", page);
        Assert.Contains(silo, page);
        Assert.Contains("运行 active", page);
        Assert.Contains("Carbon.Server.Grains.EnterpriseGrain</td>", page);              // a grain type with its activations
        Assert.Contains($"enterprise/{uscc}", page);                                       // the firm's grain, called just now
        Assert.Contains("提交次数 Commits", page);
        Assert.Contains("href=\"/operations\"", page);                                     // the official's navigation

        var filer = await app.ClientAsync("ops-filer", Role.Filer, firms: [uscc]);
        Assert.Equal(HttpStatusCode.Forbidden, (await filer.GetAsync("/operations")).StatusCode);
        Assert.DoesNotContain("href=\"/operations\"", await filer.GetStringAsync("/messages"));
        var inspector = await app.ClientAsync("ops-inspector", Role.Inspector);
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync("/operations")).StatusCode);
    }

    [Fact]
    public void Hot_grains_are_counted_over_the_last_minute_within_a_bound()
    {
        var now = 1_000_000L;
        var hot = new HotGrains(() => now);
        var a = GrainId.Create("enterprise", "A");
        var b = GrainId.Create("enterprise", "B");
        for (var i = 0; i < 3; i++)
        {
            hot.Count(a);
        }
        hot.Count(b);
        hot.Count(GrainId.Create("sys.svc.load-publisher", "127.0.0.1:11111@1"));   // a system target: not counted
        now += 30_000;
        hot.Count(b);
        hot.Count(b);
        hot.Count(b);
        Assert.Equal([("enterprise/B", 4L), ("enterprise/A", 3L)], hot.Top(5).Select(e => (e.Grain, e.Calls)));
        Assert.Equal(7L, hot.Calls);
        Assert.Equal("enterprise", hot.Top(1)[0].Type);

        now += 35_000;   // a's calls are more than a minute old; b's later ones are not
        Assert.Equal([("enterprise/B", 3L)], hot.Top(5).Select(e => (e.Grain, e.Calls)));
        now += 60_000;
        Assert.Empty(hot.Top(5));
        Assert.Equal(0L, hot.Calls);

        for (var i = 0; i < HotGrains.MaxGrainsPerSlot + 10; i++)
        {
            hot.Count(GrainId.Create("policy", i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        Assert.Equal(HotGrains.MaxGrainsPerSlot, hot.Top(int.MaxValue).Count);
        Assert.Equal(10L, hot.Uncounted);
        Assert.Equal(HotGrains.MaxGrainsPerSlot + 10L, hot.Calls);
    }

    /// <summary>One month of the firm through Carbon's own template (CSV), checked and committed; the import's id.</summary>
    private static async Task<string> ImportOneMonthAsync(HttpClient http, string uscc)
    {
        var template = SheetFiles.Read(await http.GetByteArrayAsync("/api/imports/template"));
        var header = template[0].Rows[0].Cells;
        var keys = header.Select(h => Carbon.Server.Features.Intake.CarbonTemplate.KeyOf(h)).ToList();
        object? Cell(string? key) => key switch
        {
            "uscc" => uscc,
            "month" => "2026-09",
            "electricity" => 150_000m,
            "waterM3" => 600m,
            "outputValue" => 1_200m,
            "valueAdded" => 300m,
            "revenue" => 1_250m,
            "taxPaid" => 45m,
            "employees" => 85,
            _ => null,
        };
        var rows = new List<IReadOnlyList<object?>> { header.Cast<object?>().ToList(), keys.Select(Cell).ToList() };
        var file = SheetFiles.Write(SheetFormat.Csv, [new GridOut("t", rows)]);
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(file) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } }, "file", "telemetry.csv" },
        };
        var created = await http.PostAsync("/api/imports", form);
        Assert.True(created.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.JsonAsync())["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync($"/api/imports/{id}/commit", null)).StatusCode);
        await Eventually.JsonAsync(http, $"/api/imports/{id}", j => j["state"]!.GetValue<string>() == "committed");
        return id;
    }

    /// <summary>
    /// Every measurement of the "Carbon" meter while it lives. The meter is the process's, so services of other tests
    /// running at the same time add theirs: assertions ask for at least what this test caused, never exactly.
    /// </summary>
    private sealed class Recorder : IDisposable
    {
        public sealed record Measurement(string Instrument, double Value, KeyValuePair<string, object?>[] Tags)
        {
            public string? Tag(string key) => Tags.FirstOrDefault(t => t.Key == key).Value as string;
        }

        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<Measurement> _seen = new();

        public Recorder()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == CarbonTelemetry.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => _seen.Enqueue(new(i.Name, v, tags.ToArray())));
            _listener.SetMeasurementEventCallback<int>((i, v, tags, _) => _seen.Enqueue(new(i.Name, v, tags.ToArray())));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => _seen.Enqueue(new(i.Name, v, tags.ToArray())));
            _listener.Start();
        }

        public IEnumerable<Measurement> Measurements(string instrument) => _seen.Where(m => m.Instrument == instrument);

        public IEnumerable<double> Values(string instrument) => Measurements(instrument).Select(m => m.Value);

        public double Sum(string instrument) => Values(instrument).Sum();

        public void Dispose() => _listener.Dispose();
    }
}
