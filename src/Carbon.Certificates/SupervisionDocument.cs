using PdfSharp.Drawing;

namespace Carbon.Certificates;

/// <summary>
/// 节能监察文书: an official document in 红头 style (the issuing unit's red title over a red double rule), numbered, the
/// firm, the case's dates and inspectors, the findings with the rules they cite, the step's text and its legal basis.
/// </summary>
internal static class SupervisionDocument
{
    public static readonly Theme Theme = new(XColor.FromArgb(0xB0, 0x1E, 0x23), XColor.FromArgb(0xF7, 0xEC, 0xEC));

    public static double Draw(PdfLayout l, SupervisionDocumentData d, double scale)
    {
        CertificatePage.Border(l, ornate: false);
        CertificatePage.NumberLine(l, "文书编号", d.Header.Number);
        var top = CertificatePage.Title(l, d.Title, d.TitleEnglish, 66, 24, 3, Theme.Accent);
        l.Line(PdfLayout.Left, top + 2, PdfLayout.Right, top + 2, Theme.Accent, 2);
        l.Line(PdfLayout.Left, top + 5.5, PdfLayout.Right, top + 5.5, Theme.Accent, 0.6);
        var overflow = CertificatePage.Body(l, top + 16, scale, (x, y, w) => Body(l, d, x, y, w));
        CertificatePage.Footer(l, d.Header, "文书编号");
        return overflow;
    }

    private static double Body(PdfLayout l, SupervisionDocumentData d, double x, double y, double w)
    {
        var rows = new List<Field[]>
        {
            new Field[] { new("被监察单位", "Inspected unit", d.EnterpriseName, true) },
            new Field[] { new("统一社会信用代码", "Unified social credit code", d.Uscc), new("监察年度", "Year", $"{d.Year} 年度") },
            new Field[] { new("监察方式", "Mode", d.Mode), new("日期", "Date", Fmt.Date(d.On)) },
        };
        if (d.Date is { } date && d.DateLabel is { } label)
        {
            rows.Add([new(label, "", Fmt.Date(date), true)]);
        }
        if (d.Inspectors.Count > 0)
        {
            rows.Add([new("监察人员", "Inspectors", string.Join("、", d.Inspectors))]);
        }
        y = l.Fields(x, y, w, 118, rows);

        if (d.Findings.Count > 0)
        {
            y = CertificatePage.Heading(l, "发现的问题", "Findings", x, y + 10);
            y = l.Table(x, y, [
                new("序号", "No.", 36, Align.Center),
                new("类别", "Category", 86),
                new("依据", "Rule", 110),
                new("问题", "Finding", w - 36 - 86 - 110 - 92),
                new("实测/限值", "Measured", 92, Align.Right),
            ], d.Findings.Select(f => (IReadOnlyList<string>)[Fmt.Int(f.Number), f.Category, f.RuleRef, f.Text, f.Measured ?? ""]).ToList(), 9);
        }
        if (!string.IsNullOrWhiteSpace(d.Text))
        {
            y = l.Paragraph($"\u3000\u3000{d.Text}", x, y + 10, w, 11, 1.6);
        }
        y = l.Paragraph($"依据 Legal basis：{d.LegalBasis}", x, y + 8, w, 8.5, 1.5, false, PdfLayout.Muted);
        y = l.Paragraph($"案件 Case {d.CaseId} · 第 {d.Step} 步", x, y + 2, w, 8.5, 1.5, false, PdfLayout.Muted);
        return l.Paragraph($"\u3000\u3000{d.Closing}", x, y + 4, w, 11, 1.6);
    }
}
