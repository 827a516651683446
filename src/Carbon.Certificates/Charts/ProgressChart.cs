namespace Carbon.Certificates.Charts;

/// <summary>
/// Progress toward each plan target as horizontal bars: 0 at the left, the target (100 %) a marked line, the bar drawn
/// up to 120 % so an overshoot shows without squeezing the rest; the value is written at the bar's end as it is (a
/// negative or 150 % progress is printed, only the bar is clamped), "—" where there is no progress. Like
/// <see cref="MonthChart"/>, one model for the evaluation report's PDF and the web pages' SVG.
/// </summary>
public sealed record ProgressChart(IReadOnlyList<(string Label, decimal? Progress)> Bars)
{
    /// <summary>The bar scale runs to this fraction, so 100 % sits at five sixths of the plot.</summary>
    public const double Max = 1.2;

    private const double Top = 6, Bottom = 16, LabelSize = 7, ValueSize = 6.5, ValueRoom = 40;

    /// <summary>The height that gives each bar <paramref name="row"/> units, plus the room for the axis labels.</summary>
    public double HeightFor(double row) => Top + Bottom + row * Math.Max(1, Bars.Count);

    /// <summary>The elements of the chart in a <paramref name="width"/> × <paramref name="height"/> box, back to front.</summary>
    public IReadOnlyList<ChartShape> Layout(double width, double height)
    {
        var labelWidth = Math.Min(width * 0.3, 150);
        double x0 = labelWidth + 8, x1 = width - ValueRoom, y0 = Top, y1 = height - Bottom;
        var full = (x1 - x0) / Max;
        var shapes = new List<ChartShape>();
        foreach (var tick in (ReadOnlySpan<int>)[0, 25, 50, 75])
        {
            var gx = x0 + full * tick / 100;
            shapes.Add(new ChartLine(gx, y0, gx, y1, ChartInk.Grid));
            shapes.Add(new ChartText(gx, y1 + 8, $"{tick}%", ValueSize, ChartAlign.Center, ChartInk.Muted));
        }

        var row = (y1 - y0) / Math.Max(1, Bars.Count);
        var barHeight = Math.Min(row * 0.62, 12);
        var texts = new List<ChartShape>();
        for (var i = 0; i < Bars.Count; i++)
        {
            var (label, progress) = Bars[i];
            var middle = y0 + row * (i + 0.5);
            texts.Add(new ChartText(x0 - 6, middle, Fit(label, labelWidth), LabelSize, ChartAlign.Right, ChartInk.Muted));
            var end = x0;
            if (progress is { } p)
            {
                end = x0 + full * Math.Clamp((double)p, 0, Max);
                if (end > x0)
                {
                    shapes.Add(new ChartRect(x0, middle - barHeight / 2, end - x0, barHeight, ChartInk.Bar));
                }
            }
            texts.Add(new ChartText(end + 3, middle, Fmt.Percent(progress), ValueSize, ChartAlign.Left, ChartInk.Muted));
        }

        var target = x0 + full;
        shapes.Add(new ChartLine(target, y0 - 3, target, y1, ChartInk.Axis));
        shapes.Add(new ChartText(target, y1 + 8, "100%", ValueSize, ChartAlign.Center, ChartInk.Muted));
        shapes.Add(new ChartLine(x0, y1, x1, y1, ChartInk.Grid));
        shapes.AddRange(texts);
        if (Bars.Count == 0)
        {
            shapes.Add(new ChartText((x0 + x1) / 2, (y0 + y1) / 2, "无目标 No targets", 9, ChartAlign.Center, ChartInk.Muted));
        }
        return shapes;
    }

    /// <summary>
    /// A label cut with "…" to about <paramref name="width"/>: the model has no font, so a CJK character counts as
    /// one em and anything else as a little over half of one, which errs on the short side for Latin text.
    /// </summary>
    private static string Fit(string label, double width)
    {
        static double Em(char c) => c >= '\u2E80' ? 1 : 0.56;
        var room = width / LabelSize;
        if (label.Sum(Em) <= room)
        {
            return label;
        }
        var used = 1.0; // the ellipsis, full width in the CJK face
        var length = 0;
        while (length < label.Length && used + Em(label[length]) <= room)
        {
            used += Em(label[length++]);
        }
        if (length > 0 && char.IsHighSurrogate(label[length - 1]))
        {
            length--;
        }
        return label[..length] + "…";
    }
}
