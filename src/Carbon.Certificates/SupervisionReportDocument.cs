namespace Carbon.Certificates;

/// <summary>
/// 年度节能监察报告: the district's year of supervision on one page in the 红头 style of the case documents — the key
/// figures as tiles, cases by state and findings by category side by side, and the cases that led to a document.
/// </summary>
internal static class SupervisionReportDocument
{
    /// <summary>At most this many cases are listed; the rest are counted (the register and the pages list them all).</summary>
    public const int ListedCases = 30;

    public static double Draw(PdfLayout l, SupervisionReportData d, double scale)
    {
        var theme = SupervisionDocument.Theme;
        CertificatePage.Border(l, ornate: false);
        CertificatePage.NumberLine(l, "报告编号", d.Header.Number);
        var top = CertificatePage.Title(l, $"{d.Year}年度节能监察报告", $"Energy-saving supervision report {d.Year}", 60, 22, 3, theme.Accent);
        l.Line(PdfLayout.Left, top + 2, PdfLayout.Right, top + 2, theme.Accent, 2);
        l.Line(PdfLayout.Left, top + 5.5, PdfLayout.Right, top + 5.5, theme.Accent, 0.6);
        var overflow = CertificatePage.Body(l, top + 14, scale, (x, y, w) => Body(l, d, x, y, w));
        CertificatePage.Footer(l, d.Header, "报告编号");
        return overflow;
    }

    private static double Body(PdfLayout l, SupervisionReportData d, double x, double y, double w)
    {
        y = l.Fields(x, y, w, 118,
        [
            [new("监察机构", "Supervision body", d.EnterpriseName, true)],
            [new("报告年度", "Year", $"{d.Year} 年度"), new("数据截至", "As of", Fmt.Date(d.AsOf))],
        ], 10.5);

        y = CertificatePage.Heading(l, "主要数字", "Key figures", x, y + 8);
        y = l.Tiles(x, y, w,
        [
            new("监察案件", "Cases", Fmt.Int(d.Cases)),
            new("已实施监察", "Inspected", Fmt.Int(d.Inspected)),
            new("其中现场", "On site", Fmt.Int(d.Visited)),
            new("限期整改", "Orders", Fmt.Int(d.Orders)),
            new("整改率", "Rectified", Fmt.Percent(d.RectificationRate)),
        ], 40);
        y = l.Paragraph(
            $"出具节能监察建议书 {Fmt.Int(d.Advice)} 件，整改完成 {Fmt.Int(d.Rectified)} 件，移送处罚 {Fmt.Int(d.Referred)} 件；截至报告日逾期未办 {Fmt.Int(d.Overdue)} 项。" +
            "整改率 = 整改完成 ÷ 已结束整改期的限期整改 (rectified ÷ orders no longer awaiting report or re-inspection).",
            x, y + 4, w, 8.5, 1.5, false, PdfLayout.Muted);

        var half = (w - 12) / 2;
        var tablesTop = y + 8;
        var left = CertificatePage.Heading(l, "案件状态", "Cases by state", x, tablesTop);
        left = l.Table(x, left, [new("状态", "State", half - 60), new("件数", "Cases", 60, Align.Right)],
            Rows(d.ByState, d.Cases), 9, strongRows: 1);
        var right = CertificatePage.Heading(l, "发现问题类别", "Findings by category", x + half + 12, tablesTop);
        right = l.Table(x + half + 12, right, [new("类别", "Category", half - 60), new("项数", "Findings", 60, Align.Right)],
            Rows(d.FindingsByCategory, d.FindingsByCategory.Sum(c => c.Count)), 9, strongRows: 1);
        y = Math.Max(left, right);

        var listed = d.CaseList.Take(ListedCases).ToList();
        if (listed.Count > 0)
        {
            y = CertificatePage.Heading(l, "出具文书的案件", "Cases with an order, advice or referral", x, y + 10);
            y = l.Table(x, y, [
                new("被监察单位", "Unit", w - 96 - 56 - 56 - 78 - 44),
                new("统一社会信用代码", "USCC", 96),
                new("方式", "Mode", 56, Align.Center),
                new("起因", "Trigger", 56, Align.Center),
                new("状态", "State", 78, Align.Center),
                new("问题", "Findings", 44, Align.Right),
            ], listed.Select(c => (IReadOnlyList<string>)[c.EnterpriseName, c.Uscc, c.Mode, c.Trigger,
                c.Deadline is { } dl && c.State == "限期整改" ? $"{c.State}（{dl:MM-dd}）" : c.State, Fmt.Int(c.Findings)]).ToList(), 8);
            if (d.CaseList.Count > listed.Count)
            {
                y = l.Paragraph($"另有 {Fmt.Int(d.CaseList.Count - listed.Count)} 件见案件登记 (and {d.CaseList.Count - listed.Count} more in the case register)",
                    x, y + 2, w, 8, 1.4, false, PdfLayout.Muted);
            }
        }
        y = l.Paragraph("依据 Legal basis：《中华人民共和国节约能源法》；《节能监察办法》（国家发展和改革委员会令2016年第33号）；" +
                        "《工业节能监察办法（征求意见稿）》（工业和信息化部，2022）第三条 年度监察计划。", x, y + 8, w, 8.5, 1.5, false, PdfLayout.Muted);
        return y;
    }

    /// <summary>Named counts with a total row.</summary>
    private static List<IReadOnlyList<string>> Rows(IReadOnlyList<CountLine> lines, int total)
    {
        var rows = lines.Select(c => (IReadOnlyList<string>)[c.Name, Fmt.Int(c.Count)]).ToList();
        rows.Add(["合计 Total", Fmt.Int(total)]);
        return rows;
    }
}
