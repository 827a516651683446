using System.Diagnostics;
using System.Security.Cryptography;
using Carbon.Certificates;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Carbon.Benchmarks;

/// <summary>
/// Certificate speed and size (issue: under 20 ms median and under 200 KB): each kind rendered by the service's
/// renderer, alone and with what issuing adds (SHA-256 and the ECDSA P-256 signature), beside the floor of the same
/// library and font — one line of Chinese on an empty A4 page, saved by PDFsharp's defaults.
/// </summary>
internal static class CertificateSpeed
{
    public static int Run(string[] args)
    {
        var timed = args is ["--renders", var n] ? int.Parse(n) : 200;
        const int warmup = 50;
        Console.WriteLine("Carbon certificate benchmark");
        Console.WriteLine($"machine: {Environment.ProcessorCount} logical processors, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        Console.WriteLine($"options: --renders {timed} (after {warmup} warm-up renders per row)");

        var renderer = new CertificateRenderer();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var rows = new List<(string Name, double Median, double P90, double Max, int Bytes)>();
        void Measure(string name, Func<byte[]> make)
        {
            byte[] last = [];
            for (var i = 0; i < warmup; i++)
            {
                last = make();
            }
            var ms = new double[timed];
            for (var i = 0; i < timed; i++)
            {
                var start = Stopwatch.GetTimestamp();
                last = make();
                ms[i] = Stats.Ms(start, Stopwatch.GetTimestamp());
            }
            rows.Add((name, Stats.Percentile(ms, 0.5)!.Value, Stats.Percentile(ms, 0.9)!.Value, ms.Max(), last.Length));
        }
        byte[] Issue(byte[] pdf)
        {
            _ = SHA256.HashData(pdf);
            _ = key.SignData(pdf, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
            return pdf;
        }

        Measure("floor: PDFsharp, one Chinese line, defaults", Floor);
        Measure("green-factory certificate: render", () => renderer.Render(Samples.GreenFactory()));
        Measure("green-factory certificate: render + SHA-256 + sign", () => Issue(renderer.Render(Samples.GreenFactory())));
        Measure("mujun-notice: render", () => renderer.Render(Samples.Notice()));
        Measure("mujun-notice: render + SHA-256 + sign", () => Issue(renderer.Render(Samples.Notice())));
        Measure("annual-report: render", () => renderer.Render(Samples.Report()));
        Measure("annual-report: render + SHA-256 + sign", () => Issue(renderer.Render(Samples.Report())));

        Console.WriteLine();
        Console.WriteLine("| measurement | median ms | p90 ms | max ms | size KB | median ÷ floor |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        var floor = rows[0].Median;
        foreach (var r in rows)
        {
            Console.WriteLine($"| {r.Name} | {Stats.F(r.Median, 1)} | {Stats.F(r.P90, 1)} | {Stats.F(r.Max, 1)} | {Stats.F(r.Bytes / 1024.0, 1)} | {Stats.F(r.Median / floor, 1)} |");
        }
        var ok = rows.Skip(1).All(r => r.Median < 20 && r.Bytes < 200 * 1024);
        Console.WriteLine();
        Console.WriteLine($"target: every certificate under 20 ms median and under 200 KB: {(ok ? "MET" : "NOT MET")}");
        return 0;
    }

    private static byte[] Floor()
    {
        using var doc = new PdfDocument();
        var page = doc.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            gfx.DrawString("宁波鄞州绿色制造有限公司 绿色工厂证书", new XFont(NotoFontResolver.FamilyName, 16), XBrushes.Black, 60, 100);
        }
        using var ms = new MemoryStream();
        doc.Save(ms);
        return ms.ToArray();
    }

    /// <summary>Realistic sample data: a 6-category grade, a 6-indicator notice with a tariff, a full-year report.</summary>
    private static class Samples
    {
        private static CertificateHeader Header(string number, DateOnly? valid = null) =>
            new(number, new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8)), valid, "区经济和信息化局",
                $"http://localhost:5214/api/certificates/{number}/status");

        public static GreenFactoryCertificateData GreenFactory() =>
            new(Header("GF-2026-000123", new DateOnly(2029, 11, 27)), "91330212100000000X", "宁波鄞州堃喆珺镕绿色制造有限公司", 2026,
                "GB/T 36132-2025", "gbt36132-2025@26a1d870fedd", 86.42m, 70m,
                [new("能源低碳化", 30m, 26.1m), new("资源高效化", 20m, 15.2m), new("生产洁净化", 20m, 18.0m), new("产品绿色化", 15m, 12.5m), new("用地集约化", 15m, 14.62m)]);

        public static MuYieldNoticeData Notice() =>
            new(Header("MN-2025-000045"), "91330212100000000X", "宁波鄞州堃喆珺镕绿色制造有限公司", 2025, "台州市黄岩区工业企业亩均效益综合评价",
                "huangyan-2022@62a299478de6", "规上工业企业", 108.82m, 12, 118, "B", null,
                [
                    new("亩均税收", "万元/亩", 30m, 24.097m, 30m, 37.35m), new("亩均增加值", "万元/亩", 150m, 136.16m, 20m, 22.03m),
                    new("单位能耗增加值", "万元/tce", 3m, 2.694m, 20m, 22.27m), new("单位排放增加值", "万元/t", 6000m, 4929.81m, 10m, 12.17m),
                    new("全员劳动生产率", "万元/人", 20m, 18.14m, 10m, 11.03m), new("R&D经费支出占主营业务收入之比", "ratio", 0.012m, 0.0302m, 10m, 3.97m),
                ],
                new NoticeTariffLine("B", 0m, 0m, 0m, 0m, 50m));

        public static AnnualReportData Report() =>
            new(Header("AR-2026-000007"), "91330212100000000X", "宁波鄞州堃喆珺镕绿色制造有限公司", 2025,
                new ReportFigures(2025, 123.1m, 286.51m, 524.36m, 1606m, 1949.68m, 0.147m, 0.2689m, 0.8237m),
                new ReportFigures(2020, 84.23m, 199.07m, 366.17m, 1097m, 1096.07m, 0.1816m, 0.3341m, 1.0008m),
                [new("单位增加值能耗（等价值）", 0.1907m), new("单位增加值二氧化碳排放", 0.1949m), new("单位增加值用水量", 0.177m)],
                Enumerable.Range(1, 12).Select(m => new MonthPoint(m, 20m + m, 40m + 2 * m)).ToList(),
                "2020年可比价 (comparable 2020 prices)", "cn-default-2026.11+0562e1fc8b2b",
                ["GB/T 2589-2020 §3.9 折标准煤系数, 附录A (当量值)", "GB/T 32150-2015 燃料燃烧排放 (AD × NCV × CC × OF × 44/12)"]);
    }
}
