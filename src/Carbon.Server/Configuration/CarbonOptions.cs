using Carbon.Domain.Accounting;
using FluentValidation;

namespace Carbon.Server.Configuration;

/// <summary>The <c>Carbon</c> configuration section.</summary>
public sealed class CarbonOptions
{
    public const string Section = "Carbon";

    /// <summary>
    /// The section bound strictly: a key that names no setting (a typo, or a setting that moved) stops the service
    /// instead of being ignored.
    /// </summary>
    public static CarbonOptions Read(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection(Section).Get<CarbonOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new CarbonOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new Microsoft.Extensions.Options.OptionsValidationException(Section, typeof(CarbonOptions), [$"{Section}: {e.Message}"]);
        }
    }

    /// <summary>Where the ledger (SQLite) and keys live. Relative paths are relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Where the factor files are; by default the <c>factors</c> folder beside the built service.</summary>
    public string? FactorsDirectory { get; set; }

    /// <summary>The grid-factor region (华东 by default: the district is in Zhejiang).</summary>
    public string GridRegion { get; set; } = "east-china";

    /// <summary>Which standard-coal figure energy intensity uses: "equivalent" (等价值) or "calorific" (当量值).</summary>
    public string EnergyIntensityBasis { get; set; } = "equivalent";

    public DatabaseOptions Database { get; set; } = new();

    public SiloOptions Silo { get; set; } = new();

    public CertificateOptions Certificates { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    public SmtpOptions Smtp { get; set; } = new();

    public ReminderOptions Reminders { get; set; } = new();

    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>Where <c>dotnet run</c> listens, and so the <see cref="PublicBaseUrl"/> of a service nobody configured.</summary>
    public const string DefaultPublicBaseUrl = "http://localhost:5214";

    /// <summary>The address the verification URL in each certificate's QR code points at.</summary>
    public string PublicBaseUrl { get; set; } = DefaultPublicBaseUrl;

    /// <summary>The setting's full key, which a refusal to issue names: the public address is the thing to fix.</summary>
    public const string PublicBaseUrlKey = $"{Section}:{nameof(PublicBaseUrl)}";

    /// <summary>The page a certificate's QR code and printed link open: <c>{PublicBaseUrl}/verify/{number}</c>.</summary>
    public string VerificationUrl(string number) => $"{PublicBaseUrl.TrimEnd('/')}/verify/{Uri.EscapeDataString(number)}";

    /// <summary>
    /// Why this service may not issue certificates, or null: a <see cref="PublicBaseUrl"/> on this machine (the
    /// localhost default, or any loopback address) would print a QR code nobody else can open. Demo mode may.
    /// </summary>
    public string? IssuingRefusal =>
        Demo || !Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out var url) || !url.IsLoopback
            ? null
            : $"Carbon:PublicBaseUrl 仍是本机地址 {PublicBaseUrl}，证书上的二维码和核验链接公众无法打开；请将 Carbon:PublicBaseUrl 设为公众访问本服务的地址" +
              $"（演示时以 --demo 启动）(Carbon:PublicBaseUrl is still the local address {PublicBaseUrl}: set Carbon:PublicBaseUrl to the " +
              "address the public will use to reach this service, or start with --demo for a demonstration)";

    public string CertificateKeyPath => Path.GetFullPath(Certificates.KeyPath ?? Path.Combine(DataPath, "keys", "certificate-signing-key.pem"));

    /// <summary>Seed the demo district into an empty ledger at start (<c>--demo</c>).</summary>
    public bool Demo { get; set; }

    public EnergyBasis EnergyBasis => EnergyIntensityBasis == "calorific" ? EnergyBasis.Calorific : EnergyBasis.Equivalent;

    /// <summary>True when silos find each other through the database (several machines).</summary>
    public bool UsesAdoNetClustering => (Silo.Clustering ?? (Database.IsPostgres ? "adonet" : "localhost")) == "adonet";

    public string FactorsPath => Path.GetFullPath(FactorsDirectory ?? Path.Combine(AppContext.BaseDirectory, "factors"));

    public string DataPath => Path.GetFullPath(DataDirectory);
}

public sealed class DatabaseOptions
{
    /// <summary>"sqlite" (embedded default) or "postgres" (several machines).</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>Required for postgres; for sqlite the ledger is <c>{DataDirectory}/carbon.db</c> unless given.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => Provider == "postgres";
}

public sealed class CertificateOptions
{
    /// <summary>The signing key (PEM); by default <c>{DataDirectory}/keys/certificate-signing-key.pem</c>.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The issuing authority printed on certificates.</summary>
    public string Issuer { get; set; } = "区经济和信息化局";

    /// <summary>How long a green-factory certificate is valid (UNVERIFIED: the MIIT tiers review every three years).</summary>
    public int GreenFactoryValidityYears { get; set; } = 3;
}

public sealed class SiloOptions
{
    /// <summary>
    /// Silo-to-silo port. With one silo (localhost clustering) it listens on 127.0.0.1 only; with several (adonet) on
    /// the host's address, and then only with <see cref="Tls"/>.
    /// </summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>
    /// The Orleans client gateway: 0 (the default) opens none. The service's own HTTP endpoints call grains inside the
    /// process; a gateway would let any Orleans client call grains without the HTTP validators, so it is opened only when
    /// configured, on the silo's address (127.0.0.1 with one silo).
    /// </summary>
    public int GatewayPort { get; set; }

    public bool OpensGateway => GatewayPort != 0;

    /// <summary>TLS on the silo and gateway ports (Microsoft.Orleans.Connections.Security); required with adonet clustering.</summary>
    public SiloTlsOptions Tls { get; set; } = new();

    public string ClusterId { get; set; } = "carbon";

    public string ServiceId { get; set; } = "carbon";

    /// <summary>
    /// "localhost" (one silo) or "adonet" (membership in the PostgreSQL database, for several silos). Defaults to
    /// "adonet" with PostgreSQL and "localhost" with SQLite.
    /// </summary>
    public string? Clustering { get; set; }
}

/// <summary>
/// How many requests a caller may make per <see cref="WindowSeconds"/>: a signed-in account counts on its own, an
/// anonymous caller by IP address, with separate counts for reads, writes and certificate verification (the public,
/// anonymous entrance). A caller over a limit is answered 429 with Retry-After.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>The window each count runs over; it starts again empty at the end of each window.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>Every request of one signed-in account.</summary>
    public int Authenticated { get; set; } = 1200;

    /// <summary>Anonymous reads (GET, HEAD, OPTIONS) from one IP address.</summary>
    public int AnonymousReads { get; set; } = 600;

    /// <summary>Anonymous writes (POST, PUT, PATCH, DELETE) from one IP address.</summary>
    public int AnonymousWrites { get; set; } = 120;

    /// <summary>Anonymous certificate verification from one IP address: the /verify pages and POST /api/certificates/verify.</summary>
    public int AnonymousVerifications { get; set; } = 30;
}

/// <summary>
/// Where reminder emails go out (<c>Carbon:Smtp</c>). No host: no email, the reminder stays a message in the account.
/// STARTTLS is used when the server offers it; <see cref="RequireTls"/> refuses a server that does not.
/// </summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    /// <summary>The sender, as "name &lt;address&gt;" or an address.</summary>
    public string From { get; set; } = "Carbon <carbon@localhost>";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool RequireTls { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}

/// <summary>When the daily reminders go out (<c>Carbon:Reminders</c>): an hour of the day, China time; off when <see cref="Enabled"/> is false.</summary>
public sealed class ReminderOptions
{
    public bool Enabled { get; set; } = true;

    public int Hour { get; set; } = 9;
}

/// <summary>
/// 遥测 (<c>Carbon:Telemetry</c>): where OpenTelemetry metrics and traces go. Both off by default: a fresh start reaches
/// no network and maps no /metrics.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>Maps GET /metrics (Prometheus text format; district officials' tokens, docs/security.md).</summary>
    public bool Prometheus { get; set; }

    public OtlpOptions Otlp { get; set; } = new();
}

/// <summary>The OTLP exporter (<c>Carbon:Telemetry:Otlp</c>): metrics and traces pushed to a collector; off while no endpoint is set.</summary>
public sealed class OtlpOptions
{
    /// <summary>The collector, e.g. http://127.0.0.1:4317 (grpc) or http://127.0.0.1:4318 (http/protobuf); empty: off.</summary>
    public string? Endpoint { get; set; }

    /// <summary>"grpc" (the default) or "http/protobuf".</summary>
    public string Protocol { get; set; } = "grpc";

    /// <summary>OTLP headers, "key=value,key=value" (e.g. an API key the collector asks for).</summary>
    public string? Headers { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);
}

/// <summary>
/// The certificate every silo of a cluster presents and accepts (mutual TLS, pinned: a peer must present this same
/// certificate). PEM files; the key may be in the certificate file or in <see cref="KeyPath"/>.
/// </summary>
public sealed class SiloTlsOptions
{
    public string? CertificatePath { get; set; }

    public string? KeyPath { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(CertificatePath);
}

/// <summary>Configuration is input too: a bad value stops the service with the key and the reason.</summary>
public sealed class CarbonOptionsValidator : AbstractValidator<CarbonOptions>
{
    public CarbonOptionsValidator()
    {
        RuleFor(o => o.DataDirectory).NotEmpty();
        RuleFor(o => o.GridRegion).NotEmpty().Matches("^[a-z][a-z-]*$")
            .WithMessage("'{PropertyName}' is a lower-case region token such as east-china or national");
        RuleFor(o => o.EnergyIntensityBasis).Must(b => b is "equivalent" or "calorific")
            .WithMessage("'{PropertyName}' must be 'equivalent' (等价值) or 'calorific' (当量值)");
        RuleFor(o => o.Database.Provider).Must(p => p is "sqlite" or "postgres")
            .OverridePropertyName("Database:Provider")
            .WithMessage("'Database:Provider' must be 'sqlite' or 'postgres'");
        RuleFor(o => o.Database.ConnectionString).NotEmpty().When(o => o.Database.IsPostgres)
            .OverridePropertyName("Database:ConnectionString")
            .WithMessage("'Database:ConnectionString' is required for postgres");
        RuleFor(o => o.Silo.SiloPort).InclusiveBetween(1, 65535).OverridePropertyName("Silo:SiloPort");
        RuleFor(o => o.Silo.GatewayPort).InclusiveBetween(0, 65535).OverridePropertyName("Silo:GatewayPort")
            .WithMessage("'Silo:GatewayPort' is 0 (no Orleans client gateway, the default) or a port 1..65535");
        RuleFor(o => o.Silo.GatewayPort).NotEqual(o => o.Silo.SiloPort).When(o => o.Silo.OpensGateway)
            .OverridePropertyName("Silo:GatewayPort").WithMessage("'Silo:GatewayPort' must differ from 'Silo:SiloPort'");
        RuleFor(o => o.Silo.Tls.CertificatePath).NotEmpty().When(o => o.UsesAdoNetClustering)
            .OverridePropertyName("Silo:Tls:CertificatePath")
            .WithMessage("'Silo:Tls:CertificatePath' is required with adonet clustering: silo-to-silo traffic crosses the network " +
                         "and must be TLS (see docs/security.md)");
        RuleFor(o => o.Silo.Tls.KeyPath).Null().When(o => !o.Silo.Tls.Enabled)
            .OverridePropertyName("Silo:Tls:KeyPath").WithMessage("'Silo:Tls:KeyPath' goes with 'Silo:Tls:CertificatePath'");
        RuleFor(o => o.Silo.ServiceId).NotEmpty().OverridePropertyName("Silo:ServiceId");
        RuleFor(o => o.Silo.ClusterId).NotEmpty().OverridePropertyName("Silo:ClusterId");
        RuleFor(o => o.Silo.Clustering).Must(c => c is null or "localhost" or "adonet").OverridePropertyName("Silo:Clustering")
            .WithMessage("'Silo:Clustering' must be 'localhost' or 'adonet'");
        RuleFor(o => o.Silo.Clustering).Must((o, c) => c != "adonet" || o.Database.IsPostgres).OverridePropertyName("Silo:Clustering")
            .WithMessage("'Silo:Clustering' adonet needs the postgres provider (its membership tables live in that database)");
        RuleFor(o => o.PublicBaseUrl).Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            .WithMessage("'PublicBaseUrl' is an absolute http(s) URL");
        RuleFor(o => o.RateLimits.WindowSeconds).InclusiveBetween(1, 3600).OverridePropertyName("RateLimits:WindowSeconds")
            .WithMessage("'RateLimits:WindowSeconds' must be 1..3600");
        foreach (var (key, limit) in new (string, System.Linq.Expressions.Expression<Func<CarbonOptions, int>>)[]
                 {
                     ("RateLimits:Authenticated", o => o.RateLimits.Authenticated),
                     ("RateLimits:AnonymousReads", o => o.RateLimits.AnonymousReads),
                     ("RateLimits:AnonymousWrites", o => o.RateLimits.AnonymousWrites),
                     ("RateLimits:AnonymousVerifications", o => o.RateLimits.AnonymousVerifications),
                 })
        {
            RuleFor(limit).InclusiveBetween(1, 100_000_000).OverridePropertyName(key)
                .WithMessage($"'{key}' is a number of requests per window, 1..100000000");
        }
        RuleFor(o => o.Certificates.Issuer).NotEmpty().OverridePropertyName("Certificates:Issuer");
        RuleFor(o => o.Smtp.Port).InclusiveBetween(1, 65535).OverridePropertyName("Smtp:Port");
        RuleFor(o => o.Smtp.From).Must(f => MimeKit.MailboxAddress.TryParse(f, out _)).OverridePropertyName("Smtp:From")
            .WithMessage("Smtp:From is an address, or \"name <address>\"");
        RuleFor(o => o.Smtp.Password).Null().When(o => string.IsNullOrEmpty(o.Smtp.UserName)).OverridePropertyName("Smtp:Password")
            .WithMessage("Smtp:Password without Smtp:UserName");
        RuleFor(o => o.Reminders.Hour).InclusiveBetween(0, 23).OverridePropertyName("Reminders:Hour");
        RuleFor(o => o.Telemetry.Otlp.Endpoint)
            .Must(e => Uri.TryCreate(e, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0)
            .When(o => o.Telemetry.Otlp.Enabled).OverridePropertyName("Telemetry:Otlp:Endpoint")
            .WithMessage("'Telemetry:Otlp:Endpoint' is empty (no OTLP export, the default) or an absolute http(s) URL such as http://127.0.0.1:4317");
        RuleFor(o => o.Telemetry.Otlp.Protocol).Must(p => p is "grpc" or "http/protobuf").OverridePropertyName("Telemetry:Otlp:Protocol")
            .WithMessage("'Telemetry:Otlp:Protocol' must be 'grpc' or 'http/protobuf'");
        RuleFor(o => o.Telemetry.Otlp.Headers)
            .Must(h => h!.Split(',').All(p => p.IndexOf('=') > 0))
            .When(o => !string.IsNullOrEmpty(o.Telemetry.Otlp.Headers)).OverridePropertyName("Telemetry:Otlp:Headers")
            .WithMessage("'Telemetry:Otlp:Headers' is key=value pairs separated by commas");
        RuleFor(o => o.Certificates.GreenFactoryValidityYears).InclusiveBetween(1, 10).OverridePropertyName("Certificates:GreenFactoryValidityYears");
    }
}

/// <summary>Runs <see cref="CarbonOptionsValidator"/> when options are first read (and at start).</summary>
public sealed class CarbonOptionsValidation : Microsoft.Extensions.Options.IValidateOptions<CarbonOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, CarbonOptions options)
    {
        var result = new CarbonOptionsValidator().Validate(options);
        return result.IsValid
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Success
            : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(
                result.Errors.Select(e => $"Carbon:{e.PropertyName}: {e.ErrorMessage}"));
    }
}
