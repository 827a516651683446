using System.Diagnostics;
using System.Globalization;

namespace Carbon.Reliability;

/// <summary>
/// A PostgreSQL server for one run: Debian's binaries (<c>/usr/lib/postgresql/N/bin</c>), <c>initdb</c> into a temporary
/// folder, started on a free loopback port, stopped and deleted at the end. PostgreSQL refuses to run as root, so as root
/// the folder is given to the <c>postgres</c> user and the binaries run as it (<c>runuser</c>).
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    private ThrowawayPostgres(string bin, string folder, int port)
    {
        _bin = bin;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The ledger's database (<c>carbon</c>), as the service's <c>Carbon:Database:ConnectionString</c>.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=carbon";

    /// <summary>The newest installed PostgreSQL's binaries, or null when there is none.</summary>
    public static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb")) && File.Exists(Path.Combine(b, "pg_ctl")))
                .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException("no PostgreSQL binaries under /usr/lib/postgresql (apt-get install postgresql)");
        var folder = Path.Combine(Path.GetTempPath(), $"carbon-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var server = new ThrowawayPostgres(bin, folder, ServerProcess.FreePort());
        if (Environment.IsPrivilegedProcess)
        {
            await RunAsync("chown", "postgres", folder);
        }
        await server.ToolAsync("initdb", "-D", server.Data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync");
        await server.ToolAsync("pg_ctl", "-D", server.Data, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "-o",
            $"-p {server.Port} -c listen_addresses=127.0.0.1 -k {folder} -c max_connections=200", "start");
        await server.PsqlAsync("postgres", "CREATE DATABASE carbon");
        return server;
    }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>One query's result as text (psql -tA), against the <c>carbon</c> database by default.</summary>
    public Task<string> PsqlAsync(string database, string sql) =>
        ToolAsync("psql", "-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", database, "-tAc", sql);

    public Task<string> QueryAsync(string sql) => PsqlAsync("carbon", sql);

    private Task<string> ToolAsync(string tool, params string[] args)
    {
        var path = Path.Combine(_bin, tool);
        return Environment.IsPrivilegedProcess ? RunAsync("runuser", ["-u", "postgres", "--", path, .. args]) : RunAsync(path, args);
    }

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
        }
        return (await output).Trim();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ToolAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped; the folder goes anyway.
        }
        Directory.Delete(_folder, recursive: true);
    }
}
