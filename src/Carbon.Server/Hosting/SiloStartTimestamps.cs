namespace Carbon.Server.Hosting;

/// <summary>
/// The clock Orleans' cluster membership and silo watchdog run on: the same time as <paramref name="clock"/>, with
/// timestamps counted from this provider's creation (the silo's start) rather than from the machine's boot.
/// <para>Why: Orleans 10.4's watchdog starts its platform thread before it stamps the component thread's first check,
/// so its first look reads a timestamp of 0 and warns "Participant check thread has not completed for {the machine's
/// uptime}" on most starts — a false alarm on every fresh console. Only the origin moves: every duration measured as a
/// difference of two timestamps is unchanged, and a real stall still warns.</para>
/// </summary>
public sealed class SiloStartTimestamps(TimeProvider clock) : TimeProvider
{
    private readonly long _origin = clock.GetTimestamp();

    public override long GetTimestamp() => clock.GetTimestamp() - _origin;

    public override long TimestampFrequency => clock.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        clock.CreateTimer(callback, state, dueTime, period);
}
