using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

/// <summary>The one mapping between the registry's ledger rows and the profiles grains keep.</summary>
public static class RegistryMapping
{
    public static EnterpriseProfile ToProfile(this EnterpriseRevisionRecord r, string? parkCode) =>
        new(Uscc.Parse(r.Uscc), r.Name, r.Industry, r.IndustryCode, parkCode, r.Scale, r.LandAreaMu, r.EstablishedOn, r.LandGrantedOn,
            r.FloorAreaM2, r.FootprintM2, r.LeasedAreaMu, r.ParcelGroup, r.HeldDesignations());

    /// <summary>The titles a revision records (null when none).</summary>
    public static Designation[]? HeldDesignations(this EnterpriseRevisionRecord r) =>
        r.Designations?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => Designations.TryParse(t, out var d) ? d : (Designation?)null)
            .OfType<Designation>().ToArray();

    public static EnterpriseRevisionRecord ToRevision(this EnterpriseProfile p, int revision, string? reason, string actor, DateTimeOffset at) =>
        new()
        {
            Uscc = p.Uscc.Value,
            Revision = revision,
            Name = p.Name,
            Industry = p.Industry,
            IndustryCode = p.IndustryCode,
            Scale = p.Scale,
            LandAreaMu = p.LandAreaMu,
            EstablishedOn = p.EstablishedOn,
            LandGrantedOn = p.LandGrantedOn,
            FloorAreaM2 = p.FloorAreaM2,
            FootprintM2 = p.FootprintM2,
            LeasedAreaMu = p.LeasedAreaMu,
            ParcelGroup = p.ParcelGroup,
            Designations = p.Designations is { Length: > 0 } held ? string.Join(' ', held.Distinct().Order().Select(d => d.Token())) : null,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            Actor = actor,
            RecordedAt = at,
        };

    public static RevisionView ToInfo(this EnterpriseRevisionRecord r) => new(r.Revision, r.RecordedAt, r.Actor, r.Reason);

    public static RevisionView ToInfo(this FilingRecord r) => new(r.Revision, r.RecordedAt, r.Actor, r.Reason, r.Confirmation);

    public static ParkProfile ToProfile(this ParkRecord r) => new(r.Code, r.Name, r.Kind);
}
