using Carbon.Server.Configuration;
using Carbon.Server.Http;
using Carbon.Server.Telemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Carbon.Server.Hosting;

/// <summary>
/// OpenTelemetry (遥测): metrics from the service ("Carbon"), Orleans ("Microsoft.Orleans"), ASP.NET Core and the
/// runtime; traces from the service, Orleans grain calls ("Microsoft.Orleans.Application")
/// and ASP.NET Core. Exported only where <c>Carbon:Telemetry</c> says: OTLP to a collector when an endpoint is set,
/// Prometheus at GET /metrics when asked. With neither (the default) no provider is built and nothing listens.
/// The hot-grain counter behind the operations page runs in every case.
/// </summary>
public static class TelemetrySetup
{
    /// <summary>The path of the Prometheus scrape endpoint.</summary>
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddCarbonTelemetry(this WebApplicationBuilder builder, CarbonOptions options)
    {
        var services = builder.Services;
        services.AddSingleton<HotGrains>();
        services.AddSingleton<IIncomingGrainCallFilter>(sp => sp.GetRequiredService<HotGrains>());

        var telemetry = options.Telemetry;
        if (!telemetry.Prometheus && !telemetry.Otlp.Enabled)
        {
            return builder;
        }
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("carbon", serviceInstanceId: Environment.MachineName + ":" + options.Silo.SiloPort))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(CarbonTelemetry.Name, "Microsoft.Orleans")
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation();
                if (telemetry.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
                if (telemetry.Otlp.Enabled)
                {
                    metrics.AddOtlpExporter(o => Otlp(o, telemetry.Otlp, "v1/metrics"));
                }
            });
        if (telemetry.Otlp.Enabled)
        {
            // Traces go to a collector only: Prometheus takes no traces.
            otel.WithTracing(tracing => tracing
                .AddSource(CarbonTelemetry.Name, "Microsoft.Orleans.Application")
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments(MetricsPath))
                .AddOtlpExporter(o => Otlp(o, telemetry.Otlp, "v1/traces")));
        }
        return builder;
    }

    /// <summary>Grain calls carry the caller's trace context (W3C), so a request's trace runs on through the grains.</summary>
    public static ISiloBuilder UseCarbonTracing(this ISiloBuilder silo, CarbonOptions options)
    {
        if (options.Telemetry.Otlp.Enabled)
        {
            silo.AddActivityPropagation();
        }
        return silo;
    }

    /// <summary>
    /// GET /metrics, only when <c>Carbon:Telemetry:Prometheus</c> is true (else there is no such endpoint: 404). Behind
    /// the access matrix like every door: a district official's token (docs/security.md).
    /// </summary>
    public static WebApplication MapCarbonTelemetry(this WebApplication app, CarbonOptions options)
    {
        if (options.Telemetry.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(MetricsPath)
                .WithMetadata(new HttpMethodMetadata([HttpMethods.Get]))
                .ExcludeFromDescription();
        }
        return app;
    }

    /// <summary>
    /// The exporter's endpoint: the collector's address as configured for gRPC; for http/protobuf that address is the base
    /// and the signal's path (v1/metrics, v1/traces) is added, as OTEL_EXPORTER_OTLP_ENDPOINT would be read, because an
    /// endpoint set in code is used as it stands.
    /// </summary>
    public static Uri OtlpEndpoint(OtlpOptions options, string signalPath) => options.Protocol == "http/protobuf"
        ? new Uri(options.Endpoint!.TrimEnd('/') + "/" + signalPath)
        : new Uri(options.Endpoint!);

    private static void Otlp(OtlpExporterOptions o, OtlpOptions options, string signalPath)
    {
        o.Endpoint = OtlpEndpoint(options, signalPath);
        o.Protocol = options.Protocol == "http/protobuf" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        if (!string.IsNullOrEmpty(options.Headers))
        {
            o.Headers = options.Headers;
        }
    }
}
