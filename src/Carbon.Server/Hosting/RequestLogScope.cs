using System.Collections;
using System.Diagnostics;

namespace Carbon.Server.Hosting;

/// <summary>
/// Every log line written while a request is served carries the request's correlation id and the account it came from
/// (日志关联号与账号), so that a warning can be tied to the person and the call that caused it. The id is the caller's
/// <c>X-Correlation-Id</c> when it sends a well-formed one (a gateway's, or a client's retry of the same action), else
/// the request's W3C trace id; it is echoed in the response either way, and is the <c>traceId</c> of a problem answer.
/// </summary>
public sealed class RequestLogScope(RequestDelegate next, ILogger<RequestLogScope> log)
{
    public const string Header = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext http)
    {
        var id = WellFormed(http.Request.Headers[Header].ToString()) ?? Activity.Current?.TraceId.ToHexString() ?? http.TraceIdentifier;
        http.TraceIdentifier = id;
        http.Response.Headers[Header] = id;
        var account = http.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "-";
        using (log.BeginScope(new Scope(id, account)))
        {
            await next(http);
        }
    }

    /// <summary>1–64 characters of letters, digits, '-', '_', '.' and ':' — nothing that could forge a log line.</summary>
    public static string? WellFormed(string? value) =>
        value is { Length: > 0 and <= 64 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':') ? value : null;

    /// <summary>Named properties for structured (JSON) logs, one short phrase for the plain console.</summary>
    private sealed class Scope(string correlationId, string account) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _items = [new("CorrelationId", correlationId), new("Account", account)];

        public KeyValuePair<string, object?> this[int index] => _items[index];

        public int Count => _items.Length;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => $"correlation {correlationId} account {account}";
    }
}

/// <summary>
/// The console says what happened, not how the libraries work. These levels are the lowest layer of configuration:
/// appsettings.json, environment variables and the command line (<c>--Logging:LogLevel:Orleans=Information</c>) override
/// them, and they hold wherever the service is started from (appsettings.json is read from the working folder).
/// </summary>
public static class CarbonLogDefaults
{
    public static readonly IReadOnlyDictionary<string, string?> Levels = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["Logging:LogLevel:Orleans"] = "Warning",
        // Orleans 10 runs grain placement through a Polly resilience pipeline, which logs every execution at information.
        ["Logging:LogLevel:Polly"] = "Warning",
        // "No XML encryptor configured": the data-protection keys are kept in the ledger on purpose (every silo shares
        // them, a backup holds them); the ledger's file is owner-only and its backups must be kept as carefully
        // (docs/operations.md). An error from the key manager still shows.
        ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager"] = "Error",
    };

    /// <summary>Puts <see cref="Levels"/> under every other configuration source.</summary>
    public static void AddCarbonLogDefaults(this IConfigurationBuilder configuration) =>
        configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = Levels });
}
