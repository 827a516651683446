using Carbon.Domain.Access;
using Carbon.Domain.LandUse;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("parcel")]
public sealed class ParcelGrain(LandReads reader, LedgerWriter writer, TimeProvider clock) : Grain, IParcelGrain
{
    private ParcelRecord? _parcel;
    private List<ParcelEventRecord> _events = [];

    private string Code => this.GetPrimaryKeyString();

    private static readonly Caller Service = Caller.System("land");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _parcel = await reader.FindAsync(Code);
        _events = _parcel is null ? [] : await reader.EventsAsync(Code);
    }

    Task<ParcelView?> IParcelGrain.GetAsync() => Task.FromResult(View());

    async Task<ParcelAnswer> IParcelGrain.RegisterAsync(RegisterParcel c)
    {
        GrainGuards.RegisterParcel(Code, c);
        if (!c.Caller.Administers)
        {
            return new ParcelAnswer(ParcelResult.Refused, null, "caller", "只有区经信局登记地块 (officials register parcels)");
        }
        if (_parcel is not null)
        {
            return new ParcelAnswer(ParcelResult.Conflict, View(), "code", $"地块 {Code} 已登记 (parcel {Code} is registered)");
        }
        if (await GrainFactory.Enterprise(c.Holder).GetAsync(Service) is null)
        {
            return new ParcelAnswer(ParcelResult.UnknownEnterprise, null, "holder", $"未登记企业 {c.Holder} (no enterprise with this USCC)");
        }
        var now = clock.GetUtcNow();
        var o = c.Obligations;
        var parcel = new ParcelRecord
        {
            Code = Code, Name = c.Name.Trim(), LocationKind = EnumTokens.Token(c.LocationKind), Location = c.Location.Trim(), ParkCode = c.ParkCode,
            AreaMu = c.AreaMu, LandUse = c.LandUse.Trim(), Supply = EnumTokens.Token(c.Supply), GrantedOn = c.GrantedOn, ExpiresOn = c.ExpiresOn,
            InvestmentPerMu = o?.InvestmentPerMu, TaxPerMu = o?.TaxPerMu, EnergyPerValueAdded = o?.EnergyPerValueAdded, FloorAreaRatio = o?.FloorAreaRatio,
            EmissionsT = o?.EmissionsT, StartBy = o?.StartBy, CompleteBy = o?.CompleteBy, ReviewYear = o?.ReviewYear,
            Remedies = o is null ? null : string.Join('\n', o.Remedies), CreatedBy = c.Caller.Account, CreatedAt = now,
        };
        var grant = new ParcelEventRecord
        {
            ParcelCode = Code, Event = EnumTokens.Token(ParcelEvent.Grant), State = EnumTokens.Token(ParcelState.Granted), Holder = c.Holder.Value,
            On = c.GrantedOn, Document = c.Document.Trim(), ExpiresOn = c.ExpiresOn, Actor = c.Caller.Account, At = now,
        };
        await writer.WriteAsync(db =>
        {
            db.Parcels.Add(parcel);
            db.ParcelEvents.Add(grant);
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = c.Caller.Account, Action = "parcel.register", Subject = Code,
                Detail = $"{parcel.AreaMu} 亩 {parcel.Supply} → {c.Holder}" });
        });
        (_parcel, _events) = (parcel, [grant]);
        return new ParcelAnswer(ParcelResult.Done, View());
    }

    async Task<ParcelAnswer> IParcelGrain.RecordAsync(ParcelEventCommand c)
    {
        GrainGuards.RecordParcelEvent(Code, c);
        if (!c.Caller.Administers)
        {
            return new ParcelAnswer(ParcelResult.Refused, null, "caller", "只有区经信局记录地块事项 (officials record what happens to parcels)");
        }
        if (_parcel is null)
        {
            return new ParcelAnswer(ParcelResult.NotFound, null, "code", $"无此地块 {Code} (no such parcel)");
        }
        var latest = _events[^1];
        var state = EnumTokens.Parse<ParcelState>(latest.State);
        if (c.Event == ParcelEvent.Grant || ParcelLifecycle.Next(state, c.Event) is not { } next)
        {
            return new ParcelAnswer(ParcelResult.Conflict, View(), "event",
                $"地块处于 {EnumTokens.Token(state)}，不能 {EnumTokens.Token(c.Event)}；可以：{string.Join(", ", ParcelLifecycle.Open(state).Select(e => EnumTokens.Token(e)))} " +
                "(not in this state)");
        }
        if (c.On > Configuration.ReportingClock.DayOf(clock.GetUtcNow()))
        {
            return new ParcelAnswer(ParcelResult.Conflict, View(), "on", "日期不能晚于今天 (not in the future)");
        }
        if (c.On < latest.On)
        {
            return new ParcelAnswer(ParcelResult.Conflict, View(), "on", $"日期不能早于上一事项 {latest.On:yyyy-MM-dd} (not before the last event)");
        }
        var step = new ParcelStep(c.Event, c.On, next, latest.Holder, c.Lessee?.Value, c.Mu, c.Disposal, c.Event == ParcelEvent.EnforceRemedy ? c.Detail?.Trim() : null);
        var standing = View()!.Standing();
        if (ParcelHistory.Refusal(standing, step, _parcel.AreaMu, _parcel.Obligations()?.Remedies ?? []) is { } refusal)
        {
            return new ParcelAnswer(ParcelResult.Conflict, View(), refusal.Field, refusal.Message);
        }
        if (c.Lessee is { } lessee && await GrainFactory.Enterprise(lessee).GetAsync(Service) is null)
        {
            return new ParcelAnswer(ParcelResult.UnknownEnterprise, null, "lessee", $"未登记企业 {lessee} (no enterprise with this USCC)");
        }
        if (c.Event == ParcelEvent.CompleteDisposal)
        {
            next = ParcelHistory.AfterDisposal(next, standing.OpenDisposal!.Kind);
        }
        var holder = latest.Holder;
        if (c.Event == ParcelEvent.Transfer)
        {
            if (c.NewHolder is not { } to || to.Value == holder)
            {
                return new ParcelAnswer(ParcelResult.Conflict, View(), "newHolder", "转让须指定另一家企业为受让人 (a transfer names another firm)");
            }
            if (View()!.Standing().Lessees.ContainsKey(to.Value))
            {
                return new ParcelAnswer(ParcelResult.Conflict, View(), "newHolder", "受让企业是本地块的承租企业，请先退租 (the new holder leases this parcel: end the lease first)");
            }
            if (await GrainFactory.Enterprise(to).GetAsync(Service) is null)
            {
                return new ParcelAnswer(ParcelResult.UnknownEnterprise, null, "newHolder", $"未登记企业 {to} (no enterprise with this USCC)");
            }
            holder = to.Value;
        }
        if (c.Event == ParcelEvent.Renew && (c.ExpiresOn is not { } until || until <= (Expiry() ?? c.On)))
        {
            return new ParcelAnswer(ParcelResult.Conflict, View(), "expiresOn", "续期须给出晚于现有期限的新到期日 (a renewal gives a later expiry)");
        }
        var now = clock.GetUtcNow();
        var record = new ParcelEventRecord
        {
            ParcelCode = Code, Event = EnumTokens.Token(c.Event), State = EnumTokens.Token(next), Holder = holder, On = c.On, Document = c.Document.Trim(),
            Investment = c.Investment, FloorAreaRatio = c.FloorAreaRatio, ExpiresOn = c.ExpiresOn, Detail = c.Detail?.Trim(), Actor = c.Caller.Account, At = now,
            Lessee = c.Event is ParcelEvent.Lease or ParcelEvent.EndLease ? c.Lessee?.Value : null,
            Mu = c.Event is ParcelEvent.Lease or ParcelEvent.StartDisposal ? c.Mu : null,
            Disposal = c.Event == ParcelEvent.StartDisposal ? EnumTokens.Token(c.Disposal!.Value) : null,
        };
        await writer.WriteAsync(db =>
        {
            db.ParcelEvents.Add(record);
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = c.Caller.Account, Action = $"parcel.{record.Event}", Subject = Code,
                Detail = c.Event switch
                {
                    ParcelEvent.Transfer => $"{latest.Holder} → {holder}（义务随地块转移 obligations pass with it）: {record.Document}",
                    ParcelEvent.Lease => $"{record.Lessee} {record.Mu} 亩: {record.Document}",
                    ParcelEvent.StartDisposal => $"{record.Disposal} {record.Mu} 亩: {record.Document}",
                    _ => record.Detail is null ? record.Document : $"{record.Detail}: {record.Document}",
                } });
        });
        _events.Add(record);
        return new ParcelAnswer(ParcelResult.Done, View());
    }

    private DateOnly? Expiry() => _events.LastOrDefault(e => e.ExpiresOn is not null)?.ExpiresOn ?? _parcel?.ExpiresOn;

    private ParcelView? View()
    {
        if (_parcel is not { } p)
        {
            return null;
        }
        var latest = _events[^1];
        var investment = _events.LastOrDefault(e => e.Investment is not null)?.Investment;
        var floorAreaRatio = _events.LastOrDefault(e => e.FloorAreaRatio is not null)?.FloorAreaRatio;
        return new ParcelView(p.Code, p.Name, EnumTokens.Parse<ParcelLocationKind>(p.LocationKind), p.Location, p.ParkCode, p.AreaMu, p.LandUse,
            EnumTokens.Parse<SupplyMode>(p.Supply), p.GrantedOn, Expiry(), p.Obligations(), EnumTokens.Parse<ParcelState>(latest.State), Uscc.Parse(latest.Holder),
            investment, floorAreaRatio,
            _events.Select(e => new ParcelEventView(EnumTokens.Parse<ParcelEvent>(e.Event), EnumTokens.Parse<ParcelState>(e.State), Uscc.Parse(e.Holder), e.On,
                e.Document, e.Investment, e.FloorAreaRatio, e.ExpiresOn, e.Detail, e.Actor, e.At, e.Lessee is null ? null : Uscc.Parse(e.Lessee), e.Mu,
                e.Disposal is null ? null : EnumTokens.Parse<DisposalKind>(e.Disposal))).ToArray());
    }
}
