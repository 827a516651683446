using Carbon.Server.Configuration;

namespace Carbon.Server.Grains;

[GrainType("daily-run")]
public sealed class DailyRunGrain(IDailyWork work, TimeProvider time, ILogger<DailyRunGrain> log) : Grain, IDailyRunGrain, IRemindable
{
    private const string Reminder = "daily";

    async Task IDailyRunGrain.ScheduleAsync(bool enabled, int hour)
    {
        if (!enabled)
        {
            if (await this.GetReminder(Reminder) is { } existing)
            {
                await this.UnregisterReminder(existing);
            }
            return;
        }
        var now = time.GetUtcNow().ToOffset(ReportingClock.Offset);
        var next = new DateTimeOffset(now.Date.AddHours(hour), ReportingClock.Offset);
        if (next <= now)
        {
            next = next.AddDays(1);
        }
        await this.RegisterOrUpdateReminder(Reminder, next - now, TimeSpan.FromDays(1));
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != Reminder)
        {
            return;
        }
        try
        {
            await work.RunAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "The daily run failed; it runs again tomorrow");
        }
    }
}
