using System.Diagnostics;
using Carbon.Certificates;
using Carbon.Domain.Certificates;
using Carbon.Server.Telemetry;

namespace Carbon.Server.Certificates;

/// <summary>
/// 证书生成遥测: the renderer, with each PDF counted and timed by kind (<see cref="CarbonTelemetry.CertificateRenders"/>,
/// <see cref="CarbonTelemetry.CertificateRenderDuration"/>) and traced as a "certificate.render" activity. Issuing and
/// regenerating both render through it. The bytes are the inner renderer's, untouched.
/// </summary>
public sealed class MeteredCertificateRenderer(ICertificateRenderer inner) : ICertificateRenderer
{
    public byte[] Render(GreenFactoryCertificateData data) => Measure(CertificateKind.GreenFactory, data, inner.Render);

    public byte[] Render(MuYieldNoticeData data) => Measure(CertificateKind.MujunNotice, data, inner.Render);

    public byte[] Render(AnnualReportData data) => Measure(CertificateKind.AnnualReport, data, inner.Render);

    public byte[] Render(SupervisionDocumentData data) => Measure(CertificateKind.SupervisionDocument, data, inner.Render);

    public byte[] Render(SupervisionReportData data) => Measure(CertificateKind.SupervisionReport, data, inner.Render);

    public byte[] Render(PlanEvaluationData data) => Measure(CertificateKind.PlanEvaluation, data, inner.Render);

    public string? ReadNumber(ReadOnlySpan<byte> pdf) => inner.ReadNumber(pdf);

    private static byte[] Measure<T>(CertificateKind kind, T data, Func<T, byte[]> render)
    {
        var token = kind.Token();
        using var activity = CarbonTelemetry.Source.StartActivity("certificate.render");
        activity?.SetTag("carbon.certificate.kind", token);
        var start = Stopwatch.GetTimestamp();
        var pdf = render(data);
        var tag = new KeyValuePair<string, object?>("kind", token);
        CarbonTelemetry.CertificateRenders.Add(1, tag);
        CarbonTelemetry.CertificateRenderDuration.Record(CarbonTelemetry.MillisecondsSince(start), tag);
        activity?.SetTag("carbon.certificate.bytes", pdf.Length);
        return pdf;
    }
}
