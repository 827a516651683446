using Carbon.Domain.Certificates;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// The certificate register (证书登记簿), one per cluster: it alone numbers certificates and writes the register and its
/// revocations. Rendering happens outside it, so it only takes short calls.
/// </summary>
public interface ICertificateRegisterGrain : IGrainWithStringKey
{
    /// <summary>The next number of a kind and year, e.g. MN-2025-000042. A reserved number not recorded leaves a gap.</summary>
    Task<string> ReserveAsync(CertificateKind kind, int year);

    Task RecordAsync(CertificateEntry entry);

    Task<RevokeOutcome> RevokeAsync(string number, string reason, string actor);
}

public static class RegisterKeys
{
    public const string Register = "register";
}
