using Carbon.Server.Hosting;

// `dotnet run --project src/Carbon.Server [-- --demo]`: the service on the embedded SQLite ledger in ./data.
// Operators' commands (docs/operations.md): each runs and exits without starting the service.
switch (args)
{
    case [KeyRotationCommand.Name, .. var rest]:
        return KeyRotationCommand.Run(rest, Console.Out, Console.Error);
    case [LedgerBackupCommands.Backup, .. var rest]:
        return LedgerBackupCommands.RunBackup(rest, Console.Out, Console.Error);
    case [LedgerBackupCommands.Restore, .. var rest]:
        return LedgerBackupCommands.RunRestore(rest, Console.Out, Console.Error);
    case [ArchiveVerifyCommand.Name, .. var rest]:
        return ArchiveVerifyCommand.Run(rest, Console.Out, Console.Error);
}
try
{
    var demo = args.Contains("--demo");
    var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
    if (demo)
    {
        builder.Configuration["Carbon:Demo"] = "true";
    }
    builder.AddCarbon();

    var app = builder.Build();
    app.MapCarbon();
    app.Lifetime.ApplicationStarted.Register(() =>
    {
        var urls = string.Join(", ", app.Urls);
        Console.WriteLine($"Carbon is listening on {urls}  (API reference: {app.Urls.FirstOrDefault()}/scalar)");
    });
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (CarbonHost.TryDescribeStartupFailure(e, out var problem))
{
    Console.Error.WriteLine(problem);
    return 2;
}

/// <summary>The entry point, visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
