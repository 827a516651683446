using System.Text.Json;
using Carbon.Domain.Certificates;

namespace Carbon.Certificates;

/// <summary>How each kind's frozen data is stored (JSON) and rendered again.</summary>
public static class StoredCertificates
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Serialize(object data) => JsonSerializer.Serialize(data, data.GetType(), Json);

    /// <summary>What every kind's stored data has: the header and the firm's name, or the district's for a district-wide kind (for pages that show a certificate).</summary>
    public static (CertificateHeader Header, string EnterpriseName) Summary(string dataJson)
    {
        var common = JsonSerializer.Deserialize<Common>(dataJson, Json)!;
        return (common.Header, common.EnterpriseName);
    }

    /// <summary>The members every kind of certificate data shares.</summary>
    private sealed record Common(CertificateHeader Header, string EnterpriseName);

    /// <summary>Renders a certificate from its stored data: what issuing did, and what regeneration repeats byte for byte.</summary>
    public static byte[] Render(ICertificateRenderer renderer, CertificateKind kind, string dataJson) => kind switch
    {
        CertificateKind.GreenFactory => renderer.Render(JsonSerializer.Deserialize<GreenFactoryCertificateData>(dataJson, Json)!),
        CertificateKind.MujunNotice => renderer.Render(JsonSerializer.Deserialize<MuYieldNoticeData>(dataJson, Json)!),
        CertificateKind.SupervisionDocument => renderer.Render(JsonSerializer.Deserialize<SupervisionDocumentData>(dataJson, Json)!),
        CertificateKind.SupervisionReport => renderer.Render(JsonSerializer.Deserialize<SupervisionReportData>(dataJson, Json)!),
        CertificateKind.PlanEvaluation => renderer.Render(JsonSerializer.Deserialize<PlanEvaluationData>(dataJson, Json)!),
        _ => renderer.Render(JsonSerializer.Deserialize<AnnualReportData>(dataJson, Json)!),
    };
}

/// <summary>Turns certificate data into PDF bytes, deterministically, and finds the number in a PDF's raw bytes.</summary>
public interface ICertificateRenderer
{
    byte[] Render(GreenFactoryCertificateData data);

    byte[] Render(MuYieldNoticeData data);

    byte[] Render(AnnualReportData data);

    byte[] Render(SupervisionDocumentData data);

    byte[] Render(SupervisionReportData data);

    byte[] Render(PlanEvaluationData data);

    string? ReadNumber(ReadOnlySpan<byte> pdf);
}
