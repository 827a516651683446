namespace Carbon.Reliability;

/// <summary>
/// A child service on the demo district (<c>--demo</c>: every kind of record exists, accounts for every role), with
/// an official's and an inspector's clients; started once the ledger stops growing (the demo seeds after it answers).
/// </summary>
public sealed class DemoService : IAsyncDisposable
{
    private DemoService(ServerProcess server, string folder, HttpClient official, HttpClient inspector)
    {
        Server = server;
        Folder = folder;
        Official = official;
        Inspector = inspector;
    }

    public ServerProcess Server { get; }

    public string Folder { get; }

    public HttpClient Official { get; }

    public HttpClient Inspector { get; }

    public static async Task<DemoService?> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"carbon-demo-{Guid.NewGuid():N}");
        var server = new ServerProcess(folder, [.. Api.NoRateLimits, "--demo", "--Carbon:Reminders:Enabled", "false"]);
        try
        {
            var startup = await server.StartAsync();
            await LedgerSnapshot.SettledAsync(server.LedgerPath, TimeSpan.FromSeconds(120));
            Console.WriteLine($"demo service up in {startup.TotalSeconds:F1} s (pid {server.Pid}, data {folder})");
            var official = await Api.OfficialAsync(server, demo: true);
            var inspector = Api.Client(server);
            await Api.SignInAsync(inspector, "inspector", "Demo-inspector-2026");
            return new DemoService(server, folder, official, inspector);
        }
        catch (Exception e)
        {
            Console.WriteLine($"the demo service did not start: {e.Message}{Environment.NewLine}{server.Tail()}");
            await server.DisposeAsync();
            KillTrials.TryDelete(folder);
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Official.Dispose();
        Inspector.Dispose();
        await Server.DisposeAsync();
        KillTrials.TryDelete(Folder);
    }
}
