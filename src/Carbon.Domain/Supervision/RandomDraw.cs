namespace Carbon.Domain.Supervision;

/// <summary>One firm drawn and the inspectors drawn for it.</summary>
public sealed record DrawnPair(string Uscc, IReadOnlyList<string> Inspectors);

/// <summary>
/// 双随机、一公开 (国办发〔2015〕58号): firms drawn at random from the pool and inspectors drawn at random from the roster
/// for each, excluding an inspector with a declared conflict with that firm. Reproducible: the same seed, pool and roster
/// give the same draw on any machine (the pool and roster are sorted first; the generator is SplitMix64, written out
/// here, not <see cref="Random"/>, whose algorithm is not promised across .NET versions).
/// </summary>
public static class RandomDraw
{
    public static IReadOnlyList<DrawnPair> Draw(ulong seed, IEnumerable<string> pool, int firms, IEnumerable<string> roster,
        int inspectorsPerFirm, IReadOnlySet<(string Inspector, string Uscc)> conflicts)
    {
        var rng = new SplitMix64(seed);
        var candidates = pool.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var inspectors = roster.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var drawn = new List<DrawnPair>();
        foreach (var uscc in Shuffle(candidates, rng).Take(firms))
        {
            var eligible = inspectors.Where(i => !conflicts.Contains((i, uscc))).ToList();
            if (eligible.Count < inspectorsPerFirm)
            {
                throw new InvalidOperationException(
                    $"名录中无冲突的监察员不足 {inspectorsPerFirm} 名 (fewer than {inspectorsPerFirm} inspectors without a conflict for {uscc})");
            }
            drawn.Add(new DrawnPair(uscc, Shuffle(eligible, rng).Take(inspectorsPerFirm).ToList()));
        }
        return drawn;
    }

    /// <summary>Fisher–Yates from the end, each index from <see cref="SplitMix64.Below"/>.</summary>
    private static List<string> Shuffle(List<string> items, SplitMix64 rng)
    {
        var a = items.ToList();
        for (var i = a.Count - 1; i > 0; i--)
        {
            var j = (int)rng.Below((ulong)i + 1);
            (a[i], a[j]) = (a[j], a[i]);
        }
        return a;
    }

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014): 64-bit state, one add and three xor-shift-multiplies per number.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        /// <summary>Uniform in [0, n) without modulo bias (rejection of the top partial range).</summary>
        public ulong Below(ulong n)
        {
            var limit = ulong.MaxValue - ulong.MaxValue % n;
            ulong x;
            do
            {
                x = Next();
            }
            while (x >= limit);
            return x % n;
        }
    }
}
