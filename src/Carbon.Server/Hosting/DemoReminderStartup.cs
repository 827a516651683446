using Carbon.Server.Configuration;
using Carbon.Server.Features.Warnings;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Hosting;

/// <summary>
/// In demo mode, once started: today's reminders, so the demo filers find a message in their account at once instead of at
/// the next daily run. Running it again the same day adds nothing.
/// </summary>
public sealed class DemoReminderStartup(
    IHostApplicationLifetime lifetime, IOptions<CarbonOptions> options, ReminderService reminders, ILogger<DemoReminderStartup> log)
    : DemoSeedAfterStart(lifetime, options, log)
{
    protected override string What => "today's reminders";

    protected override async Task SeedAsync()
    {
        var run = await reminders.RunAsync();
        log.LogInformation("--demo: {Messages} reminder messages left in filers' accounts", run.Messages);
    }
}
