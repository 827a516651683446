namespace Carbon.Server.Tests.Infrastructure;

/// <summary>Finds a program the tests run (qpdf, node) on PATH, as a shell would; null when it is not installed.</summary>
public static class OnPath
{
    public static string? Find(string program) => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .SelectMany(dir => new[] { Path.Combine(dir, program), Path.Combine(dir, program + ".exe") })
        .FirstOrDefault(File.Exists);
}
