namespace Carbon.Web.Tests.Infrastructure;

/// <summary>
/// A fact that drives a real browser: Debian's Chromium at <see cref="Chromium.Path"/> (installed by .ci/run with
/// apt); skipped, and reported as skipped, where it is missing. Playwright never downloads a browser of its own.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.Available)
        {
            Skip = $"no Chromium at {Chromium.Path}: install it (`apt-get install chromium`, as .ci/run does) " +
                   "or set CARBON_TEST_CHROMIUM to a Chromium or Chrome binary to run";
        }
    }
}

public static class Chromium
{
    /// <summary>The browser binary: CARBON_TEST_CHROMIUM if set, else Debian's /usr/bin/chromium.</summary>
    public static string Path { get; } = Environment.GetEnvironmentVariable("CARBON_TEST_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    public static bool Available => File.Exists(Path);
}
