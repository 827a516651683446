using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Carbon.Reliability;

/// <summary>
/// The built service (<c>Carbon.Server.dll</c>, beside this program) started as a user starts it, in a child process:
/// <c>dotnet Carbon.Server.dll --urls http://127.0.0.1:{free port} --Carbon:DataDirectory={folder}
/// --Carbon:Silo:SiloPort={free port} {extra arguments}</c>. It can be waited for, killed with SIGKILL and restarted on
/// the same data folder and ports. The extra arguments are any configuration (<c>--demo</c>, <c>--Carbon:Database:…</c>
/// for PostgreSQL, …), so that a cluster trial can start several of them on one database.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    /// <summary>
    /// Every child started and not yet disposed: killed when this program exits or gets Ctrl+C. (Seen once: a SIGTERM to
    /// this program left its child running; kill the child by its pid then.)
    /// </summary>
    private static readonly ConcurrentDictionary<ServerProcess, bool> Running = new();

    static ServerProcess()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
        Console.CancelKeyPress += (_, _) => KillAll();
    }

    private static void KillAll()
    {
        foreach (var server in Running.Keys)
        {
            try
            {
                server._process?.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
        }
    }

    private readonly string[] _extraArguments;
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    public ServerProcess(string dataDirectory, params string[] extraArguments)
    {
        DataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(DataDirectory);
        _extraArguments = extraArguments;
        HttpPort = FreePort();
        SiloPort = FreePort();
    }

    public string DataDirectory { get; }

    public int HttpPort { get; }

    public int SiloPort { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>The SQLite ledger in the data folder (when the provider is SQLite).</summary>
    public string LedgerPath => Path.Combine(DataDirectory, "carbon.db");

    /// <summary>The one-time setup code the service printed on its first start on an empty ledger, if it did.</summary>
    public string? SetupCode { get; private set; }

    public int? Pid => _process is { HasExited: false } p ? p.Id : null;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last lines the process wrote (stdout and stderr), for a report when something goes wrong.</summary>
    public string Tail(int lines = 20) => string.Join(Environment.NewLine, _output.TakeLast(lines));

    /// <summary>Starts the process and returns once <c>/openapi/v1.json</c> answers 200 (or throws when it exits or times out).</summary>
    public async Task<TimeSpan> StartAsync(TimeSpan? timeout = null)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("the service is already running");
        }
        var dll = Path.Combine(AppContext.BaseDirectory, "Carbon.Server.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = DataDirectory,
        };
        foreach (var arg in new[]
                 {
                     dll, "--urls", $"http://127.0.0.1:{HttpPort}", "--Carbon:DataDirectory", DataDirectory,
                     "--Carbon:Silo:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--Logging:LogLevel:Default", "Warning",
                 }.Concat(_extraArguments))
        {
            start.ArgumentList.Add(arg);
        }
        SetupCode = null;   // printed again only by a start on a ledger without accounts
        var started = Stopwatch.StartNew();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        Running[this] = true;
        await WaitUntilAnswersAsync(timeout ?? TimeSpan.FromSeconds(300));
        return started.Elapsed;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }
        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }
        if (SetupCodePattern().Match(line) is { Success: true } m)
        {
            SetupCode = m.Groups[1].Value;
        }
    }

    [GeneratedRegex(@"one-time setup code\): ([A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4})")]
    private static partial Regex SetupCodePattern();

    private async Task WaitUntilAnswersAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process is not { HasExited: false })
            {
                throw new InvalidOperationException($"the service exited with {_process?.ExitCode}:{Environment.NewLine}{Tail()}");
            }
            try
            {
                if ((await http.GetAsync("/openapi/v1.json")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the service did not answer within {timeout.TotalSeconds} s:{Environment.NewLine}{Tail()}");
    }

    /// <summary>SIGKILL (<see cref="Process.Kill()"/>): no shutdown code runs; waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
    }

    /// <summary>Kills (if running) and starts again on the same data folder and ports.</summary>
    public async Task<TimeSpan> RestartAsync()
    {
        await KillAsync();
        _process?.Dispose();
        _process = null;
        return await StartAsync();
    }

    /// <summary>The child's working set in MB (refreshed), or null when it is not running.</summary>
    public double? WorkingSetMb()
    {
        if (_process is not { HasExited: false } p)
        {
            return null;
        }
        p.Refresh();
        return p.WorkingSet64 / (1024.0 * 1024.0);
    }

    /// <summary>
    /// The child's resident memory split as Linux counts it (<c>/proc/{pid}/status</c>): anonymous pages (the GC heap,
    /// native allocations, JIT code) and file-backed pages (mapped assemblies and libraries), in MB; null elsewhere.
    /// </summary>
    public (double AnonymousMb, double FileMb)? ResidentMb()
    {
        if (Pid is not { } pid || !OperatingSystem.IsLinux())
        {
            return null;
        }
        try
        {
            var kb = File.ReadLines($"/proc/{pid}/status")
                .Select(l => l.Split(':', 2))
                .Where(p => p.Length == 2 && p[0] is "RssAnon" or "RssFile")
                .ToDictionary(p => p[0], p => double.Parse(p[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
            return (kb.GetValueOrDefault("RssAnon") / 1024, kb.GetValueOrDefault("RssFile") / 1024);
        }
        catch (IOException)
        {
            return null;   // exited between the check and the read
        }
    }

    public async ValueTask DisposeAsync()
    {
        Running.TryRemove(this, out _);
        await KillAsync();
        _process?.Dispose();
        _process = null;
    }

    /// <summary>A TCP port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
