using Carbon.Domain.LandUse;
using Carbon.Domain.Registry;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using FluentValidation;

namespace Carbon.Server.Features.Land;

/// <summary>A contract's obligations on the wire (标准地 or any contract with per-mu terms); a clause left out is not in it.</summary>
public sealed record ObligationsRequest(decimal? InvestmentPerMu, decimal? TaxPerMu, decimal? EnergyPerValueAdded, decimal? FloorAreaRatio,
    decimal? EmissionsT, DateOnly? StartBy, DateOnly? CompleteBy, int? ReviewYear, string[]? Remedies)
{
    public StandardLandObligations ToDomain() => new(InvestmentPerMu, TaxPerMu, EnergyPerValueAdded, FloorAreaRatio, EmissionsT, StartBy, CompleteBy,
        ReviewYear, (Remedies ?? []).Select(r => r.Trim()).ToList());

    public static ObligationsRequest From(StandardLandObligations o) => new(o.InvestmentPerMu, o.TaxPerMu, o.EnergyPerValueAdded, o.FloorAreaRatio,
        o.EmissionsT, o.StartBy, o.CompleteBy, o.ReviewYear, o.Remedies.ToArray());
}

/// <summary>POST /api/parcels: a parcel, its first holder and the document it was supplied by.</summary>
public sealed record ParcelRequest(string? Code, string? Name, ParcelLocationKind? LocationKind, string? Location, string? ParkCode, decimal? AreaMu,
    string? LandUse, SupplyMode? Supply, Uscc? Holder, DateOnly? GrantedOn, DateOnly? ExpiresOn, ObligationsRequest? Obligations, string? Document)
{
    /// <summary>The grain's command, once the validator has passed the request (a park code only for a parcel in a park).</summary>
    public RegisterParcel ToCommand(Domain.Access.Caller caller) => new(Name!, LocationKind!.Value, Location!,
        LocationKind == ParcelLocationKind.Park ? ParkCode : null, AreaMu!.Value, LandUse!, Supply!.Value, Holder!.Value, GrantedOn!.Value, ExpiresOn,
        Obligations?.ToDomain(), Document!, caller);
}

/// <summary>
/// POST /api/parcels/{parcel}/events: something that happened, on a day, by a document — with a transfer's new holder,
/// 竣工's investment and floor-area ratio, a renewal's expiry, a lease's lessee and 亩, a disposal's kind and 亩, the remedy
/// enforced, or a note (a low-efficiency finding's reasons).
/// </summary>
public sealed record ParcelEventRequest(ParcelEvent? Event, DateOnly? On, string? Document, Uscc? NewHolder = null, decimal? Investment = null,
    decimal? FloorAreaRatio = null, DateOnly? ExpiresOn = null, Uscc? Lessee = null, decimal? Mu = null, DisposalKind? Disposal = null,
    string? Remedy = null, string? Note = null)
{
    /// <summary>The grain's command, once the validator has passed the request.</summary>
    public ParcelEventCommand ToCommand(Domain.Access.Caller caller) => new(Event!.Value, On!.Value, Document!.Trim(), NewHolder, Investment,
        FloorAreaRatio, ExpiresOn, Event == ParcelEvent.EnforceRemedy ? Remedy?.Trim() : string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), caller,
        Lessee, Mu, Disposal);
}

/// <summary>POST /api/parcels/{parcel}/review: the 达产 review of a year (default: the contract's review year), on a day, by a document.</summary>
public sealed record ReviewRequest(int? Year, DateOnly? On, string? Document);

public sealed record ParcelEventResponse(ParcelEvent Event, ParcelState State, Uscc Holder, DateOnly On, string Document, decimal? Investment,
    decimal? FloorAreaRatio, DateOnly? ExpiresOn, string? Detail, string Actor, DateTimeOffset At, Uscc? Lessee, decimal? Mu, DisposalKind? Disposal);

/// <summary>A lessee (承租企业) and the 亩 it leases, since the day its lease was recorded.</summary>
public sealed record LeaseResponse(Uscc Lessee, decimal Mu);

/// <summary>A disposal of low-efficiency land: how, the 亩, when begun and (null: under way) completed.</summary>
public sealed record DisposalResponse(DisposalKind Kind, decimal Mu, DateOnly? StartedOn, DateOnly? CompletedOn);

/// <summary>A breach (违约) case: opened by a failed review, the remedies agreed, those enforced and when, closed by a passed review or repossession.</summary>
public sealed record BreachResponse(DateOnly OpenedOn, string[] Agreed, EnforcedRemedy[] Enforced, DateOnly? ClosedOn);

public sealed record EnforcedRemedy(string Remedy, DateOnly On);

/// <summary>A parcel: the register, its state and holder now, what may happen next, and every event.</summary>
public sealed record ParcelResponse(string Code, string Name, ParcelLocationKind LocationKind, string Location, string? ParkCode, decimal AreaMu,
    string LandUse, SupplyMode Supply, DateOnly GrantedOn, DateOnly? ExpiresOn, ObligationsRequest? Obligations, ParcelState State, Uscc Holder,
    decimal? Investment, decimal? FloorAreaRatio, LeaseResponse[] Lessees, bool LowEfficiency, DisposalResponse[] Disposals, BreachResponse[] Breaches,
    ParcelEvent[] Next, ParcelEventResponse[] Events)
{
    public static ParcelResponse From(ParcelView v)
    {
        var s = v.Standing();
        return new(v.Code, v.Name, v.LocationKind, v.Location, v.ParkCode, v.AreaMu, v.LandUse, v.Supply,
            v.GrantedOn, v.ExpiresOn, v.Obligations is { } o ? ObligationsRequest.From(o) : null, v.State, v.Holder, v.Investment, v.FloorAreaRatio,
            s.Lessees.Select(l => new LeaseResponse(Uscc.Parse(l.Key), l.Value)).ToArray(), s.LowEfficiency,
            s.Disposals.Select(d => new DisposalResponse(d.Kind, d.Mu, d.StartedOn, d.CompletedOn)).ToArray(),
            s.Breaches.Select(b => new BreachResponse(b.OpenedOn, (v.Obligations?.Remedies ?? []).ToArray(),
                b.Enforced.Select(e => new EnforcedRemedy(e.Remedy, e.On)).ToArray(), b.ClosedOn)).ToArray(),
            NextOf(v, s),
            v.Events.Select(e => new ParcelEventResponse(e.Event, e.State, e.Holder, e.On, e.Document, e.Investment, e.FloorAreaRatio, e.ExpiresOn, e.Detail,
                e.Actor, e.At, e.Lessee, e.Mu, e.Disposal)).ToArray());
    }

    /// <summary>What may be recorded next: the lifecycle's steps (reviews have their own endpoint) and what the parcel's condition leaves open.</summary>
    public static ParcelEvent[] NextOf(ParcelView v, ParcelStanding s) =>
        ParcelLifecycle.Open(v.State).Where(e => e is not (ParcelEvent.PassReview or ParcelEvent.FailReview)).Concat(ParcelHistory.Open(s)).ToArray();
}

/// <summary>A parcel in the list.</summary>
public sealed record ParcelSummary(string Code, string Name, ParcelLocationKind LocationKind, string Location, string? ParkCode, decimal AreaMu,
    SupplyMode Supply, ParcelState State, Uscc Holder, int? ReviewYear);

/// <summary>A parcel the data proposes as low-efficiency land, why, and the figures behind it (万元/亩 last year; months without a filing).</summary>
public sealed record LowEfficiencyProposal(ParcelSummary Parcel, LowEfficiencyReason[] Reasons, decimal? TaxPerMu, int MonthsWithoutFiling);

/// <summary>A disposal of low-efficiency land in the list: the parcel, its holder, how, the 亩, begun and completed (null: under way).</summary>
public sealed record DisposalRow(string Code, string Name, Uscc Holder, DisposalKind Kind, decimal Mu, DateOnly StartedOn, DateOnly? CompletedOn);

/// <summary>
/// GET /api/land/low-efficiency: the latest 亩均 run the proposals used, the tax year and threshold, the parcels proposed,
/// those confirmed, every disposal, the 亩 freed by completed disposals and the 亩 whose disposal is under way.
/// </summary>
public sealed record LowEfficiencyResponse(string? RunId, int? RunYear, int TaxYear, decimal TaxPerMuThreshold, LowEfficiencyProposal[] Proposed,
    ParcelSummary[] Confirmed, DisposalRow[] Disposals, decimal FreedMu, decimal UnderWayMu);

public sealed record ClauseResponse(ObligationClause Clause, decimal Contracted, decimal? Actual, bool? Met);

/// <summary>
/// The 达产 review of a year: the holder, the land its figures are spread over, the figures, every clause, whether one is
/// broken, and the remedies the contract agreed for a breach.
/// </summary>
public sealed record ReviewResponse(string Code, int Year, Uscc Holder, decimal LandMu, decimal? TaxPaid, decimal? ValueAdded, decimal? EnergyTce,
    ClauseResponse[] Clauses, bool Breached, string[] Remedies, ParcelState? State = null);

public sealed class ObligationsRequestValidator : AbstractValidator<ObligationsRequest>
{
    public ObligationsRequestValidator()
    {
        RuleFor(o => o.InvestmentPerMu).GreaterThan(0m).LessThanOrEqualTo(1_000_000m);
        RuleFor(o => o.TaxPerMu).GreaterThan(0m).LessThanOrEqualTo(1_000_000m);
        RuleFor(o => o.EnergyPerValueAdded).GreaterThan(0m).LessThanOrEqualTo(1_000m);
        RuleFor(o => o.FloorAreaRatio).GreaterThan(0m).LessThanOrEqualTo(100m);
        RuleFor(o => o.EmissionsT).GreaterThanOrEqualTo(0m).LessThanOrEqualTo(100_000_000m);
        RuleFor(o => o.ReviewYear).InclusiveBetween(2000, 2100);
        RuleFor(o => o.CompleteBy).GreaterThan(o => o.StartBy).When(o => o.StartBy is not null && o.CompleteBy is not null)
            .WithMessage("竣工期限须晚于开工期限 (completeBy after startBy)");
        RuleFor(o => o.Remedies).Must(r => r is null || r.Length <= 10).WithMessage("最多 10 项违约处理 (at most 10 remedies)");
        RuleForEach(o => o.Remedies).NotEmpty().MaximumLength(190).CleanText();   // ten of them, joined, within the ledger's 2 000
        RuleFor(o => o).Must(o => (o.InvestmentPerMu ?? o.TaxPerMu ?? o.EnergyPerValueAdded ?? o.FloorAreaRatio ?? o.EmissionsT) is not null)
            .WithName("obligations").WithMessage("至少约定一项指标 (at least one obligation)");
    }
}

public sealed class ParcelRequestValidator : AbstractValidator<ParcelRequest>
{
    public ParcelRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty().Must(c => c is null || GrainGuards.ParcelCode.IsMatch(c))
            .WithMessage("地块编号为1–32位字母、数字、- 或 _ (code: letters, digits, - and _)");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200).CleanText();
        RuleFor(r => r.LocationKind).NotNull().WithMessage("locationKind 为 park, village-cluster 或 block");
        RuleFor(r => r.Location).NotEmpty().MaximumLength(200).CleanText();
        RuleFor(r => r.ParkCode).NotEmpty().When(r => r.LocationKind == ParcelLocationKind.Park).WithMessage("园区内的地块须给出 parkCode (a park parcel names its park)");
        RuleFor(r => r.ParkCode).MaximumLength(32).CleanText();
        RuleFor(r => r.AreaMu).NotNull().GreaterThan(0m).LessThanOrEqualTo(Domain.Registry.Land.MaxMu);
        RuleFor(r => r.LandUse).NotEmpty().MaximumLength(100).CleanText();
        RuleFor(r => r.Supply).NotNull().WithMessage("supply 为 flexible-term, long-lease, lease-and-grant, lease-then-grant, with-project 或 standard-land");
        RuleFor(r => r.Holder).NotNull().WithMessage("holder 必填：用地企业的统一社会信用代码 (the holder's USCC)");
        RuleFor(r => r.GrantedOn).NotNull();
        RuleFor(r => r.ExpiresOn).GreaterThan(r => r.GrantedOn).When(r => r.ExpiresOn is not null && r.GrantedOn is not null)
            .WithMessage("到期日须晚于供地日 (expiresOn after grantedOn)");
        RuleFor(r => r.Obligations).NotNull().When(r => r.Supply == SupplyMode.StandardLand)
            .WithMessage("标准地须约定指标 (a standard-land grant carries its obligations)");
        RuleFor(r => r.Obligations!).SetValidator(new ObligationsRequestValidator()).When(r => r.Obligations is not null);
        RuleFor(r => r.Document).NotEmpty().WithMessage("须给出供地文件 (the grant's document)").MaximumLength(200).CleanText();
    }
}

public sealed class ParcelEventRequestValidator : AbstractValidator<ParcelEventRequest>
{
    public ParcelEventRequestValidator()
    {
        RuleFor(r => r.Event).NotNull().WithMessage("event 为 start, complete, produce, renew, transfer, repossess, lease, end-lease, mark-low-efficiency, " +
                "clear-low-efficiency, start-disposal, complete-disposal 或 enforce-remedy")
            .Must(e => e is not (ParcelEvent.Grant or ParcelEvent.PassReview or ParcelEvent.FailReview))
            .WithMessage("供地即登记；达产复核用 POST /api/parcels/{parcel}/review (grant is registration; reviews go to /review)");
        RuleFor(r => r.On).NotNull().WithMessage("on 必填 (the day it happened)");
        RuleFor(r => r.Document).NotEmpty().WithMessage("须给出文件 (the document behind it)").MaximumLength(200).CleanText();
        RuleFor(r => r.NewHolder).NotNull().When(r => r.Event == ParcelEvent.Transfer).WithMessage("转让须给出受让企业 newHolder (a transfer names the new holder)");
        RuleFor(r => r.ExpiresOn).NotNull().When(r => r.Event == ParcelEvent.Renew).WithMessage("续期须给出新到期日 expiresOn (a renewal gives the new expiry)");
        RuleFor(r => r.Investment).GreaterThanOrEqualTo(0m).LessThanOrEqualTo(Domain.Accounting.FilingLimits.MaxMoney10kYuan);
        RuleFor(r => r.FloorAreaRatio).GreaterThan(0m).LessThanOrEqualTo(100m);
        RuleFor(r => r.Lessee).NotNull().When(r => r.Event is ParcelEvent.Lease or ParcelEvent.EndLease)
            .WithMessage("出租、退租须给出承租企业 lessee (the lessee's USCC)");
        RuleFor(r => r.Mu).NotNull().When(r => r.Event is ParcelEvent.Lease or ParcelEvent.StartDisposal)
            .WithMessage("须给出面积 mu（亩）(the area in 亩)");
        RuleFor(r => r.Mu).GreaterThan(0m).LessThanOrEqualTo(Domain.Registry.Land.MaxMu);
        RuleFor(r => r.Disposal).NotNull().When(r => r.Event == ParcelEvent.StartDisposal)
            .WithMessage("disposal 为 reclaim, transfer, upgrade, merge 或 replace-industry (how it is disposed of)");
        RuleFor(r => r.Remedy).NotEmpty().When(r => r.Event == ParcelEvent.EnforceRemedy).WithMessage("须给出执行的违约处理 remedy (one of the contract's)");
        RuleFor(r => r.Remedy).MaximumLength(190).CleanText();
        RuleFor(r => r.Note).MaximumLength(2000).CleanText();
    }
}

public sealed class ReviewRequestValidator : AbstractValidator<ReviewRequest>
{
    public ReviewRequestValidator()
    {
        RuleFor(r => r.Year).InclusiveBetween(2020, 2100);
        RuleFor(r => r.On).NotNull().WithMessage("on 必填 (the day of the review)");
        RuleFor(r => r.Document).NotEmpty().WithMessage("须给出复核文件 (the review's document)").MaximumLength(200).CleanText();
    }
}
