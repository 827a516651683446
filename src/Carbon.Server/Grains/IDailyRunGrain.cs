namespace Carbon.Server.Grains;

/// <summary>
/// The district's daily run (催报 reminders, then policies matched again), once a day at the configured hour, China time,
/// on whichever silo holds this grain. An Orleans reminder drives it: in a cluster the reminder is kept in PostgreSQL
/// (ADO.NET reminders), so the loss of the silo holding the grain moves the run, it does not skip it.
/// </summary>
public interface IDailyRunGrain : IGrainWithStringKey
{
    /// <summary>Registers (or moves) the daily reminder to the next <paramref name="hour"/>; removes it when not enabled.</summary>
    Task ScheduleAsync(bool enabled, int hour);
}

/// <summary>What the daily run does; declared here, done by the features (reminders, policy matching).</summary>
public interface IDailyWork
{
    Task RunAsync(CancellationToken cancel);
}

public static class DailyRunKeys
{
    public const string District = "district";
}
