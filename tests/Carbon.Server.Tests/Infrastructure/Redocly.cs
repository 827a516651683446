using System.Diagnostics;

namespace Carbon.Server.Tests.Infrastructure;

/// <summary>
/// A fact that runs the pinned Redocly CLI (tools/redocly, installed by <c>npm ci --prefix tools/redocly</c>, which
/// .ci/run does) with Node.js; skipped, and reported as skipped, when either is missing.
/// </summary>
public sealed class RedoclyFactAttribute : FactAttribute
{
    public RedoclyFactAttribute()
    {
        if (Redocly.Node is null)
        {
            Skip = "install Node.js (node on PATH) to run";
        }
        else if (Redocly.RepoRoot is null || !File.Exists(Redocly.Cli))
        {
            Skip = "run `npm ci --prefix tools/redocly` to run";
        }
    }
}

public static class Redocly
{
    /// <summary>The folder holding Carbon.sln, found by walking up from the test binaries.</summary>
    public static string? RepoRoot { get; } = Repository.Find();

    public static string Cli => Path.Combine(RepoRoot!, "tools", "redocly", "node_modules", "@redocly", "cli", "bin", "cli.js");

    public static string Config => Path.Combine(RepoRoot!, "tools", "redocly", "redocly.yaml");

    public static string? Node { get; } = OnPath.Find("node");

    /// <summary>Runs <c>redocly lint --format=json</c> on a file; returns its JSON report (stdout) and its stderr.</summary>
    public static async Task<(string Report, string Errors)> LintAsync(string file)
    {
        var start = new ProcessStartInfo(Node!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(file)!,
            ArgumentList = { Cli, "lint", file, "--format=json", "--config", Config },
            Environment = { ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["REDOCLY_TELEMETRY"] = "off", ["NO_COLOR"] = "1" },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (await stdout, await stderr);
    }

}
