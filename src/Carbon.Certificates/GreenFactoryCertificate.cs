using PdfSharp.Drawing;

namespace Carbon.Certificates;

/// <summary>绿色工厂证书: certificate style (ornate green frame), the 认定 sentence, and the category scores behind it.</summary>
internal static class GreenFactoryCertificate
{
    public static readonly Theme Theme = new(XColor.FromArgb(0x1F, 0x6B, 0x3C), XColor.FromArgb(0xEA, 0xF3, 0xEC));

    /// <summary>Draws the page; returns the body's height relative to its room (see <see cref="CertificatePage.Body"/>).</summary>
    public static double Draw(PdfLayout l, GreenFactoryCertificateData d, double scale)
    {
        CertificatePage.Border(l, ornate: true);
        CertificatePage.NumberLine(l, "证书编号", d.Header.Number);
        var top = CertificatePage.Title(l, "绿色工厂证书", "Green Factory Certificate", 70, 34, 12, Theme.Accent);
        var overflow = CertificatePage.Body(l, top + 24, scale, (x, y, w) => Body(l, d, x, y, w));
        CertificatePage.Footer(l, d.Header, "证书编号");
        return overflow;
    }

    private static double Body(PdfLayout l, GreenFactoryCertificateData d, double x, double y, double w)
    {
        y = l.Fields(x, y, w, 118,
        [
            [new("企业名称", "Enterprise", d.EnterpriseName, true)],
            [new("统一社会信用代码", "Unified social credit code", d.Uscc)],
            [new("评价年度", "Year assessed", $"{d.Year} 年度")],
            [new("评价标准", "Standard", $"{d.Edition} 《绿色工厂评价通则》")],
        ]);

        y = l.Paragraph($"\u3000\u3000兹认定 {d.EnterpriseName} 符合 {d.Edition} 《绿色工厂评价通则》要求，评定为绿色工厂。",
            x, y + 22, w, 14, 1.85, true);
        y = l.Paragraph(
            $"This is to certify that the enterprise named above meets the requirements of {d.Edition} "
            + "\"General principle for assessment of green factory\" and is recognised as a Green Factory.",
            x, y + 2, w, 8.5, 1.45, false, PdfLayout.Muted);

        y = CertificatePage.Heading(l, "评价得分", "Assessment scores", x, y + 20);
        var rows = d.Categories
            .Select((c, i) => (IReadOnlyList<string>)[Fmt.Int(i + 1), c.Name, Fmt.Num(c.Weight), Fmt.Num(c.Score)])
            .Append(["", "总得分 Total", Fmt.Num(d.Categories.Sum(c => c.Weight)), Fmt.Num(d.TotalScore)])
            .ToList();
        y = l.Table(x, y, [
            new("序号", "No.", 44, Align.Center),
            new("评价维度", "Category", w - 44 - 2 * 96),
            new("权重", "Weight", 96, Align.Right),
            new("得分", "Score", 96, Align.Right),
        ], rows, 10, strongRows: 1);

        return l.Tiles(x, y + 16, w,
        [
            new("总得分", "Total score", Fmt.Num(d.TotalScore)),
            new("合格分数线", "Pass score", Fmt.Num(d.PassScore)),
            new("规则集版本", "Rule set", d.RuleSetVersion),
        ]);
    }
}
