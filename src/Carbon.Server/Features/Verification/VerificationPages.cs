using System.Globalization;
using System.Net;
using System.Text;
using Carbon.Certificates;
using Carbon.Domain.Certificates;
using Carbon.Server.Configuration;
using Carbon.Server.Features.Certificates;
using Carbon.Server.Grains;
using Carbon.Server.Http;
using Carbon.Server.Ledger;

namespace Carbon.Server.Features.Verification;

/// <summary>
/// The verification pages' HTML: Chinese first with English beside it, every value HTML-encoded, links relative (so
/// the pages work under any path base a proxy puts them at), and a form that needs no script.
/// </summary>
internal static class VerificationPages
{
    /// <summary>The page of one certificate: what it is, whose, where it stands today, its PDF, and the upload form.</summary>
    public static string Certificate(RegisteredCertificate c, ReportingClock clock)
    {
        var entry = CertificateResponse.From(c, clock);
        var body = new StringBuilder();
        body.Append(Status(entry.Status, "p"));
        Details(body, entry, c);
        body.Append("<p class=\"links\"><a href=\"../api/certificates/").Append(Url(c.Number)).Append("\">下载证书 PDF (download the PDF)</a></p>");
        body.Append(UploadForm("../verify"));
        body.Append("<p class=\"machine\">机器可读 (machine-readable): <a href=\"../api/certificates/").Append(Url(c.Number))
            .Append("/status\">JSON</a> · <a href=\"../api/certificates/public-key\">验签公钥 (public key)</a></p>");
        return Page($"证书核验 {c.Number}", body.ToString());
    }

    public static string Unknown(string number) =>
        Page("证书核验 (certificate verification)",
            $"{Badge("未找到", "Not found", "unknown", "p")}<p>登记簿中无证书 <strong>{E(number)}</strong>，请核对编号 " +
            $"(there is no certificate {E(number)} in the register; check the number).</p>{UploadForm("../verify")}");

    public static string Form() => Page("证书核验 (certificate verification)", UploadForm("verify"));

    public static string NoFile() =>
        Page("证书核验 (certificate verification)",
            $"{Badge("请选择文件", "No file", "unknown", "p")}<p>请选择不超过 {CertificateUpload.MaxText} 的证书 PDF " +
            $"(choose the certificate PDF, up to {CertificateUpload.MaxText}).</p>{UploadForm("verify")}");

    public static string TooLarge() =>
        Page("证书核验 (certificate verification)",
            $"{Badge("文件过大", "Too large", "unknown", "p")}<p>所选文件超过 {CertificateUpload.MaxText}，不是本服务出具的证书 " +
            $"(the file is larger than {CertificateUpload.MaxText}: it is not a certificate this service issued).</p>{UploadForm("verify")}");

    /// <summary>What an uploaded file turned out to be, and, when the register knows its number, the certificate itself.</summary>
    public static string Checked(VerificationResponse v, RegisteredCertificate? c, ReportingClock clock)
    {
        var body = new StringBuilder();
        body.Append(v.Result switch
        {
            VerificationResult.Valid => Badge("有效", "Valid", "valid", "p"),
            VerificationResult.Revoked => Badge("已吊销", "Revoked", "revoked", "p"),
            VerificationResult.Altered => Badge("已被改动", "Altered", "altered", "p"),
            _ => Badge("未知", "Unknown", "unknown", "p"),
        });
        body.Append("<p>").Append(E(v.Explanation)).Append("</p>");
        body.Append("<dl>");
        Row(body, "文件 SHA-256", "File SHA-256", $"<code>{E(v.Sha256)}</code>");
        if (c is not null)
        {
            Row(body, "出具文件 SHA-256", "Issued SHA-256", $"<code>{E(c.Sha256)}</code>");
        }
        body.Append("</dl>");
        if (c is not null)
        {
            body.Append("<h2>证书 <span>The certificate</span></h2>");
            var entry = CertificateResponse.From(c, clock);
            Details(body, entry, c);
            body.Append("<p class=\"links\"><a href=\"verify/").Append(Url(c.Number)).Append("\">证书核验页 (the certificate's page)</a> · ")
                .Append("<a href=\"api/certificates/").Append(Url(c.Number)).Append("\">下载出具的 PDF (download the issued PDF)</a></p>");
        }
        body.Append(UploadForm("verify"));
        return Page("证书核验结果 (verification result)", body.ToString());
    }

    /// <summary>Where a certificate stands today, as a coloured badge in a <paramref name="tag"/> element.</summary>
    private static string Status(CertificateState state, string tag) => state switch
    {
        CertificateState.Valid => Badge("有效", "Valid", "valid", tag),
        CertificateState.Revoked => Badge("已吊销", "Revoked", "revoked", tag),
        CertificateState.Expired => Badge("已过期", "Expired", "expired", tag),
        _ => Badge("尚未生效", "Not yet in force", "unknown", tag),
    };

    private static string Badge(string zh, string en, string css, string tag) => $"<{tag} class=\"status {css}\">{zh} <span>{en}</span></{tag}>";

    private static void Details(StringBuilder body, CertificateResponse entry, RegisteredCertificate c)
    {
        var (header, enterprise) = StoredCertificates.Summary(c.DataJson);
        body.Append("<dl>");
        Row(body, "证书编号", "Number", E(entry.Number));
        Row(body, "类型", "Kind", $"{E(entry.KindName)} ({E(entry.Kind.Token())})");
        if (entry.Uscc is { } uscc)
        {
            Row(body, "企业名称", "Enterprise", E(enterprise));
            Row(body, "统一社会信用代码", "USCC", E(uscc));
        }
        else
        {
            Row(body, "范围", "Scope", "全区 <span>the whole district</span>");
        }
        Row(body, "年度", "Year", E($"{entry.Year}"));
        Row(body, "状态", "Status", Status(entry.Status, "span"));
        Row(body, "发证机关", "Issuer", E(header.Issuer));
        Row(body, "发证日期", "Issued on", E(Day(entry.IssuedAt)));
        if (entry.ValidUntil is { } until)
        {
            Row(body, "有效期至", "Valid until", E(until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
        if (entry.RevokedAt is { } revoked)
        {
            Row(body, "吊销日期", "Revoked on", E(Day(revoked)));
            Row(body, "吊销原因", "Reason", E(entry.RevokedReason ?? ""));
        }
        Row(body, "SHA-256", "of the issued PDF", $"<code>{E(entry.Sha256)}</code>");
        body.Append("</dl>");
    }

    private static void Row(StringBuilder body, string zh, string en, string valueHtml) =>
        body.Append("<dt>").Append(zh).Append(" <span>").Append(en).Append("</span></dt><dd>").Append(valueHtml).Append("</dd>");

    private static string UploadForm(string action) =>
        $"<h2>核验文件 <span>Check a file</span></h2><p>上传您持有的证书 PDF，核对它与登记簿中出具的文件是否逐字节一致、签名是否有效 " +
        $"(upload the PDF you hold to check it is byte for byte the one issued, with a valid signature).</p>" +
        $"<form method=\"post\" action=\"{E(action)}\" enctype=\"multipart/form-data\"><input type=\"file\" name=\"file\" accept=\"application/pdf\" required> " +
        "<button type=\"submit\">核验 Verify</button></form>";

    private static string Page(string title, string body) =>
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<title>{E(title)}</title><style>{Style}</style></head><body><main><h1>证书核验 <span>Certificate verification</span></h1>{body}" +
        "</main></body></html>";

    private const string Style =
        "body{font-family:system-ui,'PingFang SC','Microsoft YaHei','Noto Sans SC',sans-serif;margin:0;background:#f4f6f8;color:#1e1e1e}" +
        "main{max-width:44rem;margin:0 auto;padding:1.5rem;background:#fff;min-height:100vh}h1,h2{font-weight:600}" +
        "h1 span,h2 span,dt span,.status span{color:#6a6a6a;font-weight:400;font-size:.8em}" +
        "dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem}dt{color:#444}dd{margin:0;word-break:break-all}" +
        ".status{display:inline-block;padding:.3rem .8rem;border-radius:.3rem;font-weight:600;font-size:1.2rem}" +
        ".valid{background:#e3f4e8;color:#1f6b3c}.revoked,.altered{background:#fbe6e6;color:#b01e23}.expired,.unknown{background:#eee;color:#555}" +
        "span.status{font-size:1rem;padding:.1rem .5rem}.machine{color:#6a6a6a;font-size:.85rem}";

    private static string Day(DateTimeOffset at) =>
        at.ToOffset(ReportingClock.Offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string E(string value) => WebUtility.HtmlEncode(value);

    private static string Url(string number) => E(Uri.EscapeDataString(number));
}
