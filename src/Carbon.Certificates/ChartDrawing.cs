using Carbon.Certificates.Charts;
using PdfSharp.Drawing;

namespace Carbon.Certificates;

/// <summary>
/// Draws a chart model's shapes (<see cref="MonthChart"/>, <see cref="ProgressChart"/>) into a PDF page with plain
/// paths, so charts stay vector and every report colours the same ink the same way.
/// </summary>
internal static class ChartDrawing
{
    public static readonly XColor Bar = XColor.FromArgb(0x6F, 0x9B, 0xC8);
    public static readonly XColor Co2 = XColor.FromArgb(0xD0, 0x62, 0x1C);
    private static readonly XColor Gridline = XColor.FromArgb(0xDD, 0xDD, 0xDD);

    /// <summary>Draws <paramref name="shapes"/> with the chart's origin at (<paramref name="x"/>, <paramref name="top"/>).</summary>
    public static void Draw(PdfLayout l, IEnumerable<ChartShape> shapes, double x, double top)
    {
        foreach (var shape in shapes)
        {
            switch (shape)
            {
                case ChartLine line:
                    l.Line(x + line.X1, top + line.Y1, x + line.X2, top + line.Y2, Colour(line.Ink), line.Ink == ChartInk.Axis ? 0.6 : line.Ink == ChartInk.Grid ? 0.4 : 0.5);
                    break;
                case ChartRect rect:
                    l.Fill(x + rect.X, top + rect.Y, rect.Width, rect.Height, Colour(rect.Ink));
                    break;
                case ChartPolyline poly:
                    l.G.DrawLines(new XPen(Co2, 1.4) { LineJoin = XLineJoin.Round }, poly.Points.Select(p => new XPoint(x + p.X, top + p.Y)).ToArray());
                    break;
                case ChartDot dot:
                    Dot(l, x + dot.X, top + dot.Y, dot.Radius);
                    break;
                case ChartText text:
                    l.Text(text.Text, x + text.X, PdfLayout.Baseline(top + text.Middle, text.Size), text.Size, false, Colour(text.Ink),
                        text.Align switch { ChartAlign.Right => Align.Right, ChartAlign.Center => Align.Center, _ => Align.Left });
                    break;
            }
        }
    }

    /// <summary>A filled circle from four Bézier arcs with a fixed constant (no trigonometry, so no libm differences).</summary>
    public static void Dot(PdfLayout l, double cx, double cy, double r)
    {
        var k = r * 0.5523;
        var path = new XGraphicsPath();
        path.AddBezier(cx + r, cy, cx + r, cy + k, cx + k, cy + r, cx, cy + r);
        path.AddBezier(cx, cy + r, cx - k, cy + r, cx - r, cy + k, cx - r, cy);
        path.AddBezier(cx - r, cy, cx - r, cy - k, cx - k, cy - r, cx, cy - r);
        path.AddBezier(cx, cy - r, cx + k, cy - r, cx + r, cy - k, cx + r, cy);
        path.CloseFigure();
        l.G.DrawPath(new XPen(XColors.White, 0.8), new XSolidBrush(Co2), path);
    }

    private static XColor Colour(ChartInk ink) => ink switch
    {
        ChartInk.Grid => Gridline,
        ChartInk.Axis => PdfLayout.Ink,
        ChartInk.Bar => Bar,
        ChartInk.Line => Co2,
        _ => PdfLayout.Muted,
    };
}
