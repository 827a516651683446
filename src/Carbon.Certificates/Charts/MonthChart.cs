using System.Globalization;

namespace Carbon.Certificates.Charts;

/// <summary>What a chart element is, so each renderer (PDF, SVG) picks its colour and weight.</summary>
public enum ChartInk
{
    /// <summary>A horizontal gridline.</summary>
    Grid,
    /// <summary>The baseline and the frame.</summary>
    Axis,
    /// <summary>The bar series (energy).</summary>
    Bar,
    /// <summary>The line series (CO2), its points and its axis labels.</summary>
    Line,
    /// <summary>Labels of the bar axis and the months.</summary>
    Muted,
}

/// <summary>Text alignment about its anchor.</summary>
public enum ChartAlign
{
    Left,
    Center,
    Right,
}

/// <summary>One drawable element in chart units (x to the right, y down, the origin at the chart's top left).</summary>
public abstract record ChartShape(ChartInk Ink);

public sealed record ChartLine(double X1, double Y1, double X2, double Y2, ChartInk Ink) : ChartShape(Ink);

public sealed record ChartRect(double X, double Y, double Width, double Height, ChartInk Ink) : ChartShape(Ink);

/// <summary>A polyline through points; a gap in the data starts a new one.</summary>
public sealed record ChartPolyline(IReadOnlyList<(double X, double Y)> Points, ChartInk Ink) : ChartShape(Ink);

public sealed record ChartDot(double X, double Y, double Radius, ChartInk Ink) : ChartShape(Ink);

/// <summary>A label whose anchor is at (x, <paramref name="Middle"/>): its vertical centre.</summary>
public sealed record ChartText(double X, double Middle, string Text, double Size, ChartAlign Align, ChartInk Ink) : ChartShape(Ink);

/// <summary>
/// A year of one firm, park or district by month: bars of 综合能耗 (等价值, left axis, tce) and a line of CO2 (right axis, t);
/// a month without data is a gap. The one chart model of the service: the annual report draws it into its PDF with
/// XGraphics and the web pages into SVG, from the same <see cref="Layout"/>, so the two can never disagree.
/// </summary>
public sealed record MonthChart(IReadOnlyList<decimal?> Bars, IReadOnlyList<decimal?> Line, string BarUnit = "tce", string LineUnit = "t")
{
    private const int Divisions = 5;

    /// <summary>A chart of months 1..12 from points (month, bar, line); months outside 1..12 are ignored.</summary>
    public static MonthChart Of(IEnumerable<(int Month, decimal? Bar, decimal? Line)> points)
    {
        var bars = new decimal?[12];
        var line = new decimal?[12];
        foreach (var (month, bar, value) in points.Where(p => p.Month is >= 1 and <= 12))
        {
            bars[month - 1] = bar;
            line[month - 1] = value;
        }
        return new MonthChart(bars, line);
    }

    /// <summary>True when no month has a value.</summary>
    public bool IsEmpty => Bars.All(v => v is null) && Line.All(v => v is null);

    /// <summary>The elements of the chart in a <paramref name="width"/> × <paramref name="height"/> box, back to front.</summary>
    public IReadOnlyList<ChartShape> Layout(double width, double height)
    {
        const double axis = 44;
        double x0 = axis, x1 = width - axis, y0 = 8, y1 = height - 14;
        var shapes = new List<ChartShape>();
        var barStep = Step(Bars);
        var lineStep = Step(Line);
        for (var i = 0; i <= Divisions; i++)
        {
            var gy = y1 - (y1 - y0) * i / Divisions;
            if (i > 0)
            {
                shapes.Add(new ChartLine(x0, gy, x1, gy, ChartInk.Grid));
            }
            shapes.Add(new ChartText(x0 - 4, gy, Tick(barStep * i), 6.5, ChartAlign.Right, ChartInk.Muted));
            shapes.Add(new ChartText(x1 + 4, gy, Tick(lineStep * i), 6.5, ChartAlign.Left, ChartInk.Line));
        }
        shapes.Add(new ChartText(x0 - 4, y0 - 6, BarUnit, 6.5, ChartAlign.Right, ChartInk.Muted));
        shapes.Add(new ChartText(x1 + 4, y0 - 6, LineUnit, 6.5, ChartAlign.Left, ChartInk.Line));

        var slot = (x1 - x0) / 12;
        double Y(decimal v, decimal step) => y1 - (y1 - y0) * Math.Max(0, (double)(v / (step * Divisions)));
        for (var m = 0; m < 12; m++)
        {
            var cx = x0 + slot * (m + 0.5);
            if (Bars[m] is { } b)
            {
                var top = Y(b, barStep);
                shapes.Add(new ChartRect(cx - slot * 0.3, top, slot * 0.6, y1 - top, ChartInk.Bar));
            }
            shapes.Add(new ChartText(cx, y1 + 8, $"{m + 1}月", 6.8, ChartAlign.Center, ChartInk.Muted));
        }
        var run = new List<(double X, double Y)>();
        var dots = new List<ChartShape>();
        for (var m = 0; m <= 12; m++)
        {
            if (m < 12 && Line[m] is { } v)
            {
                run.Add((x0 + slot * (m + 0.5), Y(v, lineStep)));
                continue;
            }
            if (run.Count > 1)
            {
                shapes.Add(new ChartPolyline(run.ToArray(), ChartInk.Line));
            }
            dots.AddRange(run.Select(p => new ChartDot(p.X, p.Y, 2, ChartInk.Line)));
            run.Clear();
        }
        shapes.AddRange(dots);
        shapes.Add(new ChartLine(x0, y1, x1, y1, ChartInk.Axis));
        shapes.Add(new ChartLine(x0, y0, x0, y1, ChartInk.Grid));
        shapes.Add(new ChartLine(x1, y0, x1, y1, ChartInk.Grid));
        if (IsEmpty)
        {
            shapes.Add(new ChartText((x0 + x1) / 2, (y0 + y1) / 2, "无月度数据 No monthly data", 9, ChartAlign.Center, ChartInk.Muted));
        }
        return shapes;
    }

    /// <summary>A round axis step (1, 2, 2.5, 5 × 10ⁿ) so that five steps cover the largest value.</summary>
    public static decimal Step(IEnumerable<decimal?> values)
    {
        var max = values.Max(v => v ?? 0m) / Divisions;
        if (max <= 0m)
        {
            return 1m;
        }
        var magnitude = 0.0001m;
        while (magnitude * 10m <= max)
        {
            magnitude *= 10m;
        }
        return new[] { 1m, 2m, 2.5m, 5m, 10m }.Select(f => f * magnitude).First(s => s >= max);
    }

    private static string Tick(decimal v) => v.ToString("#,##0.####", CultureInfo.InvariantCulture);
}
