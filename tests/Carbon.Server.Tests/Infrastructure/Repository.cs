namespace Carbon.Server.Tests.Infrastructure;

/// <summary>The repository the tests run from (the folder holding Carbon.sln), for tests that read its docs and files.</summary>
public static class Repository
{
    /// <summary>The repository root, or null when the tests run outside a clone.</summary>
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Carbon.sln")))
            {
                return dir.FullName;
            }
        }
        return null;
    }

    public static string Root => Find() ?? throw new InvalidOperationException("Carbon.sln not found above the test folder");
}
