using System.Diagnostics;

namespace Carbon.Server.Tests.Infrastructure;

/// <summary>
/// A theory that runs qpdf (Debian package <c>qpdf</c>, which .ci/run installs); skipped, and reported as skipped,
/// when qpdf is not on PATH.
/// </summary>
public sealed class QpdfTheoryAttribute : TheoryAttribute
{
    public QpdfTheoryAttribute()
    {
        if (Qpdf.Executable is null)
        {
            Skip = "install qpdf (apt-get install qpdf; qpdf on PATH) to run";
        }
    }
}

public static class Qpdf
{
    public static string? Executable { get; } = OnPath.Find("qpdf");

    /// <summary>
    /// Runs <c>qpdf --check</c> on the bytes (written to a temporary file); its exit code (0 clean, 2 errors,
    /// 3 warnings only) and everything it printed, stdout and stderr together.
    /// </summary>
    public static async Task<(int ExitCode, string Output)> CheckAsync(byte[] pdf)
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "document.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        var start = new ProcessStartInfo(Executable!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "--check", file },
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
