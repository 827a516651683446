using System.Net;
using System.Net.Sockets;

namespace Carbon.Server.Tests.Infrastructure;

/// <summary>A clock the tests set: "now" is 2026-11-28 10:00 in Zhejiang unless a test moves it.</summary>
public sealed class FixedTime : TimeProvider
{
    public DateTimeOffset Now { get; set; } = new(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8));

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}

public static class FreePort
{
    /// <summary>A TCP port nobody listens on right now (each test host needs its own silo and gateway ports).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A fresh folder under the temp directory, removed when disposed.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "carbon-tests", Guid.NewGuid().ToString("N"));

    public TempFolder() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a closing host; the OS temp cleaner takes it.
        }
    }
}

/// <summary>Valid USCCs for tests: 91 + 330212 (鄞州) + an organisation code, with the GB 32100 check character.</summary>
public static class TestUscc
{
    private static int _next = 500;

    public static string Next() => Demo.DemoDistrict.Uscc(Interlocked.Increment(ref _next));
}
