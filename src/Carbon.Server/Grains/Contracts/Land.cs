using Carbon.Domain.Access;
using Carbon.Domain.LandUse;
using Carbon.Domain.Registry;

namespace Carbon.Server.Grains.Contracts;

/// <summary>A parcel to register: what it is, where, how it was supplied, to whom, and (标准地) the contract's obligations.</summary>
[GenerateSerializer, Immutable, Alias("carbon.land.register")]
public sealed record RegisterParcel(string Name, ParcelLocationKind LocationKind, string Location, string? ParkCode, decimal AreaMu, string LandUse,
    SupplyMode Supply, Uscc Holder, DateOnly GrantedOn, DateOnly? ExpiresOn, StandardLandObligations? Obligations, string Document, Caller Caller);

/// <summary>
/// Something that happened to a parcel: the event, the day and the document; a transfer's new holder, 竣工's investment
/// (万元) and floor-area ratio, a renewal's new expiry, a review's clause-by-clause result.
/// </summary>
/// <remarks>
/// A lease's lessee and 亩, a disposal's kind and 亩; the detail is an enforced remedy or a finding's note.
/// </remarks>
[GenerateSerializer, Immutable, Alias("carbon.land.event")]
public sealed record ParcelEventCommand(ParcelEvent Event, DateOnly On, string Document, Uscc? NewHolder, decimal? Investment, decimal? FloorAreaRatio,
    DateOnly? ExpiresOn, string? Detail, Caller Caller, Uscc? Lessee = null, decimal? Mu = null, DisposalKind? Disposal = null);

/// <summary>How a parcel command ended.</summary>
public enum ParcelResult
{
    Done,
    Refused,
    NotFound,
    Conflict,
    UnknownEnterprise,
}

[GenerateSerializer, Immutable, Alias("carbon.land.answer")]
public sealed record ParcelAnswer(ParcelResult Result, ParcelView? Parcel, string? Field = null, string? Message = null);

/// <summary>One event as recorded.</summary>
[GenerateSerializer, Immutable, Alias("carbon.land.event-view")]
public sealed record ParcelEventView(ParcelEvent Event, ParcelState State, Uscc Holder, DateOnly On, string Document, decimal? Investment,
    decimal? FloorAreaRatio, DateOnly? ExpiresOn, string? Detail, string Actor, DateTimeOffset At, Uscc? Lessee = null, decimal? Mu = null,
    DisposalKind? Disposal = null)
{
    public ParcelStep ToStep() => new(Event, On, State, Holder.Value, Lessee?.Value, Mu, Disposal, Event == ParcelEvent.EnforceRemedy ? Detail : null);
}

/// <summary>
/// A parcel now: the register's facts, the state and holder after its last event, the expiry after any renewal, the
/// investment and floor-area ratio 竣工 recorded, and every event, oldest first.
/// </summary>
[GenerateSerializer, Immutable, Alias("carbon.land.view")]
public sealed record ParcelView(string Code, string Name, ParcelLocationKind LocationKind, string Location, string? ParkCode, decimal AreaMu,
    string LandUse, SupplyMode Supply, DateOnly GrantedOn, DateOnly? ExpiresOn, StandardLandObligations? Obligations, ParcelState State, Uscc Holder,
    decimal? Investment, decimal? FloorAreaRatio, ParcelEventView[] Events)
{
    /// <summary>Leases, low-efficiency finding, disposals and breaches, folded from the events (derived, never stored).</summary>
    public ParcelStanding Standing() => ParcelHistory.Standing(Code, Events.Select(e => e.ToStep()))!;
}
