using Carbon.Domain.Access;
using Carbon.Domain.Accounting;
using Carbon.Domain.Factors;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("park")]
public sealed class ParkGrain(RegistryReads reader, LedgerWriter writer, TimeProvider clock, FactorSet factors) : Grain, IParkGrain
{
    private readonly Dictionary<Uscc, MemberUpdate> _members = [];
    /// <summary>
    /// Each member-month's current revision only: the totals are in the month's sum, and an update carries the totals it
    /// replaces. (Keeping every member-month's totals cost about 1.6 KiB each: 1 GiB for 10 000 firms × 6 years.)
    /// </summary>
    private readonly Dictionary<(Uscc Uscc, YearMonth Month), int> _revisions = [];
    private readonly Dictionary<YearMonth, long> _revisionSums = [];
    private readonly MonthTotals _totals = new();
    private ParkRecord? _record;

    private string Code => this.GetPrimaryKeyString();

    private bool IsUnparked => Code == ParkKeys.Unparked;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!IsUnparked)
        {
            _record = await reader.FindParkAsync(Code);
            if (_record is null)
            {
                return;
            }
        }
        var fuels = await LoadMembersAsync();
        foreach (var current in await reader.LoadCurrentFilingsAsync(ParkCode, allParks: false))
        {
            Add(current, fuels);
        }
    }

    private string? ParkCode => IsUnparked ? null : Code;

    /// <summary>The members (their current profile revisions) and each one's fuel family.</summary>
    private async Task<Dictionary<Uscc, FuelBasis>> LoadMembersAsync()
    {
        var fuels = new Dictionary<Uscc, FuelBasis>();
        foreach (var m in await reader.LoadMembersAsync(ParkCode))
        {
            var uscc = Uscc.Parse(m.Uscc);
            _members[uscc] = new MemberUpdate(uscc, m.Scale, m.LandAreaMu);
            fuels[uscc] = factors.FuelBasisFor(m.IndustryCode);
        }
        return fuels;
    }

    /// <summary>A current filing read from the ledger, added to its month.</summary>
    private void Add(CurrentFiling current, Dictionary<Uscc, FuelBasis> fuels)
    {
        var filing = current.Filing.ToDomain();
        var uscc = Uscc.Parse(current.Filing.Uscc);
        _revisions[(uscc, filing.Month)] = current.Filing.Revision;
        _totals.Replace(filing.Month, null, ActivityTotals.From(filing, fuels.GetValueOrDefault(uscc) ?? factors.DefaultFuelBasis));
        _revisionSums[filing.Month] = _revisionSums.GetValueOrDefault(filing.Month) + current.Filing.Revision;
    }

    Task<ParkView?> IParkGrain.GetAsync(Caller caller) =>
        Task.FromResult(_record is null || !caller.CanReadPark(Code)
            ? null
            : new ParkView(_record.ToProfile(), _record.RegisteredAt, _record.RegisteredBy, _members.Count,
                _members.Values.Sum(m => m.LandAreaMu)));

    async Task<RegistrationStatus> IParkGrain.RegisterAsync(ParkProfile profile, Caller caller)
    {
        GrainGuards.RegisterPark(Code, profile, caller.Account);
        if (!caller.Administers)
        {
            return RegistrationStatus.NotAllowed;
        }
        var actor = caller.Account;
        if (_record is not null)
        {
            return RegistrationStatus.AlreadyRegistered;
        }
        if (IsUnparked)
        {
            throw new InvalidOperationException($"'{ParkKeys.Unparked}' is reserved");
        }
        var now = clock.GetUtcNow();
        var record = new ParkRecord { Code = Code, Name = profile.Name, Kind = profile.Kind, RegisteredAt = now, RegisteredBy = actor };
        await writer.WriteAsync(db =>
        {
            db.Parks.Add(record);
            db.AuditEvents.Add(new AuditEventRecord
            {
                At = now, Actor = actor, Action = "park.registered", Subject = Code, Detail = $"{profile.Name} ({profile.Kind})",
            });
        });
        _record = record;
        return RegistrationStatus.Registered;
    }

    Task IParkGrain.AddMemberAsync(MemberUpdate member)
    {
        _members[member.Uscc] = member;
        return Task.CompletedTask;
    }

    async Task IParkGrain.ApplyAsync(EnterpriseMonthUpdate update)
    {
        if (await ApplyAsync(update))
        {
            var feed = GrainFactory.GetGrain<IDistrictFeedGrain>(0);
            await feed.PushAsync(new ParkMonthUpdate(Code, update.Month, _revisionSums[update.Month], _totals[update.Month]));
        }
    }

    async Task IParkGrain.ApplyManyAsync(EnterpriseMonthUpdate[] updates)
    {
        var changed = new HashSet<YearMonth>();
        foreach (var u in updates)
        {
            if (await ApplyAsync(u))
            {
                changed.Add(u.Month);
            }
        }
        if (changed.Count == 0)
        {
            return;
        }
        var feed = GrainFactory.GetGrain<IDistrictFeedGrain>(0);
        await Task.WhenAll(changed.Select(m => feed.PushAsync(new ParkMonthUpdate(Code, m, _revisionSums[m], _totals[m]))));
    }

    Task<PeriodTotals?> IParkGrain.GetTotalsAsync(PeriodQuery query, Caller caller) =>
        Task.FromResult(caller.CanReadPark(Code) ? _totals.Period(query, []) : null);

    Task IParkGrain.RebuildAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>
    /// A member's month moves from the revision held to the update's: its previous totals are replaced by the new ones when
    /// the park holds the revision just before; a revision already held (a repeat, or older than what a ledger read gave)
    /// changes nothing; a gap (a revision in between never arrived) is closed by reading the month from the ledger, which
    /// holds the update's revision (written before it was sent). True when the park's figures changed.
    /// </summary>
    private async Task<bool> ApplyAsync(EnterpriseMonthUpdate update)
    {
        var key = (update.Uscc, update.Month);
        var held = _revisions.GetValueOrDefault(key);
        if (held >= update.Revision)
        {
            return false;
        }
        if (held == update.Revision - 1)
        {
            _revisions[key] = update.Revision;
            _totals.Replace(update.Month, held == 0 ? null : update.Previous, update.Totals);
            _revisionSums[update.Month] = _revisionSums.GetValueOrDefault(update.Month) + update.Revision - held;
            return true;
        }
        await ResumAsync(update.Month);
        return true;
    }

    /// <summary>One month of the park read again from the ledger: every member's current revision and the sum.</summary>
    private async Task ResumAsync(YearMonth month)
    {
        var fuels = await LoadMembersAsync();
        foreach (var key in _revisions.Keys.Where(k => k.Month == month).ToList())
        {
            _revisions.Remove(key);
        }
        _totals.Set(month, ActivityTotals.Zero);
        _revisionSums[month] = 0;
        foreach (var current in await reader.LoadCurrentFilingsAsync(ParkCode, allParks: false, month.Year))
        {
            if (current.Filing.Month == month.Month)
            {
                Add(current, fuels);
            }
        }
    }
}
