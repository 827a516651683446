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
    private readonly Dictionary<(Uscc Uscc, YearMonth Month), (int Revision, ActivityTotals Totals)> _entries = [];
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
        var parkCode = IsUnparked ? null : Code;
        var fuels = new Dictionary<Uscc, FuelBasis>();
        foreach (var m in await reader.LoadMembersAsync(parkCode))
        {
            var uscc = Uscc.Parse(m.Uscc);
            _members[uscc] = new MemberUpdate(uscc, m.Scale, m.LandAreaMu);  // m is the current profile revision
            fuels[uscc] = factors.FuelBasisFor(m.IndustryCode);
        }
        foreach (var current in await reader.LoadCurrentFilingsAsync(parkCode, allParks: false))
        {
            var filing = current.Filing.ToDomain();
            var uscc = Uscc.Parse(current.Filing.Uscc);
            Apply(uscc, filing.Month, current.Filing.Revision, ActivityTotals.From(filing, fuels.GetValueOrDefault(uscc) ?? factors.DefaultFuelBasis));
        }
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

    Task IParkGrain.ApplyAsync(EnterpriseMonthUpdate update)
    {
        if (Apply(update.Uscc, update.Month, update.Revision, update.Totals))
        {
            var feed = GrainFactory.GetGrain<IDistrictFeedGrain>(0);
            return feed.PushAsync(new ParkMonthUpdate(Code, update.Month, _revisionSums[update.Month], _totals[update.Month]));
        }
        return Task.CompletedTask;
    }

    Task IParkGrain.ApplyManyAsync(EnterpriseMonthUpdate[] updates)
    {
        var changed = updates.Where(u => Apply(u.Uscc, u.Month, u.Revision, u.Totals)).Select(u => u.Month).Distinct().ToList();
        if (changed.Count == 0)
        {
            return Task.CompletedTask;
        }
        var feed = GrainFactory.GetGrain<IDistrictFeedGrain>(0);
        return Task.WhenAll(changed.Select(m => feed.PushAsync(new ParkMonthUpdate(Code, m, _revisionSums[m], _totals[m]))));
    }

    Task<PeriodTotals?> IParkGrain.GetTotalsAsync(PeriodQuery query, Caller caller) =>
        Task.FromResult(caller.CanReadPark(Code) ? _totals.Period(query, []) : null);

    Task IParkGrain.RebuildAsync()
    {
        DeactivateOnIdle();
        return Task.CompletedTask;
    }

    /// <summary>Keeps the higher revision of a member's month; true when the park's figures changed.</summary>
    private bool Apply(Uscc uscc, YearMonth month, int revision, ActivityTotals totals)
    {
        ActivityTotals? old = null;
        var oldRevision = 0;
        if (_entries.TryGetValue((uscc, month), out var existing))
        {
            if (existing.Revision >= revision)
            {
                return false;
            }
            old = existing.Totals;
            oldRevision = existing.Revision;
        }
        _entries[(uscc, month)] = (revision, totals);
        _totals.Replace(month, old, totals);
        _revisionSums[month] = _revisionSums.GetValueOrDefault(month) + revision - oldRevision;
        return true;
    }
}
