using Carbon.Server.Accounts;
using Carbon.Server.Configuration;
using Carbon.Server.Demo;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Hosting;

/// <summary>
/// After the ledger is ready: in demo mode, one account per role; otherwise, on a ledger without accounts, the one-time
/// setup code, printed on the console.
/// </summary>
public sealed class AccountStartup(IServiceProvider services, IOptions<CarbonOptions> options, TimeProvider clock, ILogger<AccountStartup> log)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        if (options.Value.Demo)
        {
            await DemoAccounts.SeedAsync(scope.ServiceProvider.GetRequiredService<UserManager<AccountRecord>>(), db, log);
            return;
        }
        if (await AccountSetup.EnsureCodeAsync(db, clock, cancellationToken) is { } code)
        {
            var line = $"首次设置码 (one-time setup code): {code}  —  POST /api/setup {{\"code\":\"{code}\",\"userName\":…,\"displayName\":…,\"password\":…}} " +
                       "creates the first district official (区经信局).";
            Console.WriteLine(line);
            log.LogInformation("No accounts yet: the one-time setup code was printed on the console");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
