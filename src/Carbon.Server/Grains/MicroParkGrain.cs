using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("micro-park")]
public sealed class MicroParkGrain(ProgrammeReads reader, LedgerWriter writer, TimeProvider clock) : Grain, IMicroParkGrain
{
    private MicroParkRecord? _park;
    private List<MicroParkEventRecord> _events = [];

    private string Code => this.GetPrimaryKeyString();

    private static readonly Caller Service = Caller.System("micro-parks");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _park = await reader.FindMicroParkAsync(Code);
        _events = _park is null ? [] : await reader.MicroParkEventsAsync(Code);
    }

    Task<MicroParkView?> IMicroParkGrain.GetAsync() => Task.FromResult(View());

    async Task<MicroParkAnswer> IMicroParkGrain.RegisterAsync(RegisterMicroPark c)
    {
        GrainGuards.RegisterMicroPark(Code, c);
        if (!c.Caller.Administers)
        {
            return new MicroParkAnswer(ProgrammeResult.Refused, null, "caller", "只有区经信局登记小微企业园 (officials register micro-parks)");
        }
        if (_park is not null)
        {
            return new MicroParkAnswer(ProgrammeResult.Conflict, View(), "code", $"小微企业园 {Code} 已登记 (registered)");
        }
        var now = clock.GetUtcNow();
        var park = new MicroParkRecord
        {
            Code = Code, Name = c.Name.Trim(), Operator = c.Operator.Trim(), DevelopmentModel = c.DevelopmentModel.Trim(), FloorAreaM2 = c.FloorAreaM2,
            StarRating = c.StarRating, Town = c.Town.Trim(), ParkCode = c.ParkCode, Industries = string.Join(' ', c.Industries.Distinct()),
            MinTaxPerMu = c.MinTaxPerMu, WorstClass = c.WorstClass, CreatedAt = now, CreatedBy = c.Caller.Account,
        };
        await writer.WriteAsync(db =>
        {
            db.MicroParks.Add(park);
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = c.Caller.Account, Action = "micro-park.register", Subject = Code,
                Detail = $"{park.Name}; {park.Operator}; {park.FloorAreaM2} m²" });
        });
        _park = park;
        return new MicroParkAnswer(ProgrammeResult.Done, View());
    }

    /// <summary>
    /// An entry review's outcome (the service has held the firm against the standard) or an exit: an applicant must not be in
    /// the park already; only a firm in the park exits.
    /// </summary>
    async Task<MicroParkAnswer> IMicroParkGrain.RecordAsync(MicroParkFirmCommand c)
    {
        GrainGuards.MicroParkFirm(Code, c);
        if (_park is null)
        {
            return new MicroParkAnswer(ProgrammeResult.NotFound, null, "code", $"无此小微企业园 {Code} (no such micro-park)");
        }
        if (!c.Caller.Administers)
        {
            return new MicroParkAnswer(ProgrammeResult.Refused, null, "caller", "只有区经信局审核入园与退出 (officials review entries and exits)");
        }
        var member = Members().Contains(c.Uscc.Value);
        if (c.Event is MicroParkEvent.Admit or MicroParkEvent.Refuse && member)
        {
            return new MicroParkAnswer(ProgrammeResult.Conflict, View(), "uscc", $"{c.Uscc} 已在园内 (already in the park)");
        }
        if (c.Event == MicroParkEvent.Exit && !member)
        {
            return new MicroParkAnswer(ProgrammeResult.Conflict, View(), "uscc", $"{c.Uscc} 不在园内 (not in the park)");
        }
        if (c.On > Configuration.ReportingClock.DayOf(clock.GetUtcNow()))
        {
            return new MicroParkAnswer(ProgrammeResult.Conflict, View(), "on", "日期不能晚于今天 (not in the future)");
        }
        if (_events.Count > 0 && c.On < _events[^1].On)
        {
            return new MicroParkAnswer(ProgrammeResult.Conflict, View(), "on", $"日期不能早于上一事项 {_events[^1].On:yyyy-MM-dd} (not before the last event)");
        }
        if (await GrainFactory.Enterprise(c.Uscc).GetAsync(Service) is null)
        {
            return new MicroParkAnswer(ProgrammeResult.UnknownEnterprise, null, "uscc", $"未登记企业 {c.Uscc} (no enterprise with this USCC)");
        }
        var now = clock.GetUtcNow();
        var record = new MicroParkEventRecord
        {
            MicroParkCode = Code, Uscc = c.Uscc.Value, Event = EnumTokens.Token(c.Event), On = c.On, Detail = c.Detail.Trim(), Actor = c.Caller.Account, At = now,
        };
        await writer.WriteAsync(db =>
        {
            db.MicroParkEvents.Add(record);
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = c.Caller.Account, Action = $"micro-park.{record.Event}", Subject = Code,
                Detail = $"{record.Uscc}: {record.Detail}" });
        });
        _events.Add(record);
        return new MicroParkAnswer(ProgrammeResult.Done, View());
    }

    /// <summary>The firms in the park: admitted and not exited since.</summary>
    private HashSet<string> Members()
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in _events)
        {
            if (e.Event == EnumTokens.Token(MicroParkEvent.Admit))
            {
                members.Add(e.Uscc);
            }
            else if (e.Event == EnumTokens.Token(MicroParkEvent.Exit))
            {
                members.Remove(e.Uscc);
            }
        }
        return members;
    }

    private MicroParkView? View() => _park is not { } p
        ? null
        : new MicroParkView(p.Code, p.Name, p.Operator, p.DevelopmentModel, p.FloorAreaM2, p.StarRating, p.Town, p.ParkCode,
            p.Industries.Split(' ', StringSplitOptions.RemoveEmptyEntries), p.MinTaxPerMu, p.WorstClass,
            Members().Order(StringComparer.Ordinal).Select(Uscc.Parse).ToArray(),
            _events.Select(e => new MicroParkEventView(EnumTokens.Parse<MicroParkEvent>(e.Event), Uscc.Parse(e.Uscc), e.On, e.Detail, e.Actor, e.At)).ToArray());
}
