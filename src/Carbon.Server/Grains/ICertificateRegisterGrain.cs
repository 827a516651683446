using Carbon.Domain.Access;
using Carbon.Domain.Certificates;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// The certificate register (证书登记簿), one per cluster: it alone numbers certificates and writes the register and its
/// revocations. Rendering happens outside it, so it only takes short calls.
/// </summary>
public interface ICertificateRegisterGrain : IGrainWithStringKey
{
    /// <summary>The live (issued, not revoked) certificate of a firm, kind and year, or null.</summary>
    [ReadOnly]
    Task<string?> FindLiveAsync(CertificateKind kind, Uscc? uscc, int year, string? sourceId = null);

    /// <summary>
    /// The next number of a kind and year, e.g. MN-2025-000042 — unless the firm holds a live certificate of that kind
    /// and year (its number, unless the reservation supersedes it) or one is being issued. One live certificate per firm,
    /// kind and year: checked and reserved in one call, so two requests cannot both issue. A reserved number not
    /// recorded leaves a gap.
    /// </summary>
    Task<ReserveOutcome> ReserveAsync(CertificateReservation reservation);

    /// <summary>Gives up a reservation whose certificate could not be made (the number stays unused).</summary>
    Task ReleaseAsync(string number);

    Task RecordAsync(CertificateEntry entry);

    Task<RevokeOutcome> RevokeAsync(string number, string reason, Caller caller);
}

public static class RegisterKeys
{
    public const string Register = "register";
}
