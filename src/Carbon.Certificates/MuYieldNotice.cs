using PdfSharp.Drawing;

namespace Carbon.Certificates;

/// <summary>
/// 亩均效益综合评价结果告知书 (一企一单): an official notice in 红头 style (red title over a red double rule), the firm's
/// indicators against the benchmarks, its score, rank and class, and the differentiated tariffs that follow from it.
/// </summary>
internal static class MuYieldNotice
{
    public static readonly Theme Theme = new(XColor.FromArgb(0xB0, 0x1E, 0x23), XColor.FromArgb(0xF7, 0xEC, 0xEC));

    public static double Draw(PdfLayout l, MuYieldNoticeData d, double scale)
    {
        CertificatePage.Border(l, ornate: false);
        CertificatePage.NumberLine(l, "告知书编号", d.Header.Number);
        var top = CertificatePage.Title(l, "亩均效益综合评价结果告知书", "Notice of mu-average benefit evaluation result", 66, 24, 3,
            Theme.Accent, "（一企一单）");
        l.Line(PdfLayout.Left, top + 2, PdfLayout.Right, top + 2, Theme.Accent, 2);
        l.Line(PdfLayout.Left, top + 5.5, PdfLayout.Right, top + 5.5, Theme.Accent, 0.6);
        var overflow = CertificatePage.Body(l, top + 16, scale, (x, y, w) => Body(l, d, x, y, w));
        CertificatePage.Footer(l, d.Header, "告知书编号");
        return overflow;
    }

    private static double Body(PdfLayout l, MuYieldNoticeData d, double x, double y, double w)
    {
        y = l.Fields(x, y, w, 118,
        [
            [new("企业名称", "Enterprise", d.EnterpriseName, true)],
            [new("统一社会信用代码", "Unified social credit code", d.Uscc), new("评价年度", "Year evaluated", $"{d.Year} 年度")],
            [new("评价群体", "Population", d.Population)],
        ]);

        y = l.Paragraph($"\u3000\u3000根据《{d.MethodName}》（{d.MethodVersion}），经综合评价，现将贵单位 {d.Year} 年度亩均效益综合评价结果告知如下：",
            x, y + 8, w, 11, 1.6);

        y = CertificatePage.Heading(l, "评价指标", "Indicators", x, y + 6);
        var rows = d.Indicators
            .Select(i => (IReadOnlyList<string>)[i.Name, Unit(i.Unit), Value(i.Unit, i.Value), Value(i.Unit, i.Benchmark), Fmt.Num(i.Weight), Fmt.Num(i.Score)])
            .Append(["综合得分 Total", "", "", "", Fmt.Num(d.Indicators.Sum(i => i.Weight)), Fmt.Num(d.TotalScore)])
            .ToList();
        const double unit = 62, num = 74, weight = 52;
        y = l.Table(x, y, [
            new("评价指标", "Indicator", w - unit - 2 * num - 2 * weight),
            new("单位", "Unit", unit, Align.Center),
            new("本企业值", "Value", num, Align.Right),
            new("基准值", "Benchmark", num, Align.Right),
            new("权重", "Weight", weight, Align.Right),
            new("得分", "Score", weight, Align.Right),
        ], rows, 9.5, strongRows: 1);

        var rank = d.Rank is { } r ? $"第 {Fmt.Int(r)} 名 / 共 {Fmt.Int(d.RankedInPopulation)} 家" : "不参与排名";
        y = l.Tiles(x, y + 10, w,
        [
            new("综合得分", "Total score", Fmt.Num(d.TotalScore)),
            new("群体排名", "Rank", rank),
            new("评价类别", "Class", d.Class is { } c ? $"{c} 类" : "免评"),
        ]);
        if (d.ClassNote is { } note)
        {
            y = l.Paragraph($"评价类别说明（Class）：{note}", x, y + 6, w, 9.5, 1.5);
        }
        if (d.Class is null)
        {
            y = l.Paragraph($"免于分类评价的原因（Exempt）：{d.ExemptReason ?? Fmt.Missing}", x, y + 6, w, 9.5, 1.5);
        }

        if (d.Tariff is { } t)
        {
            // The method's tariffs are surcharges on the ordinary price (0 for the best classes), hence 加价.
            y = CertificatePage.Heading(l, $"资源要素差别化价格（按 {t.Class} 类执行）", $"Differentiated surcharges, class {t.Class}", x, y + 10);
            var col = w / 5;
            y = l.Table(x, y, [
                new("差别化电价加价", "Electricity, 元/kWh", col, Align.Center),
                new("水价加价", "Water, 元/吨", col, Align.Center),
                new("气价加价", "Gas, 元/m³", col, Align.Center),
                new("污水处理费加价", "Sewage, 元/吨", col, Align.Center),
                new("城镇土地使用税减免", "Land-use tax relief", col, Align.Center),
            ], [[Fmt.Exact(t.ElectricityYuanPerKwh), Fmt.Exact(t.WaterYuanPerT), Fmt.Exact(t.GasYuanPerM3), Fmt.Exact(t.SewageYuanPerT),
                Fmt.PercentValue(t.LandUseTaxReliefPercent)]], 10);
        }

        y = l.Paragraph($"评价办法 Method：{d.MethodName}（版本 {d.MethodVersion}）", x, y + 6, w, 8.5, 1.5, false, PdfLayout.Muted);
        return l.Paragraph("\u3000\u3000特此告知。", x, y + 2, w, 11, 1.6);
    }

    /// <summary>Ratio indicators (R&amp;D intensity) read better as percentages; other units are printed as given.</summary>
    private static string Unit(string unit) => unit == "ratio" ? "%" : unit;

    /// <summary>Values and benchmarks keep their digits (黄岩 publishes 亩均税收 24.097): a notice must match the method.</summary>
    private static string Value(string unit, decimal? value) => Fmt.Exact(unit == "ratio" ? value * 100m : value);
}
