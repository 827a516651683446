using System.Globalization;
using Carbon.Certificates.Charts;
using PdfSharp.Drawing;

namespace Carbon.Certificates;

/// <summary>
/// 年度能源与碳排放报告: the year against the baseline, the reductions, a vector trend chart of the twelve months, and
/// the price basis, factor set and standard clauses the figures were computed under. A report of fewer than twelve
/// months says which under the firm's name, and its columns are headed with the months they sum.
/// </summary>
internal static class AnnualReport
{
    public static readonly Theme Theme = new(XColor.FromArgb(0x1F, 0x4E, 0x79), XColor.FromArgb(0xE8, 0xEF, 0xF7));

    public static double Draw(PdfLayout l, AnnualReportData d, double scale)
    {
        CertificatePage.Border(l, ornate: false);
        CertificatePage.NumberLine(l, "报告编号", d.Header.Number);
        var top = CertificatePage.Title(l, "年度能源与碳排放报告", $"Annual energy and carbon emission report {d.Year}", 60, 24, 4,
            Theme.Accent);
        var overflow = CertificatePage.Body(l, top + 10, scale, (x, y, w) => Body(l, d, x, y, w));
        CertificatePage.Footer(l, d.Header, "报告编号");
        return overflow;
    }

    private static double Body(PdfLayout l, AnnualReportData d, double x, double y, double w)
    {
        y = l.Fields(x, y, w, 118,
        [
            [new("企业名称", "Enterprise", d.EnterpriseName, true)],
            [new("统一社会信用代码", "Unified social credit code", d.Uscc),
                new("报告年度", "Year reported", $"{d.Year} 年度")],
        ], 10.5);
        if (d.CoveredMonths is { Count: > 0 } covered)
        {
            y = l.Paragraph($"本报告仅涵盖 {d.Year}年{Months.Chinese(covered)}月 (covers {Months.English(covered)} {d.Year} only)", x, y + 6, w, 10, 1.5,
                true, Theme.Accent);
            var baseline = Enumerable.Range(1, covered[^1]).ToList();
            y = l.Paragraph($"对比基准为 {d.Baseline.Year}年{Months.Chinese(baseline)}月 (compared with {Months.English(baseline)} {d.Baseline.Year})",
                x, y, w, 8, 1.4, false, PdfLayout.Muted);
        }

        y = CertificatePage.Heading(l, "总量与强度", "Totals and intensities", x, y + 8);
        var c = d.Current;
        var b = d.Baseline;
        IReadOnlyList<string> Row(string name, string unit, Func<ReportFigures, decimal?> f, int decimals = 2) =>
            [name, unit, Fmt.Num(f(c), decimals), Fmt.Num(f(b), decimals)];
        const double unit = 84, num = 104;
        var (currentHeader, baselineHeader) = d.CoveredMonths is { Count: > 0 } months
            ? (Months.Header(c.Year, months), $"{b.Year}年{Months.Chinese(Enumerable.Range(1, months[^1]).ToList())}月（基准）")
            : ($"{c.Year} 年", $"{b.Year} 年（基准）");
        y = l.Table(x, y, [
            new("指标", "Item", w - unit - 2 * num),
            new("单位", "Unit", unit, Align.Center),
            new(currentHeader, "Reported year", num, Align.Right),
            new(baselineHeader, "Baseline", num, Align.Right),
        ], [
            Row("综合能耗（当量值）", "tce", f => f.EnergyCalorificTce),
            Row("综合能耗（等价值）", "tce", f => f.EnergyEquivalentTce),
            Row("二氧化碳排放", "tCO2", f => f.Co2T),
            Row("用水量", "m³", f => f.WaterM3),
            Row("工业增加值", "万元", f => f.ValueAdded),
            Row("单位增加值能耗（等价值）", "tce/万元", f => f.EnergyTcePer10kYuan, 4),
            Row("单位增加值二氧化碳排放", "tCO2/万元", f => f.Co2TPer10kYuan, 4),
            Row("单位增加值用水量", "m³/万元", f => f.WaterM3Per10kYuan, 4),
        ], 8.8);
        // One price basis for value added and every intensity above, said where the figures are.
        y = l.Paragraph($"价格口径 Price basis：{d.PriceBasis}", x, y + 3, w, 7.8, 1.4, true);
        y = l.Paragraph("工业增加值及各单位增加值强度均按此价格口径计算 (value added and every intensity above are on this price basis)",
            x, y, w, 7.2, 1.4, false, PdfLayout.Muted);

        if (d.Reductions.Count > 0)
        {
            y = CertificatePage.Heading(l, $"较 {b.Year} 年降低率", $"Reduction against {b.Year}", x, y + 8);
            y = l.Tiles(x, y, w, d.Reductions.Select(r => new Tile(r.Name, "", Fmt.Percent(r.Reduction))).ToList(), 36);
        }

        var headingTop = y + 8;
        y = CertificatePage.Heading(l, "月度趋势", "Monthly trend", x, headingTop);
        Legend(l, x + w, headingTop);
        y = Chart(l, d.Months, x, y, w, 104);

        y = l.Paragraph($"排放因子集 Factor set：{d.FactorSetVersion}", x, y + 4, w, 7.8, 1.4);
        if (d.Clauses.Count > 0)
        {
            y = l.Paragraph("依据条款 Standard clauses：", x, y, w, 7.8, 1.4, true);
            const double size = 7.2, leading = 1.32;
            for (var i = 0; i < d.Clauses.Count; i++)
            {
                l.Text($"{i + 1}.", x + 4, PdfLayout.Baseline(y + size * leading / 2, size), size, false, PdfLayout.Muted);
                y = l.Paragraph(d.Clauses[i], x + 18, y, w - 18, size, leading, false, PdfLayout.Muted);
            }
        }
        return y;
    }

    /// <summary>
    /// The month chart (<see cref="MonthChart"/>, the same model the web pages draw as SVG): bars of 综合能耗 (等价值, left
    /// axis) and a line of CO2 (right axis) for months 1 to 12, drawn with plain paths so it stays vector.
    /// </summary>
    private static double Chart(PdfLayout l, IReadOnlyList<MonthPoint> months, double x, double top, double w, double h)
    {
        var chart = MonthChart.Of(months.Select(p => (p.Month, p.EnergyEquivalentTce, p.Co2T)));
        ChartDrawing.Draw(l, chart.Layout(w, h), x, top);
        return top + h;
    }

    /// <summary>The chart's legend, right-aligned on the line of its heading.</summary>
    private static void Legend(PdfLayout l, double right, double headingTop)
    {
        const double size = 7.5;
        var y = PdfLayout.Baseline(headingTop + 8.5, size);
        const string energy = "综合能耗（等价值，tce，左轴）", co2 = "二氧化碳排放（t，右轴）";
        var x = right - l.Measure(co2, size);
        l.Text(co2, x, y, size);
        l.Line(x - 21, y - 2.7, x - 5, y - 2.7, ChartDrawing.Co2, 1.4);
        ChartDrawing.Dot(l, x - 13, y - 2.7, 2);
        x -= 21 + 16 + l.Measure(energy, size);
        l.Text(energy, x, y, size);
        l.Fill(x - 15, y - 6.5, 11, 7, ChartDrawing.Bar);
    }

    /// <summary>Months as runs: [1..11] is "1–11" and "Jan–Nov"; [1, 2, 3, 5] is "1–3、5" and "Jan–Mar, May".</summary>
    private static class Months
    {
        private static readonly string[] Names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

        public static string Chinese(IReadOnlyList<int> months) =>
            string.Join("、", Runs(months).Select(r => r.First == r.Last ? $"{r.First}" : $"{r.First}–{r.Last}"));

        public static string English(IReadOnlyList<int> months) =>
            string.Join(", ", Runs(months).Select(r => r.First == r.Last ? Names[r.First - 1] : $"{Names[r.First - 1]}–{Names[r.Last - 1]}"));

        /// <summary>A column header: the runs when there are one or two (they fit the column), else the count of months.</summary>
        public static string Header(int year, IReadOnlyList<int> months) =>
            Runs(months).Count <= 2 ? $"{year}年{Chinese(months)}月" : $"{year}年（{months.Count}个月）";

        private static List<(int First, int Last)> Runs(IReadOnlyList<int> months)
        {
            var runs = new List<(int First, int Last)>();
            foreach (var m in months.Order())
            {
                if (runs.Count > 0 && runs[^1].Last == m - 1)
                {
                    runs[^1] = (runs[^1].First, m);
                }
                else
                {
                    runs.Add((m, m));
                }
            }
            return runs;
        }
    }
}
