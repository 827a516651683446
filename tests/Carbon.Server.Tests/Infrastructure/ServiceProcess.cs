using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Carbon.Server.Tests.Infrastructure;

/// <summary>A fact that needs Linux's /proc (listening sockets of a process, file modes); skipped elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "reads /proc and Unix file modes: Linux only";
        }
    }
}

/// <summary>
/// The built service started as a user starts it (<c>dotnet Carbon.Server.dll --urls … --Carbon:…</c>) in a process of
/// its own, up once its HTTP port answers; killed (it and its children) when disposed.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stderr;

    private ServiceProcess(Process process, int httpPort, string dataDirectory)
    {
        _process = process;
        HttpPort = httpPort;
        DataDirectory = dataDirectory;
        _stderr = process.StandardError.ReadToEndAsync();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lock (_output)
                {
                    _output.Add(line);
                }
            }
        };
        process.BeginOutputReadLine();
    }

    private readonly List<string> _output = [];

    /// <summary>The lines the service has written to its console (standard output) so far.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>Stops the service as an operator or systemd does (SIGTERM) and waits for it to exit; its exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", Pid.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit();   // the end of the redirected output
        return _process.ExitCode;
    }

    public int Pid => _process.Id;

    public int HttpPort { get; }

    public string DataDirectory { get; }

    /// <summary>Whether the ledger (the SQLite file, read-only beside the running service) holds an enterprise.</summary>
    public bool LedgerHasEnterprise(string uscc)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(
            $"Data Source={Path.Combine(DataDirectory, "carbon.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM enterprises WHERE Uscc = $uscc";
        command.Parameters.AddWithValue("$uscc", uscc);
        return (long)command.ExecuteScalar()! > 0;
    }

    public HttpClient Http { get; } = new();

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    public static async Task<ServiceProcess> StartAsync(string dataDirectory, params string[] args)
    {
        var httpPort = FreePort.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var arg in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "Carbon.Server.dll"), "--urls", $"http://127.0.0.1:{httpPort}",
                     "--Carbon:DataDirectory", dataDirectory, "--Carbon:PublicBaseUrl", CarbonApp.PublicBaseUrl,
                     "--Logging:LogLevel:Default", "Warning",
                 }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        var service = new ServiceProcess(Process.Start(start)!, httpPort, dataDirectory);
        service.Http.BaseAddress = service.BaseAddress;
        var until = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < until)
        {
            if (service._process.HasExited)
            {
                throw new InvalidOperationException($"the service exited with {service._process.ExitCode}: {await service._stderr}");
            }
            try
            {
                if ((await service.Http.GetAsync("/openapi/v1.json")).StatusCode == HttpStatusCode.OK)
                {
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        await service.DisposeAsync();
        throw new TimeoutException("the service did not answer on its HTTP port within 90 s");
    }

    /// <summary>
    /// Every TCP socket the process listens on, read from /proc: its socket inodes (<c>/proc/{pid}/fd</c>) matched
    /// with the LISTEN rows of <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c>.
    /// </summary>
    public IReadOnlyList<IPEndPoint> ListeningSockets()
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fd in Directory.EnumerateFiles($"/proc/{Pid}/fd"))
        {
            if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                inodes.Add(target["socket:[".Length..^1]);
            }
        }
        var listening = new List<IPEndPoint>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                const string Listen = "0A";
                if (f.Length > 9 && f[3] == Listen && inodes.Contains(f[9]))
                {
                    listening.Add(ParseEndpoint(f[1]));
                }
            }
        }
        return listening;
    }

    /// <summary>"0100007F:2B67" (IPv4) or 32 hex digits (IPv6), each 32-bit word in the kernel's little-endian order.</summary>
    private static IPEndPoint ParseEndpoint(string text)
    {
        var (address, port) = (text[..text.IndexOf(':')], text[(text.IndexOf(':') + 1)..]);
        var bytes = Convert.FromHexString(address);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }
        return new IPEndPoint(new IPAddress(bytes), int.Parse(port, NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
