using Carbon.Certificates.Charts;
using PdfSharp.Drawing;

namespace Carbon.Certificates;

/// <summary>
/// 规划实施评估报告: the district plan's annual (年度评估) or mid-term (中期评估) evaluation on one page — every target with
/// its baseline, latest value, progress, projection and status, the same progress as a bar chart, the tasks by
/// responsible unit with a total, the year's key figures as tiles, and how progress and projection are computed.
/// </summary>
internal static class PlanEvaluationReport
{
    public static readonly Theme Theme = new(XColor.FromArgb(0x1F, 0x5F, 0x5B), XColor.FromArgb(0xE6, 0xF0, 0xEF));

    /// <summary>The unit of a target that is a fraction, printed as a percentage.</summary>
    public const string Ratio = "ratio";

    /// <summary>Key figures per row of tiles: wide enough for a formatted amount with its unit.</summary>
    private const int TilesPerRow = 3;

    public static double Draw(PdfLayout l, PlanEvaluationData d, double scale)
    {
        CertificatePage.Border(l, ornate: false);
        CertificatePage.NumberLine(l, "报告编号", d.Header.Number);
        var (zh, en) = d.MidTerm
            ? ($"规划实施中期评估报告（{d.BaselineYear + 1}—{d.TargetYear}）",
                $"Mid-term evaluation of the plan's implementation {d.BaselineYear + 1}–{d.TargetYear}")
            : ($"{d.Year}年度规划实施评估报告", $"Annual evaluation of the plan's implementation {d.Year}");
        var top = CertificatePage.Title(l, zh, en, 60, 21, 2.5, Theme.Accent);
        l.Line(PdfLayout.Left, top + 2, PdfLayout.Right, top + 2, Theme.Accent, 2);
        l.Line(PdfLayout.Left, top + 5.5, PdfLayout.Right, top + 5.5, Theme.Accent, 0.6);
        var overflow = CertificatePage.Body(l, top + 14, scale, (x, y, w) => Body(l, d, x, y, w));
        CertificatePage.Footer(l, d.Header, "报告编号");
        return overflow;
    }

    private static double Body(PdfLayout l, PlanEvaluationData d, double x, double y, double w)
    {
        y = l.Fields(x, y, w, 118,
        [
            [new("评估主体", "Evaluating body", d.EnterpriseName, true), new("数据截至", "As of", Fmt.Date(d.AsOf))],
            [new("规划名称", "Plan", $"{d.PlanName}（{d.PlanId}）")],
            [new("规划期", "Plan period", $"{d.BaselineYear + 1}—{d.TargetYear} 年（基期 {d.BaselineYear}）"),
                new("评估年度", "Year evaluated", $"{d.Year} 年度")],
        ], 10.5);

        y = CertificatePage.Heading(l, "目标进展", "Targets", x, y + 8);
        const double unit = 46, figure = 56, progress = 50, status = 46;
        y = l.Table(x, y, [
            new("指标", "Target", w - unit - 4 * figure - progress - status),
            new("单位", "Unit", unit, Align.Center),
            new("目标值", "Target", figure, Align.Right),
            new("基期", "Baseline", figure, Align.Right),
            new("最新", "Latest", figure, Align.Right),
            new("进度", "Progress", progress, Align.Right),
            new("预计", "Projected", figure, Align.Right),
            new("状态", "Status", status, Align.Center),
        ], d.Targets.Select(TargetRow).ToList(), 8.5);

        var chart = new ProgressChart(d.Targets.Select(t => (t.Name, t.Progress)).ToList());
        y = l.Paragraph("目标进度（100% 即达到目标值）Progress toward each target (100% = the target reached)", x, y + 6, w, 7.5, 1.4, false,
            PdfLayout.Muted);
        var height = chart.HeightFor(12);
        ChartDrawing.Draw(l, chart.Layout(w, height), x, y);
        y += height;

        y = CertificatePage.Heading(l, "任务完成情况", "Task completion by unit", x, y + 8);
        const double count = 44, wide = 60;
        y = l.Table(x, y, [
            new("责任单位", "Responsible unit", w - 3 * count - 52 - 2 * wide),
            new("任务", "Tasks", count, Align.Right),
            new("完成", "Done", count, Align.Right),
            new("按期", "On schedule", 52, Align.Right),
            new("滞后", "Slipping", count, Align.Right),
            new("逾期未报", "Reports overdue", wide, Align.Right),
            new("平均进度", "Mean done", wide, Align.Right),
        ], TaskRows(d.TasksByUnit), 8.5, strongRows: 1);

        if (d.YearFigures.Count > 0)
        {
            y = CertificatePage.Heading(l, "年度要事", "Key figures of the year", x, y + 8);
            var tileWidth = w / TilesPerRow;
            foreach (var row in d.YearFigures.Chunk(TilesPerRow))
            {
                y = l.Tiles(x, y, tileWidth * row.Length, row.Select(f => new Tile(f.Name, f.English, f.Value)).ToList(), 38);
            }
        }

        y = l.Paragraph("方法 Method：目标进度 = (最新 − 基期) ÷ (目标 − 基期)，下降类目标基期为 0；预计值按基期至最新年份直线外推至目标年。" +
                        "按期可达 = 预计值达到目标；滞后 = 预计值未达目标；未达成 = 目标年已到而未达到。",
            x, y + 8, w, 8, 1.5, false, PdfLayout.Muted);
        y = l.Paragraph("Progress = (latest − baseline) ÷ (target − baseline), the baseline of a reduction target being 0; the projection " +
                        "extends the straight line from the baseline year through the latest year to the target year.",
            x, y, w, 7.5, 1.4, false, PdfLayout.Muted);
        return y;
    }

    /// <summary>
    /// A target's cells: a "ratio" target's figures as percentages (0.16 → 16.00%), any other as given with 2 to 4
    /// decimals and its unit in the unit column; the projection is computed, so it gets a fixed 2.
    /// </summary>
    private static IReadOnlyList<string> TargetRow(PlanTargetLine t)
    {
        var ratio = t.Unit == Ratio;
        string Given(decimal? v) => ratio ? Fmt.Percent(v) : Fmt.Exact(v);
        return [t.Name, ratio ? "%" : t.Unit, Given(t.Target), Given(t.Baseline), Given(t.Latest), Fmt.Percent(t.Progress),
            ratio ? Fmt.Percent(t.Projection) : Fmt.Num(t.Projection), t.Status];
    }

    /// <summary>
    /// One row a unit and a 合计 row; the total's mean % done weights each unit's mean by its number of tasks (units
    /// that have not reported are left out), so a unit with many tasks counts for more.
    /// </summary>
    private static List<IReadOnlyList<string>> TaskRows(IReadOnlyList<UnitTaskLine> units)
    {
        var rows = units.Select(u => (IReadOnlyList<string>)[u.Unit, Fmt.Int(u.Tasks), Fmt.Int(u.Done), Fmt.Int(u.OnSchedule),
            Fmt.Int(u.Slipping), Fmt.Int(u.OverdueReports), Mean(u.MeanPercentDone)]).ToList();
        var reported = units.Where(u => u.MeanPercentDone is not null && u.Tasks > 0).ToList();
        var tasks = reported.Sum(u => u.Tasks);
        decimal? mean = tasks > 0 ? reported.Sum(u => u.MeanPercentDone!.Value * u.Tasks) / tasks : null;
        rows.Add(["合计 Total", Fmt.Int(units.Sum(u => u.Tasks)), Fmt.Int(units.Sum(u => u.Done)), Fmt.Int(units.Sum(u => u.OnSchedule)),
            Fmt.Int(units.Sum(u => u.Slipping)), Fmt.Int(units.Sum(u => u.OverdueReports)), Mean(mean)]);
        return rows;
    }

    private static string Mean(decimal? percent) => percent is { } p ? Fmt.PercentValue(p) : Fmt.Missing;
}
