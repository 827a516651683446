namespace Carbon.Server.Tests.Infrastructure;

/// <summary>
/// A test class with a service of its own (fresh data directory), for tests whose assertions need to know every
/// firm registered — district sums, evaluations, targets, registers.
/// </summary>
public abstract class OwnService : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    protected CarbonApp App { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new CarbonApp(_folder.Path);
        Http = await App.OfficialAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _folder.Dispose();
    }
}
