namespace Carbon.Server.Tests.Infrastructure;

/// <summary>One service for the API tests of a collection; tests use unique USCCs and park codes, so they share it.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public CarbonApp App { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new CarbonApp(_folder.Path);
        Client = await App.OfficialAsync();
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        _folder.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
