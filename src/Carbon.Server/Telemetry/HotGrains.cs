using System.Collections.Concurrent;

namespace Carbon.Server.Telemetry;

/// <summary>
/// 热点 grain: the grains of this silo called most over the last minute. An incoming grain call filter counts each call
/// against its grain in one of six ten-second slots; a slot older than a minute is replaced whole. Each slot holds at
/// most <see cref="MaxGrainsPerSlot"/> grains (system targets are left out) (calls to further grains in that slot go uncounted, and are summed in
/// <see cref="Uncounted"/>), so memory stays bounded whatever the load. A call costs one dictionary update.
/// </summary>
public sealed class HotGrains : IIncomingGrainCallFilter
{
    public const int MaxGrainsPerSlot = 4096;

    private const int Slots = 6;
    private const long SlotMilliseconds = 10_000;

    private readonly Slot?[] _slots = new Slot?[Slots];
    private readonly Func<long> _now;

    public HotGrains()
        : this(() => Environment.TickCount64)
    {
    }

    /// <summary>With a clock of monotonic milliseconds (tests).</summary>
    public HotGrains(Func<long> now) => _now = now;

    /// <summary>One grain and its calls over the window.</summary>
    public sealed record Entry(string Grain, string Type, long Calls);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        Count(context.TargetId);
        return context.Invoke();
    }

    /// <summary>Counts one call to <paramref name="grain"/>.</summary>
    public void Count(GrainId grain)
    {
        if (GrainTypePrefix.IsSystemTarget(grain))
        {
            return;   // the runtime's own system targets (load publisher, membership…) are not grains of this service
        }
        var epoch = _now() / SlotMilliseconds;
        var index = (int)(epoch % Slots);
        var slot = _slots[index];
        if (slot is null || slot.Epoch != epoch)
        {
            var fresh = new Slot(epoch);
            slot = Interlocked.CompareExchange(ref _slots[index], fresh, slot) == slot ? fresh : _slots[index]!;
        }
        // ConcurrentDictionary.Count takes every lock: the slot keeps its own count of grains instead. Racing first calls
        // may take a slot a few grains past the bound, never further.
        if (slot.Calls.ContainsKey(grain))
        {
            slot.Calls.AddOrUpdate(grain, 1, static (_, n) => n + 1);
        }
        else if (Volatile.Read(ref slot.Grains) >= MaxGrainsPerSlot)
        {
            Interlocked.Increment(ref slot.Uncounted);
        }
        else if (slot.Calls.TryAdd(grain, 1))
        {
            Interlocked.Increment(ref slot.Grains);
        }
        else
        {
            slot.Calls.AddOrUpdate(grain, 1, static (_, n) => n + 1);
        }
    }

    /// <summary>The <paramref name="top"/> grains called most in the last minute, most called first.</summary>
    public IReadOnlyList<Entry> Top(int top)
    {
        var epoch = _now() / SlotMilliseconds;
        var sums = new Dictionary<GrainId, long>();
        foreach (var slot in Live(epoch))
        {
            foreach (var (grain, calls) in slot.Calls)
            {
                sums[grain] = sums.GetValueOrDefault(grain) + calls;
            }
        }
        return sums.OrderByDescending(s => s.Value).ThenBy(s => s.Key.ToString(), StringComparer.Ordinal).Take(top)
            .Select(s => new Entry(s.Key.ToString(), s.Key.Type.ToString() ?? "", s.Value)).ToList();
    }

    /// <summary>Calls in the last minute, counted or not.</summary>
    public long Calls => Live(_now() / SlotMilliseconds).Sum(s => s.Calls.Values.Sum(v => (long)v) + Interlocked.Read(ref s.Uncounted));

    /// <summary>Calls in the last minute to grains beyond a slot's bound.</summary>
    public long Uncounted => Live(_now() / SlotMilliseconds).Sum(s => Interlocked.Read(ref s.Uncounted));

    private IEnumerable<Slot> Live(long epoch) =>
        _slots.OfType<Slot>().Where(s => s.Epoch > epoch - Slots && s.Epoch <= epoch);

    private sealed class Slot(long epoch)
    {
        public long Epoch { get; } = epoch;

        public ConcurrentDictionary<GrainId, int> Calls { get; } = new();

        public int Grains;

        public long Uncounted;
    }
}
