namespace Carbon.Domain.LandUse;

/// <summary>
/// One step of a parcel's life as the ledger keeps it: the event, its day, the state and holder after it, and what the
/// event carries — a lessee and the 亩 it leases, a disposal's kind and 亩, the remedy enforced.
/// </summary>
public sealed record ParcelStep(ParcelEvent Event, DateOnly On, ParcelState State, string Holder, string? Lessee = null, decimal? Mu = null,
    DisposalKind? Disposal = null, string? Remedy = null);

/// <summary>A breach of the contract (违约): from the failed review until a passed review or repossession, with the remedies enforced.</summary>
public sealed record BreachCase(DateOnly OpenedOn, IReadOnlyList<(string Remedy, DateOnly On)> Enforced, DateOnly? ClosedOn);

/// <summary>
/// A parcel as its steps leave it on a day: state and holder, its lessees and the 亩 each leases, whether it stands confirmed
/// as low-efficiency land, the disposal under way, every disposal, and its breach cases.
/// </summary>
public sealed record ParcelStanding(ParcelState State, string Holder, IReadOnlyDictionary<string, decimal> Lessees, bool LowEfficiency,
    Disposal? OpenDisposal, IReadOnlyList<Disposal> Disposals, IReadOnlyList<BreachCase> Breaches)
{
    /// <summary>The breach case still open, if any.</summary>
    public BreachCase? OpenBreach => Breaches.Count > 0 && Breaches[^1].ClosedOn is null ? Breaches[^1] : null;
}

/// <summary>What a firm uses of one parcel on a day: as its holder (the area less what is leased out) or as a lessee.</summary>
public sealed record LandShare(string ParcelCode, decimal Mu, bool Leased);

/// <summary>
/// The side of a parcel's life that does not move its lifecycle state: leases, low-efficiency findings and their
/// disposals, and the remedies enforced in a breach — and, from them, each firm's 亩均 land on a day.
/// </summary>
public static class ParcelHistory
{
    /// <summary>The parcel after the steps dated on or before <paramref name="asOf"/> (all of them when null); null before its grant.</summary>
    public static ParcelStanding? Standing(string code, IEnumerable<ParcelStep> steps, DateOnly? asOf = null)
    {
        ParcelStep? last = null;
        var lessees = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var low = false;
        Disposal? open = null;
        var disposals = new List<Disposal>();
        var breaches = new List<BreachCase>();
        foreach (var s in steps.Where(s => asOf is null || s.On <= asOf))
        {
            last = s;
            switch (s.Event)
            {
                case ParcelEvent.Lease when s.Lessee is { } l:
                    lessees[l] = s.Mu ?? 0m;
                    break;
                case ParcelEvent.EndLease when s.Lessee is { } l:
                    lessees.Remove(l);
                    break;
                case ParcelEvent.MarkLowEfficiency:
                    low = true;
                    break;
                case ParcelEvent.ClearLowEfficiency:
                    low = false;
                    break;
                case ParcelEvent.StartDisposal:
                    open = new Disposal(code, s.Disposal ?? DisposalKind.Upgrade, s.Mu ?? 0m, null, s.On);
                    disposals.Add(open);
                    break;
                case ParcelEvent.CompleteDisposal when open is not null:
                    disposals[^1] = open with { CompletedOn = s.On };
                    (open, low) = (null, false);
                    break;
                case ParcelEvent.FailReview when breaches.Count == 0 || breaches[^1].ClosedOn is not null:
                    breaches.Add(new BreachCase(s.On, [], null));
                    break;
                case ParcelEvent.EnforceRemedy when breaches.Count > 0 && breaches[^1].ClosedOn is null && s.Remedy is { } remedy:
                    breaches[^1] = breaches[^1] with { Enforced = [.. breaches[^1].Enforced, (remedy, s.On)] };
                    break;
                case ParcelEvent.PassReview when breaches.Count > 0 && breaches[^1].ClosedOn is null:
                    breaches[^1] = breaches[^1] with { ClosedOn = s.On };
                    break;
            }
            if (s.State == ParcelState.Repossessed)
            {
                lessees.Clear();
                if (breaches.Count > 0 && breaches[^1].ClosedOn is null)
                {
                    breaches[^1] = breaches[^1] with { ClosedOn = s.On };   // a completed 收回 ends the breach as a repossession does
                }
            }
        }
        return last is null ? null : new ParcelStanding(last.State, last.Holder, lessees, low, open, disposals, breaches);
    }

    /// <summary>
    /// Why <paramref name="next"/> may not happen to a parcel standing as <paramref name="now"/> (null: it may), for the
    /// events the lifecycle leaves to the parcel's condition: a lease to a firm other than the holder, not already a lessee,
    /// within the area not yet leased; ending a lease that exists; confirming a finding not yet confirmed, and clearing one
    /// with no disposal under way; a disposal only of confirmed low-efficiency land, one at a time, of at most the parcel's
    /// area; completing only a disposal under way (and no repossession beside it: a 收回 under way is completed); enforcing only
    /// a remedy the contract agreed, once per breach.
    /// </summary>
    public static (string Field, string Message)? Refusal(ParcelStanding now, ParcelStep next, decimal areaMu, IReadOnlyList<string> remedies) => next.Event switch
    {
        ParcelEvent.Lease when next.Lessee is not { } lessee || lessee == now.Holder => ("lessee", "出租须给出用地企业以外的承租企业 (a lessee other than the holder)"),
        ParcelEvent.Lease when now.Lessees.ContainsKey(next.Lessee!) => ("lessee", "该企业已承租此地块 (already a lessee of this parcel)"),
        ParcelEvent.Lease when next.Mu is not > 0m || now.Lessees.Values.Sum() + next.Mu > areaMu =>
            ("mu", $"出租面积须大于 0 且不超过未出租的 {areaMu - now.Lessees.Values.Sum()} 亩 (mu: above 0, within the area not leased)"),
        ParcelEvent.EndLease when next.Lessee is not { } l || !now.Lessees.ContainsKey(l) => ("lessee", "该企业不是此地块的承租企业 (not a lessee of this parcel)"),
        ParcelEvent.MarkLowEfficiency when now.LowEfficiency => ("event", "已认定为低效用地 (already confirmed as low-efficiency land)"),
        ParcelEvent.ClearLowEfficiency when !now.LowEfficiency => ("event", "未认定为低效用地 (not confirmed as low-efficiency land)"),
        ParcelEvent.ClearLowEfficiency when now.OpenDisposal is not null => ("event", "处置进行中，不能撤销认定 (a disposal is under way)"),
        ParcelEvent.StartDisposal when !now.LowEfficiency => ("event", "只有认定的低效用地才能处置 (only confirmed low-efficiency land is disposed of)"),
        ParcelEvent.StartDisposal when now.OpenDisposal is not null => ("event", "已有处置在进行 (a disposal is already under way)"),
        ParcelEvent.StartDisposal when next.Disposal is null => ("disposal", "须给出处置方式 (how it is disposed of)"),
        ParcelEvent.StartDisposal when next.Mu is not > 0m || next.Mu > areaMu =>
            ("mu", $"处置面积须大于 0 且不超过地块面积 {areaMu} 亩 (mu: above 0, at most the parcel)"),
        ParcelEvent.CompleteDisposal when now.OpenDisposal is null => ("event", "没有进行中的处置 (no disposal under way)"),
        ParcelEvent.Repossess when now.OpenDisposal is not null =>
            ("event", "处置进行中：以“处置完成”（收回）结束它 (a disposal is under way: complete it, a 收回 repossesses)"),
        ParcelEvent.EnforceRemedy when now.OpenBreach is null => ("event", "没有未结的违约 (no open breach)"),
        ParcelEvent.EnforceRemedy when next.Remedy is not { } r || !remedies.Contains(r, StringComparer.Ordinal) =>
            ("remedy", $"违约处理须为合同约定之一：{string.Join("；", remedies)} (one of the contract's remedies)"),
        ParcelEvent.EnforceRemedy when now.OpenBreach!.Enforced.Any(e => e.Remedy == next.Remedy) => ("remedy", "本次违约已执行该项处理 (already enforced in this breach)"),
        _ => null,
    };

    /// <summary>The events the parcel's condition leaves open (besides its lifecycle's): what <see cref="Refusal"/> would not refuse outright.</summary>
    public static IReadOnlyList<ParcelEvent> Open(ParcelStanding now)
    {
        var open = new List<ParcelEvent>();
        if (now.State == ParcelState.Repossessed)
        {
            return open;
        }
        open.Add(ParcelEvent.Lease);
        if (now.Lessees.Count > 0) { open.Add(ParcelEvent.EndLease); }
        if (!now.LowEfficiency) { open.Add(ParcelEvent.MarkLowEfficiency); }
        if (now.LowEfficiency && now.OpenDisposal is null) { open.AddRange([ParcelEvent.ClearLowEfficiency, ParcelEvent.StartDisposal]); }
        if (now.OpenDisposal is not null) { open.Add(ParcelEvent.CompleteDisposal); }
        if (now.OpenBreach is not null) { open.Add(ParcelEvent.EnforceRemedy); }
        return open;
    }

    /// <summary>The state after a completed disposal: a 收回 ends the parcel; any other disposal leaves it as it was.</summary>
    public static ParcelState AfterDisposal(ParcelState state, DisposalKind kind) => kind == DisposalKind.Reclaim ? ParcelState.Repossessed : state;

    /// <summary>
    /// Each firm's land from the parcel register on <paramref name="asOf"/> (亩均 用地: where the register holds a firm's land
    /// of a kind, held or leased, it replaces the profile's figure for that kind): the holder of a live parcel uses its area
    /// less what is leased out; each lessee the 亩 it leases. A parcel not yet granted, or repossessed, gives no one land.
    /// </summary>
    /// <remarks>
    /// 亩均论英雄 用地面积: a lessee without land of its own is evaluated on its leased area (Cixi's method, 慈亩均办〔2022〕49号);
    /// taking the leased area off the lessor's, so that no 亩 counts twice, is our reading (docs/land-and-rectification.md).
    /// </remarks>
    public static Dictionary<string, List<LandShare>> FirmLand(IEnumerable<(string Code, decimal AreaMu, IReadOnlyList<ParcelStep> Steps)> parcels, DateOnly asOf)
    {
        var land = new Dictionary<string, List<LandShare>>(StringComparer.Ordinal);
        void Add(string firm, LandShare share)
        {
            if (!land.TryGetValue(firm, out var list))
            {
                land[firm] = list = [];
            }
            list.Add(share);
        }
        foreach (var (code, area, steps) in parcels)
        {
            if (Standing(code, steps, asOf) is not { } s || s.State == ParcelState.Repossessed)
            {
                continue;
            }
            Add(s.Holder, new LandShare(code, Math.Max(0m, area - s.Lessees.Values.Sum()), false));
            foreach (var (lessee, mu) in s.Lessees)
            {
                Add(lessee, new LandShare(code, mu, true));
            }
        }
        return land;
    }
}
