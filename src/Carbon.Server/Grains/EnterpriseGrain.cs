using Carbon.Domain.Access;
using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Factors;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("enterprise")]
public sealed class EnterpriseGrain(RegistryReads reader, LedgerWriter writer, TimeProvider clock, FactorSet factors) : Grain, IEnterpriseGrain
{
    /// <summary>Each month's current revision and every revision's who, when and why; earlier revisions' content stays in the ledger.</summary>
    private readonly Dictionary<YearMonth, MonthState> _months = [];
    private readonly List<EnterpriseRevisionRecord> _profiles = [];
    private EnterpriseRecord? _record;

    private EnterpriseRevisionRecord Current => _profiles[^1];

    private Uscc Uscc => Uscc.Parse(this.GetPrimaryKeyString());

    /// <summary>The fuel defaults of the firm's guideline family, chosen by its current industry code.</summary>
    private FuelBasis Fuels => factors.FuelBasisFor(Current.IndustryCode);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A key that is no USCC activates empty: it reads as unregistered and GrainGuards refuse every change.
        if (!Uscc.TryParse(this.GetPrimaryKeyString(), out _, out _) || await reader.FindEnterpriseAsync(Uscc.Value) is not { } found)
        {
            return;
        }
        _record = found.Identity;
        _profiles.AddRange(found.Revisions);
        foreach (var row in await reader.LoadFilingsAsync(Uscc.Value))   // oldest revision first: the last one kept is current
        {
            var filing = row.ToDomain();
            var info = row.ToInfo();
            info = info with { Actor = string.Intern(info.Actor) };   // one string per account, not per row
            _months[filing.Month] = _months.TryGetValue(filing.Month, out var state) ? state.Next(filing, info) : MonthState.First(filing, info);
        }
    }

    /// <summary>A month's totals on the firm's current fuel family, computed when asked (not kept: 72 months of them per firm weigh more than the filings).</summary>
    private ActivityTotals TotalsOf(MonthState state) => ActivityTotals.From(state.Filing, Fuels);

    /// <summary>True when the firm is registered and the caller may read it.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNullWhen(true, nameof(_record))]
    private bool Visible(Caller caller) => _record is not null && caller.CanRead(Uscc, _record.ParkCode);

    Task<EnterpriseView?> IEnterpriseGrain.GetAsync(Caller caller) =>
        Task.FromResult(!Visible(caller)
            ? null
            : new EnterpriseView(Current.ToProfile(_record.ParkCode), Current.Revision, _record.RegisteredAt, _record.RegisteredBy,
                _profiles.Select(p => p.ToInfo()).ToArray(), _months.Keys.Order().ToArray()));

    async Task<RegistrationStatus> IEnterpriseGrain.RegisterAsync(EnterpriseProfile profile, Caller caller)
    {
        GrainGuards.Register(this.GetPrimaryKeyString(), profile, caller.Account);
        if (!caller.Administers)
        {
            return RegistrationStatus.NotAllowed;
        }
        if (_record is not null)
        {
            return RegistrationStatus.AlreadyRegistered;
        }
        var actor = caller.Account;
        var now = clock.GetUtcNow();
        var record = new EnterpriseRecord { Uscc = Uscc.Value, ParkCode = profile.ParkCode, RegisteredAt = now, RegisteredBy = actor };
        var first = profile.ToRevision(1, null, actor, now);
        await writer.WriteAsync(db =>
        {
            db.Enterprises.Add(record);
            db.EnterpriseRevisions.Add(first);
            db.AuditEvents.Add(new AuditEventRecord
            {
                At = now, Actor = actor, Action = "enterprise.registered", Subject = Uscc.Value,
                Detail = $"{profile.Name}; park {profile.ParkCode ?? "(none)"}; {profile.LandAreaMu} 亩",
            });
        }).OrReloadAsync(Uscc.Value);
        _record = record;
        _profiles.Add(first);
        await Park.AddMemberAsync(new MemberUpdate(Uscc, first.Scale, first.LandAreaMu));
        await GrainFactory.GetGrain<IDistrictGrain>(DistrictKeys.District).AddEnterpriseAsync(Uscc);
        return RegistrationStatus.Registered;
    }

    async Task<ProfileOutcome> IEnterpriseGrain.ReviseProfileAsync(EnterpriseProfile profile, string? reason, Caller caller)
    {
        GrainGuards.Revise(this.GetPrimaryKeyString(), profile, reason, caller.Account);
        var actor = caller.Account;
        if (_record is null || !caller.CanFile(Uscc))
        {
            return new ProfileOutcome(ProfileStatus.UnknownEnterprise, 0);
        }
        var proposed = profile with { Uscc = Uscc, ParkCode = _record.ParkCode };
        var current = Current.ToProfile(_record.ParkCode);
        // Titles come from published lists: the district enters them, a filer's revision keeps them as they are.
        var sameTitles = (proposed.Designations ?? []).Order().SequenceEqual((current.Designations ?? []).Order());
        if (!sameTitles && !caller.Administers)
        {
            return new ProfileOutcome(ProfileStatus.DesignationsByDistrict, Current.Revision);
        }
        if (sameTitles && proposed with { Designations = null } == current with { Designations = null })
        {
            return new ProfileOutcome(ProfileStatus.Unchanged, Current.Revision);
        }
        if (string.IsNullOrWhiteSpace(reason))
        {
            return new ProfileOutcome(ProfileStatus.ReasonRequired, Current.Revision);
        }
        var now = clock.GetUtcNow();
        var revision = proposed.ToRevision(Current.Revision + 1, reason, actor, now);
        await writer.WriteAsync(db =>
        {
            db.EnterpriseRevisions.Add(revision);
            db.AuditEvents.Add(new AuditEventRecord
            {
                At = now, Actor = actor, Action = "enterprise.revised", Subject = Uscc.Value, Detail = $"r{revision.Revision}: {revision.Reason}",
            });
        }).OrReloadAsync(Uscc.Value);
        var family = Fuels.Family;
        _profiles.Add(revision);
        await Park.AddMemberAsync(new MemberUpdate(Uscc, revision.Scale, revision.LandAreaMu));
        if (Fuels.Family != family)
        {
            // A new industry moved the firm to another guideline family: every month's fuel heat and carbon change (this
            // grain computes them when asked). The park and the district sum months they cannot re-derive alone, so they
            // rebuild from the ledger.
            await Park.RebuildAsync();
            await GrainFactory.GetGrain<IDistrictGrain>(DistrictKeys.District).RebuildAsync();
        }
        return new ProfileOutcome(ProfileStatus.Revised, revision.Revision);
    }

    async Task<FilingOutcome> IEnterpriseGrain.FileAsync(FilingSubmission submission)
    {
        GrainGuards.File(this.GetPrimaryKeyString(), submission, clock);
        if (_record is null || !submission.Caller.CanFile(Uscc))
        {
            return new FilingOutcome(FilingStatus.UnknownEnterprise, 0);
        }
        var decided = Decide(submission, CurrentFilings());
        if (decided.Write is not { } write)
        {
            return decided.Outcome;
        }
        // Prepared INSERTs rather than the change tracker: the same rows, a fraction of the CPU (docs/performance.md).
        await writer.WriteRowsAsync([write.Record], [Audit(write)]).OrReloadAsync(Uscc.Value);
        return (await ApplyAsync([write]))[0];
    }

    /// <summary>
    /// Many months at once (an import): each decided as <see cref="IEnterpriseGrain.FileAsync"/> would, in order, each held
    /// against the months before it in the batch; the months to write go to the ledger in one write, all or none.
    /// </summary>
    async Task<FilingOutcome[]> IEnterpriseGrain.FileManyAsync(FilingSubmission[] submissions)
    {
        var currentMonth = new Configuration.ReportingClock(clock).CurrentMonth;
        foreach (var submission in submissions)
        {
            GrainGuards.File(this.GetPrimaryKeyString(), submission, currentMonth);
        }
        GrainGuards.Distinct(submissions.Select(s => s.Filing.Month));
        if (_record is null || submissions.Any(s => !s.Caller.CanFile(Uscc)))
        {
            return submissions.Select(_ => new FilingOutcome(FilingStatus.UnknownEnterprise, 0)).ToArray();
        }
        var history = CurrentFilings();
        var outcomes = new FilingOutcome[submissions.Length];
        var writes = new List<(int Index, PendingFiling Write)>();
        for (var i = 0; i < submissions.Length; i++)
        {
            // An import names its file as the reason of every month; a first revision carries none (as through the API).
            var submission = _months.ContainsKey(submissions[i].Filing.Month) ? submissions[i] : submissions[i] with { Reason = null };
            var decided = Decide(submission, history);
            outcomes[i] = decided.Outcome;
            if (decided.Write is { } write)
            {
                writes.Add((i, write));
                history[write.Filing.Month] = write.Filing;
            }
        }
        if (writes.Count > 0)
        {
            // Many rows at once: prepared INSERTs rather than the change tracker (the same rows).
            await writer.WriteRowsAsync(writes.Select(w => w.Write.Record).ToList(), writes.Select(w => Audit(w.Write)).ToList()).OrReloadAsync(Uscc.Value);
            var applied = await ApplyAsync(writes.Select(w => w.Write).ToList());
            for (var k = 0; k < writes.Count; k++)
            {
                outcomes[writes[k].Index] = applied[k];
            }
        }
        return outcomes;
    }

    /// <summary>A revision decided on and not yet written: the filing, its ledger row, its totals and who filed it.</summary>
    private sealed record PendingFiling(MonthlyFiling Filing, FilingRecord Record, ActivityTotals Totals, ActivityTotals Previous, string Actor)
    {
        public EnterpriseMonthUpdate Update(Uscc uscc) => new(uscc, Filing.Month, Record.Revision, Totals, Previous);
    }

    /// <summary>
    /// What a submission comes to against the current months (and <paramref name="history"/>, which includes months decided
    /// earlier in the same batch): unchanged, refused with why, or a revision to write.
    /// </summary>
    private (FilingOutcome Outcome, PendingFiling? Write) Decide(FilingSubmission submission, Dictionary<YearMonth, MonthlyFiling> history)
    {
        var filing = submission.Filing;
        _months.TryGetValue(filing.Month, out var state);
        if (state is not null && state.Filing == filing)
        {
            return (new FilingOutcome(FilingStatus.Unchanged, state.Revision, state.View), null);
        }
        if (state is not null && string.IsNullOrWhiteSpace(submission.Reason))
        {
            return (new FilingOutcome(FilingStatus.ReasonRequired, state.Revision), null);
        }
        if (state is not null && (submission.Omitted ?? []).FirstOrDefault(section => section switch
            {
                "pollutants" => state.Filing.Pollutants is not null,
                "products" => state.Filing.Products.Count > 0,
                _ => false,
            }) is { } dropped)
        {
            return (new FilingOutcome(FilingStatus.SectionOmitted, state.Revision, Field: dropped), null);
        }

        // A figure far outside the firm's own history is taken only when confirmed with a note.
        var implausible = Plausibility.Check(filing, history);
        if (implausible.Count > 0 && string.IsNullOrWhiteSpace(submission.Confirmation))
        {
            return (new FilingOutcome(FilingStatus.Unconfirmed, state?.Revision ?? 0, Field: $"energy[{implausible[0].Line}].quantity",
                Implausible: implausible.Select(i => new ImplausibleLineView(i.Line, i.Carrier.Token(), i.Quantity, i.ExpectedMin, i.ExpectedMax,
                    i.Reference)).ToArray()), null);
        }

        // Compute before writing: content that the methodology cannot take is refused before the ledger sees it.
        var totals = ActivityTotals.From(filing, Fuels);
        var revision = (state?.Revision ?? 0) + 1;
        var record = filing.ToRecord(Uscc, revision, submission.Reason, submission.Caller.Account, clock.GetUtcNow(),
            implausible.Count > 0 ? submission.Confirmation : null);
        var previous = state is null ? ActivityTotals.Zero : TotalsOf(state);   // what the park replaces by these totals
        return (new FilingOutcome(revision == 1 ? FilingStatus.Created : FilingStatus.Revised, revision), new PendingFiling(filing, record, totals,
            previous, submission.Caller.Account));
    }

    private AuditEventRecord Audit(PendingFiling write) => new()
    {
        At = write.Record.RecordedAt, Actor = write.Actor, Action = write.Record.Revision == 1 ? "filing.created" : "filing.revised",
        Subject = Uscc.Value, Detail = $"{write.Filing.Month} r{write.Record.Revision}{(write.Record.Revision > 1 ? ": " + write.Record.Reason : "")}",
    };

    /// <summary>Once written: the months take the new revisions, and the park is told.</summary>
    private async Task<FilingOutcome[]> ApplyAsync(IReadOnlyList<PendingFiling> writes)
    {
        var outcomes = new FilingOutcome[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            var (filing, record) = (writes[i].Filing, writes[i].Record);
            var state = _months.TryGetValue(filing.Month, out var s) ? s.Next(filing, record.ToInfo()) : MonthState.First(filing, record.ToInfo());
            _months[filing.Month] = state;
            outcomes[i] = new FilingOutcome(record.Revision == 1 ? FilingStatus.Created : FilingStatus.Revised, record.Revision, state.View);
        }
        if (writes is [var one])
        {
            await Park.ApplyAsync(one.Update(Uscc));
        }
        else
        {
            await Park.ApplyManyAsync(writes.Select(w => w.Update(Uscc)).ToArray());
        }
        return outcomes;
    }

    async Task<FilingView?> IEnterpriseGrain.GetFilingAsync(YearMonth month, Caller caller, int? revision)
    {
        if (!Visible(caller) || !_months.TryGetValue(month, out var state))
        {
            return null;
        }
        if (revision is null || revision == state.Revision)
        {
            return state.View;
        }
        // An earlier revision: what it said is read from the ledger, the one record of it.
        return state.History.Any(h => h.Revision == revision)
               && await reader.LoadFilingAsync(Uscc.Value, month.Year, month.Month, revision.Value) is { } row
            ? new FilingView(row.ToDomain(), revision.Value, state.History)
            : null;
    }

    Task<MonthlyFiling[]> IEnterpriseGrain.GetFilingsAsync(int year, Caller caller) =>
        Task.FromResult(Visible(caller)
            ? _months.Where(m => m.Key.Year == year).OrderBy(m => m.Key).Select(m => m.Value.Filing).ToArray()
            : []);

    Task<MonthRevision[]?> IEnterpriseGrain.ListFilingsAsync(Caller caller) =>
        Task.FromResult(Visible(caller) ? _months.OrderBy(m => m.Key).Select(m => new MonthRevision(m.Key, m.Value.Revision)).ToArray() : null);

    Task<ActivityTotals?[]?> IEnterpriseGrain.GetMonthsAsync(int year, Caller caller) =>
        Task.FromResult(!Visible(caller)
            ? null
            : Enumerable.Range(1, 12).Select(m => new YearMonth(year, m)).Select(ym => _months.TryGetValue(ym, out var state) ? TotalsOf(state) : null).ToArray());

    Task<PeriodTotals?> IEnterpriseGrain.GetTotalsAsync(PeriodQuery query, Caller caller)
    {
        if (!Visible(caller))
        {
            return Task.FromResult<PeriodTotals?>(null);
        }
        var revisions = new[] { query.Year, IntensityAccounting.BaselineYear }.Distinct()
            .SelectMany(year => Enumerable.Range(1, query.ThroughMonth).Select(m => new YearMonth(year, m)))
            .Where(_months.ContainsKey)
            .Select(ym => new MonthRevision(ym, _months[ym].Revision))
            .ToArray();
        var totals = new MonthTotals();
        foreach (var (month, _) in revisions)
        {
            totals.Set(month, TotalsOf(_months[month]));
        }
        return Task.FromResult<PeriodTotals?>(totals.Period(query, revisions) with
        {
            Flags = Flags(Enumerable.Range(1, query.ThroughMonth).Select(m => new YearMonth(query.Year, m))),
        });
    }

    /// <summary>The current filing of every month: what a month is held against (the check reads only earlier months).</summary>
    private Dictionary<YearMonth, MonthlyFiling> CurrentFilings() => _months.ToDictionary(m => m.Key, m => m.Value.Filing);

    /// <summary>The months of the period whose accepted figures lie outside their history, with the confirming note.</summary>
    private PlausibilityFlag[] Flags(IEnumerable<YearMonth> months)
    {
        var history = CurrentFilings();
        return months.Where(_months.ContainsKey).SelectMany(m => Plausibility.Check(_months[m].Filing, history)
            .Select(i => new PlausibilityFlag(m, i.Carrier.Token(), i.Quantity, i.ExpectedMin, i.ExpectedMax,
                _months[m].History[^1].Confirmation))).ToArray();
    }

    /// <summary>The firm's park (its code never changes once registered); resolved once, not per filing.</summary>
    private IParkGrain Park => _park ??= GrainFactory.GetGrain<IParkGrain>(_record!.ParkCode ?? ParkKeys.Unparked);

    private IParkGrain? _park;

    /// <summary>
    /// A month: what its current revision says, and every revision's who, when and why, oldest first (the last is current).
    /// What an earlier revision said is read from the ledger when asked for.
    /// </summary>
    private sealed record MonthState(MonthlyFiling Filing, RevisionView[] History)
    {
        public int Revision => History[^1].Revision;

        public FilingView View => new(Filing, Revision, History);

        public static MonthState First(MonthlyFiling filing, RevisionView info) => new(filing, [info]);

        public MonthState Next(MonthlyFiling filing, RevisionView info) => new(filing, [.. History, info]);
    }
}
