using Carbon.Domain.Accounting;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("enterprise")]
public sealed class EnterpriseGrain(LedgerReader reader, LedgerWriter writer, TimeProvider clock) : Grain, IEnterpriseGrain
{
    private readonly Dictionary<int, MonthState> _months = [];
    private readonly MonthTotals _totals = new();
    private readonly List<EnterpriseRevisionRecord> _profiles = [];
    private EnterpriseRecord? _record;

    private EnterpriseRevisionRecord Current => _profiles[^1];

    private string Uscc => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (await reader.FindEnterpriseAsync(Uscc) is not { } found)
        {
            return;
        }
        _record = found.Identity;
        _profiles.AddRange(found.Revisions);
        foreach (var f in await reader.LoadFilingsAsync(Uscc))
        {
            var index = new YearMonth(f.Year, f.Month).Index;
            var info = new RevisionInfo(f.Revision, f.RecordedAt, f.Actor, f.Reason);
            var content = f.ToContent();
            var state = _months.TryGetValue(index, out var existing) ? existing.Next(f.Revision, content, info) : MonthState.First(content, info);
            _months[index] = state;
        }
        foreach (var (index, state) in _months)
        {
            var ym = YearMonth.FromIndex(index);
            _totals.Set(index, state.Content.Totals(ym.Year, ym.Month));
        }
    }

    Task<EnterpriseView?> IEnterpriseGrain.GetAsync() =>
        Task.FromResult(_record is null
            ? null
            : new EnterpriseView(Current.ToProfile(_record.ParkCode), Current.Revision, _record.RegisteredAt, _record.RegisteredBy,
                _profiles.Select(p => new RevisionInfo(p.Revision, p.RecordedAt, p.Actor, p.Reason)).ToArray(),
                _months.Keys.Order().Select(i => YearMonth.FromIndex(i).ToString()).ToArray()));

    async Task<RegistrationStatus> IEnterpriseGrain.RegisterAsync(EnterpriseProfile profile, string actor)
    {
        if (_record is not null)
        {
            return RegistrationStatus.AlreadyRegistered;
        }
        var now = clock.GetUtcNow();
        var record = new EnterpriseRecord { Uscc = Uscc, ParkCode = profile.ParkCode, RegisteredAt = now, RegisteredBy = actor };
        var first = profile.ToRevision(1, null, actor, now);
        await writer.WriteAsync(db =>
        {
            db.Enterprises.Add(record);
            db.EnterpriseRevisions.Add(first);
            db.AuditEvents.Add(new AuditEventRecord
            {
                At = now, Actor = actor, Action = "enterprise.registered", Subject = Uscc,
                Detail = $"{profile.Name}; park {profile.ParkCode ?? "(none)"}; {profile.LandAreaMu} 亩",
            });
        });
        _record = record;
        _profiles.Add(first);
        await Park.AddMemberAsync(new MemberInfo(Uscc, first.Scale, first.LandAreaMu));
        return RegistrationStatus.Registered;
    }

    async Task<ProfileOutcome> IEnterpriseGrain.ReviseProfileAsync(EnterpriseProfile profile, string? reason, string actor)
    {
        if (_record is null)
        {
            return new ProfileOutcome(ProfileStatus.UnknownEnterprise, 0);
        }
        var proposed = profile with { Uscc = Uscc, ParkCode = _record.ParkCode };
        if (proposed == Current.ToProfile(_record.ParkCode))
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
                At = now, Actor = actor, Action = "enterprise.revised", Subject = Uscc, Detail = $"r{revision.Revision}: {revision.Reason}",
            });
        });
        _profiles.Add(revision);
        await Park.AddMemberAsync(new MemberInfo(Uscc, revision.Scale, revision.LandAreaMu));
        return new ProfileOutcome(ProfileStatus.Revised, revision.Revision);
    }

    async Task<FilingOutcome> IEnterpriseGrain.FileAsync(FilingSubmission submission)
    {
        if (_record is null)
        {
            return new FilingOutcome(FilingStatus.UnknownEnterprise, 0, default);
        }
        var index = new YearMonth(submission.Year, submission.Month).Index;
        _months.TryGetValue(index, out var state);
        if (state is not null && state.Content.SameAs(submission.Content))
        {
            return new FilingOutcome(FilingStatus.Unchanged, state.Revision, state.History[^1].RecordedAt,
                View(submission.Year, submission.Month, state));
        }
        if (state is not null && string.IsNullOrWhiteSpace(submission.Reason))
        {
            return new FilingOutcome(FilingStatus.ReasonRequired, state.Revision, state.History[^1].RecordedAt);
        }

        // Compute before writing: content that the methodology cannot take is refused before the ledger sees it.
        var totals = submission.Content.Totals(submission.Year, submission.Month);
        var revision = (state?.Revision ?? 0) + 1;
        var now = clock.GetUtcNow();
        var record = submission.ToRecord(Uscc, revision, now);
        await writer.WriteAsync(db =>
        {
            db.Filings.Add(record);
            db.AuditEvents.Add(new AuditEventRecord
            {
                At = now, Actor = submission.Actor, Action = revision == 1 ? "filing.created" : "filing.revised",
                Subject = Uscc, Detail = $"{submission.Year}-{submission.Month:D2} r{revision}{(revision > 1 ? ": " + record.Reason : "")}",
            });
        });

        var info = new RevisionInfo(revision, now, submission.Actor, record.Reason);
        _months[index] = state is null ? MonthState.First(submission.Content, info) : state.Next(revision, submission.Content, info);
        _totals.Set(index, totals);
        await Park.ApplyAsync(new EnterpriseMonthUpdate(Uscc, index, revision, totals.ToSnapshot()));
        return new FilingOutcome(revision == 1 ? FilingStatus.Created : FilingStatus.Revised, revision, now,
            View(submission.Year, submission.Month, _months[index]));
    }

    Task<FilingView?> IEnterpriseGrain.GetFilingAsync(int year, int month) =>
        Task.FromResult(_months.TryGetValue(new YearMonth(year, month).Index, out var s) ? View(year, month, s) : null);

    private static FilingView View(int year, int month, MonthState s) => new(year, month, s.Revision, s.Content, s.History.ToArray());

    Task<TotalsSnapshot?[]?> IEnterpriseGrain.GetMonthsAsync(int year) =>
        Task.FromResult(_record is null
            ? null
            : Enumerable.Range(1, 12)
                .Select(m => _months.ContainsKey(new YearMonth(year, m).Index) ? _totals[new YearMonth(year, m).Index].ToSnapshot() : null)
                .ToArray());

    Task<PeriodTotals?> IEnterpriseGrain.GetTotalsAsync(PeriodQuery query)
    {
        if (_record is null)
        {
            return Task.FromResult<PeriodTotals?>(null);
        }
        var revisions = new List<MonthRevision>();
        foreach (var year in new[] { query.Year, IntensityAccounting.BaselineYear }.Distinct())
        {
            for (var m = 1; m <= query.ThroughMonth; m++)
            {
                if (_months.TryGetValue(new YearMonth(year, m).Index, out var s))
                {
                    revisions.Add(new MonthRevision(year, m, s.Revision));
                }
            }
        }
        return Task.FromResult<PeriodTotals?>(_totals.Period(query, revisions.ToArray()));
    }

    private IParkGrain Park => GrainFactory.GetGrain<IParkGrain>(_record!.ParkCode ?? ParkKeys.Unparked);

    /// <summary>A month's current content and its revision history.</summary>
    private sealed record MonthState(int Revision, FilingContent Content, IReadOnlyList<RevisionInfo> History)
    {
        public static MonthState First(FilingContent content, RevisionInfo info) => new(info.Revision, content, [info]);

        public MonthState Next(int revision, FilingContent content, RevisionInfo info) => new(revision, content, [.. History, info]);
    }
}
