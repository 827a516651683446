using System.Text.Json;
using Carbon.Server.Certificates.Pdf;

namespace Carbon.Server.Certificates;

/// <summary>The three kinds of certificate, their number prefixes and how their frozen data is stored.</summary>
public static class CertificateKinds
{
    public const string GreenFactory = "green-factory";
    public const string MuYieldNotice = "muyun-notice";
    public const string AnnualReport = "annual-report";

    public static readonly string[] All = [GreenFactory, MuYieldNotice, AnnualReport];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>GF (绿色工厂证书), MN (亩均评价告知书), AR (年度能源与碳排放报告).</summary>
    public static string Prefix(string kind) => kind switch
    {
        GreenFactory => "GF",
        MuYieldNotice => "MN",
        AnnualReport => "AR",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string ChineseName(string kind) => kind switch
    {
        GreenFactory => "绿色工厂证书",
        MuYieldNotice => "亩均效益综合评价结果告知书",
        _ => "年度能源与碳排放报告",
    };

    public static string Serialize(object data) => JsonSerializer.Serialize(data, data.GetType(), Json);

    /// <summary>Renders a certificate from its stored data: what issuing did, and what regeneration repeats byte for byte.</summary>
    public static byte[] Render(ICertificateRenderer renderer, string kind, string dataJson) => kind switch
    {
        GreenFactory => renderer.Render(JsonSerializer.Deserialize<GreenFactoryCertificateData>(dataJson, Json)!),
        MuYieldNotice => renderer.Render(JsonSerializer.Deserialize<MuYieldNoticeData>(dataJson, Json)!),
        AnnualReport => renderer.Render(JsonSerializer.Deserialize<AnnualReportData>(dataJson, Json)!),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>Turns certificate data into PDF bytes, deterministically, and finds the number in a PDF's raw bytes.</summary>
public interface ICertificateRenderer
{
    byte[] Render(GreenFactoryCertificateData data);

    byte[] Render(MuYieldNoticeData data);

    byte[] Render(AnnualReportData data);

    string? ReadNumber(ReadOnlySpan<byte> pdf);
}
