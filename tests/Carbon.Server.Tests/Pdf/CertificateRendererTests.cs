using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Carbon.Certificates;
using Carbon.Certificates.Charts;
using Carbon.Domain.Certificates;
using static Carbon.Server.Tests.Pdf.CertificateSamples;

namespace Carbon.Server.Tests.Pdf;

/// <summary>
/// The certificate PDFs read back with PdfPig (so the Chinese text is real, searchable text), stay small, come out
/// byte-identical on every render, and carry their number where <see cref="CertificateRenderer.ReadNumber"/> finds it.
/// </summary>
public class CertificateRendererTests
{
    private const int MaxBytes = 200 * 1024;

    private static readonly CertificateRenderer Renderer = new();

    [Fact]
    public void Green_factory_certificate_reads_back_with_name_number_and_scores()
    {
        var data = GreenFactory();
        var pdf = Renderer.Render(data);

        var text = PageText(pdf);
        Assert.Contains(Name, text);
        Assert.Contains("GF-2026-000123", text);
        Assert.Contains(Uscc, text);
        Assert.Contains("绿色工厂证书", text);
        Assert.Contains($"兹认定{Name}符合GB/T36132-2025《绿色工厂评价通则》要求，评定为绿色工厂。", Squeeze(text));
        Assert.Contains("85.37", text); // total score
        Assert.Contains("70.00", text); // pass score
        Assert.Contains("13.12", text); // 13.124 rounded to the certificate's 2 decimals
        Assert.Contains("能源低碳化", text);
        Assert.Contains("gbt36132-2025@1.2.0", text);
        Assert.Contains("2026年11月28日", text); // 20:00 UTC on the 27th is the 28th in Beijing
        Assert.Contains("2029年11月27日", text);
        Assert.Contains("宁波市鄞州区经济和信息化局", text);
        Assert.Contains("https://carbon.yinzhou.gov.cn/verify/GF-2026-000123?h=3f9a1c0b7d2e", Squeeze(text));
        Assert.InRange(pdf.Length, 1, MaxBytes);
        Assert.Equal("GF-2026-000123", CertificateRenderer.ReadNumber(pdf));
    }

    [Fact]
    public void Mu_yield_notice_reads_back_with_indicators_rank_class_and_tariff()
    {
        var pdf = Renderer.Render(MuYield());

        var text = PageText(pdf);
        Assert.Contains(Name, text);
        Assert.Contains("MN-2025-000045", text);
        Assert.Contains(Uscc, text);
        Assert.Contains("亩均效益综合评价结果告知书", text);
        Assert.Contains("一企一单", text);
        Assert.Contains("87.65", text); // total score
        Assert.Contains("38.4512", text); // a value, as given
        Assert.Contains("24.097", text); // a published benchmark keeps its three decimals
        Assert.Contains("352.50", text); // and a round one gets two
        Assert.Contains("3.45", text);  // a ratio shown as a percentage
        Assert.Contains("第12名/共356家", Squeeze(text));
        Assert.Contains("A类", Squeeze(text));
        Assert.Contains("0.0512", text); // 差别化电价, 元/kWh
        Assert.Contains("53.55", text); // an indicator score
        Assert.Contains("100.00%", text); // land-use tax relief
        Assert.Contains("鄞州区工业企业亩均效益综合评价办法", text);
        Assert.Contains("district-default@4.0", text);
        Assert.Contains("规上工业企业", text);
        Assert.InRange(pdf.Length, 1, MaxBytes);
        Assert.Equal("MN-2025-000045", CertificateRenderer.ReadNumber(pdf));
    }

    [Fact]
    public void Exempt_notice_without_tariff_shows_the_reason()
    {
        var pdf = Renderer.Render(MuYield() with { Class = null, Rank = null, ExemptReason = "新设立企业，按办法免于分类评价", Tariff = null });

        var text = PageText(pdf);
        Assert.Contains("新设立企业，按办法免于分类评价", text);
        Assert.Contains("不参与排名", text);
        Assert.DoesNotContain("差别化电价", text);
    }

    [Fact]
    public void A_mixed_parcel_members_notice_says_its_class_is_the_merged_groups()
    {
        var note = "混合型企业（地块组 GB-7，2 家）按合并评价确定类别：合并得分 103.15，第 4 名 / 共 5 家，B 类；本企业独立评价得分 177.46，A 类";
        var pdf = Renderer.Render(MuYield() with { Class = "B", ClassNote = note });

        var text = Squeeze(PageText(pdf));
        Assert.Contains("评价类别说明", text);
        Assert.Contains("按合并评价确定类别", text);
        Assert.Contains("地块组GB-7", text);
        Assert.DoesNotContain("评价类别说明", Squeeze(PageText(Renderer.Render(MuYield()))));
    }

    [Fact]
    public void Annual_report_reads_back_with_figures_reductions_chart_and_clauses()
    {
        var pdf = Renderer.Render(AnnualReport());

        var text = PageText(pdf);
        Assert.Contains(Name, text);
        Assert.Contains("AR-2026-000007", text);
        Assert.Contains(Uscc, text);
        Assert.Contains("年度能源与碳排放报告", text);
        Assert.Contains("12,345.68", text); // 综合能耗 (等价值), tce
        Assert.Contains("11,234.57", text); // 当量值
        Assert.Contains("13,050.25", text); // baseline
        Assert.Contains("123,456.00", text); // water
        Assert.Contains("0.2703", text); // intensity, 4 decimals
        Assert.Contains("21.30%", text);
        Assert.Contains("25.16%", text);
        Assert.Contains("二氧化碳排放（t，右轴）", text); // chart legend
        Assert.Contains("12月", text); // chart axis
        Assert.Contains("2020年可比价", text);
        Assert.Contains("factors-2026.1", text);
        Assert.Contains("燃料燃烧排放", text);
        Assert.InRange(pdf.Length, 1, MaxBytes);
        Assert.Equal("AR-2026-000007", CertificateRenderer.ReadNumber(pdf));
    }

    [Fact]
    public void Mid_term_plan_evaluation_reads_back_with_targets_chart_tasks_and_key_figures()
    {
        var pdf = Renderer.Render(PlanEvaluation(midTerm: true));

        var text = PageText(pdf);
        var squeezed = Squeeze(text);
        Assert.Contains("规划实施中期评估报告（2021—2025）", squeezed);
        Assert.Contains("PE-2024-000002", text);
        Assert.Contains(District, text);
        Assert.Contains(Squeeze(PlanName) + "（plan-yz-2021）", squeezed);
        Assert.Contains("2021—2025年（基期2020）", squeezed);
        Assert.Contains("2023年度", squeezed);
        Assert.Contains("2024年3月31日", text); // as of
        // A ratio target (能耗降低率 16 %): its cells as percentages, in table order.
        Assert.Contains("规上工业单位增加值能耗降低率%16.00%0.00%11.85%74.06%19.75%按期可达", squeezed);
        // A level target (亩均税收, 万元/亩): as given, the computed projection with 2 decimals.
        Assert.Contains("规上工业亩均税收万元/亩49.0032.5044.8574.85%53.08按期可达", squeezed);
        Assert.Contains("171.405", text); // a figure given with three decimals keeps them
        Assert.Contains("低效用地再开发亩5,000.000.002,650.0053.00%4,416.67滞后", squeezed);
        Assert.Contains("规上工业企业数字化改造覆盖率%80.00%—62.00%——无基期", squeezed);
        Assert.Contains("106.25%", text); // past the target: the bar is clamped, the value is not
        Assert.Contains("-9.23%", text);  // going backwards
        Assert.Contains("区自然资源和规划分局", text);
        Assert.Contains("合计Total34121653" + "63.81%", squeezed); // the total row, mean weighted by tasks
        Assert.Contains("政策兑现", text);
        Assert.Contains("12,345.60万元", squeezed);
        Assert.Contains("目标进度=(最新−基期)÷(目标−基期)，下降类目标基期为0；预计值按基期至最新年份直线外推至目标年。", squeezed);
        Assert.InRange(pdf.Length, 1, MaxBytes);
        Assert.Equal("PE-2024-000002", CertificateRenderer.ReadNumber(pdf));
    }

    [Fact]
    public void Annual_plan_evaluation_reads_back_with_its_year_in_the_title()
    {
        var pdf = Renderer.Render(PlanEvaluation(midTerm: false));

        var text = PageText(pdf);
        var squeezed = Squeeze(text);
        Assert.Contains("2024年度规划实施评估报告", squeezed);
        Assert.DoesNotContain("中期评估", squeezed);
        Assert.Contains("PE-2025-000003", text);
        Assert.Contains(Squeeze(PlanName), squeezed);
        Assert.Contains("2024年度", squeezed);
        Assert.Contains("16.00%", text);
        Assert.Contains("53.08", text);
        Assert.Contains("区经济和信息化局", text);
        Assert.Contains("合计Total", squeezed);
        Assert.InRange(pdf.Length, 1, MaxBytes);
        Assert.Equal("PE-2025-000003", CertificateRenderer.ReadNumber(pdf));
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Equal("规划实施评估报告 PE-2025-000003", doc.Information.Title);
        Assert.Equal("plan-evaluation", doc.Information.Subject);
    }

    [Fact]
    public void Plan_evaluation_renders_byte_for_byte_again_and_from_its_stored_json()
    {
        foreach (var midTerm in new[] { true, false })
        {
            var data = PlanEvaluation(midTerm);
            var first = Renderer.Render(data);

            Assert.Equal(first, Renderer.Render(PlanEvaluation(midTerm)));
            Assert.Equal(first, new CertificateRenderer().Render(data));
            var json = StoredCertificates.Serialize(data);
            Assert.Equal(first, StoredCertificates.Render(Renderer, CertificateKind.PlanEvaluation, json));
            Assert.Equal(District, StoredCertificates.Summary(json).EnterpriseName);
        }
        Assert.NotEqual(Renderer.Render(PlanEvaluation(true)), Renderer.Render(PlanEvaluation(true, "PE-2024-000009")));
    }

    [Fact]
    public void A_plan_evaluation_with_many_targets_and_units_still_fits_one_page()
    {
        var data = PlanEvaluation(true);
        var targets = Enumerable.Range(1, 3).SelectMany(_ => data.Targets).ToList();
        var units = Enumerable.Range(1, 4).SelectMany(i => data.TasksByUnit.Select(u => u with { Unit = $"{u.Unit}（{i}）" })).ToList();
        var pdf = Renderer.Render(data with { Targets = targets, TasksByUnit = units, YearFigures = [.. data.YearFigures, .. data.YearFigures.Take(2)] });

        var text = Squeeze(PageText(pdf));
        Assert.Contains("区生态环境分局（4）", text);
        Assert.Contains("合计Total136", text);
        Assert.InRange(pdf.Length, 1, MaxBytes);
    }

    [Fact]
    public void Progress_chart_has_a_bar_per_target_a_dash_for_none_and_the_target_line()
    {
        // Width 500: labels get min(150, 0.3 × 500) = 150, the plot runs from 158 to 460, so 100 % is at
        // 158 + 302 ÷ 1.2 = 409.67 and 25 % steps are 62.92 apart.
        var full = new ProgressChart([("能耗降低", 0.5m), ("亩均税收", 0.25m), ("绿色工厂", 1.5m)]);
        var shapes = full.Layout(500, full.HeightFor(12));
        var bars = shapes.OfType<ChartRect>().Where(r => r.Ink == ChartInk.Bar).ToList();
        Assert.Equal(3, bars.Count);
        Assert.All(bars, b => Assert.Equal(158, b.X, 6));
        Assert.Equal(302 / 1.2 * 0.5, bars[0].Width, 6);
        Assert.Equal(302 / 1.2 * 0.25, bars[1].Width, 6);
        Assert.Equal(302, bars[2].Width, 6); // 150 % is drawn to the 120 % end of the scale
        Assert.True(bars[0].Y < bars[1].Y && bars[1].Y < bars[2].Y, "one row per target, in order");
        var target = Assert.Single(shapes.OfType<ChartLine>(), l => l.Ink == ChartInk.Axis);
        Assert.Equal(158 + 302 / 1.2, target.X1, 6);
        Assert.Equal(target.X1, target.X2);
        var grid = shapes.OfType<ChartLine>().Where(l => l.Ink == ChartInk.Grid && l.X1 == l.X2).Select(l => l.X1).ToList();
        Assert.Equal(4, grid.Count); // 0, 25, 50, 75 %; 100 % is the target line
        for (var k = 0; k < grid.Count; k++)
        {
            Assert.Equal(158 + 302 / 1.2 * k / 4, grid[k], 6);
        }
        var texts = shapes.OfType<ChartText>().Select(t => t.Text).ToList();
        Assert.Equal(new[] { "0%", "25%", "50%", "75%", "100%" }, texts.Where(t => t.EndsWith('%') && !t.Contains('.')));
        Assert.Contains("50.00%", texts);
        Assert.Contains("150.00%", texts); // the value as it is
        Assert.Contains("能耗降低", texts);

        var sparse = new ProgressChart([("数字化改造", null), ("清洁能源", -0.1m)]).Layout(500, 60);
        Assert.Empty(sparse.OfType<ChartRect>());
        var dash = Assert.Single(sparse.OfType<ChartText>(), t => t.Text == "—");
        Assert.Equal(161, dash.X, 6); // at the zero line, where the bar would start
        Assert.Contains(sparse.OfType<ChartText>(), t => t.Text == "-10.00%");
        Assert.Single(sparse.OfType<ChartLine>(), l => l.Ink == ChartInk.Axis);

        var longLabel = new ProgressChart([(new string('规', 40), 0.1m)]).Layout(500, 40);
        Assert.Contains(longLabel.OfType<ChartText>(), t => t.Text.EndsWith('…') && t.Text.Length < 40);
    }

    [Fact]
    public void Document_info_carries_title_kind_author_and_issue_time()
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open(Renderer.Render(GreenFactory()));
        var info = doc.Information;
        Assert.Equal("绿色工厂证书 GF-2026-000123", info.Title);
        Assert.Equal("green-factory", info.Subject);
        Assert.Equal("Carbon", info.Author);
        Assert.Equal("Carbon", info.Creator);
        Assert.Equal("D:20261128040000+08'00'", info.CreationDate);
        Assert.Equal("D:20261128040000+08'00'", info.ModifiedDate);
    }

    [Fact]
    public void Rendering_is_byte_for_byte_repeatable()
    {
        var first = Renderer.Render(GreenFactory());
        Renderer.Render(MuYield());
        Renderer.Render(AnnualReport());

        Assert.Equal(first, Renderer.Render(GreenFactory()));
        Assert.Equal(first, new CertificateRenderer().Render(GreenFactory()));
        // The same instant written with another offset (as a database may hand it back) is the same certificate.
        var shifted = GreenFactory() with { Header = GreenFactory().Header with { IssuedAt = IssuedAt.ToOffset(TimeSpan.FromHours(-5)) } };
        Assert.Equal(first, Renderer.Render(shifted));
        Assert.NotEqual(first, Renderer.Render(GreenFactory("GF-2026-000124")));
    }

    [Fact]
    public void Output_does_not_depend_on_the_callers_culture()
    {
        var expected = Renderer.Render(AnnualReport());
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("th-TH"); // Buddhist calendar, once leaked into the XMP dates
            Assert.Equal(expected, Renderer.Render(AnnualReport()));
            Assert.Equal("th-TH", CultureInfo.CurrentCulture.Name);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Concurrent_renders_match_sequential_ones()
    {
        Func<byte[]>[] jobs = [() => Renderer.Render(GreenFactory()), () => Renderer.Render(MuYield()), () => Renderer.Render(AnnualReport())];
        var expected = jobs.Select(j => j()).ToArray();

        var results = new byte[12][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = jobs[i % 3]());

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(expected[i % 3], results[i]);
        }
    }

    [Fact]
    public void A_long_category_list_is_scaled_onto_the_one_page()
    {
        var categories = Enumerable.Range(1, 16).Select(i => new CategoryScoreLine($"评价维度第{i}项：能源资源投入与综合利用", 6.25m, 5.5m)).ToList();
        var pdf = Renderer.Render(GreenFactory() with { Categories = categories });

        var text = PageText(pdf);
        Assert.Contains("评价维度第16项", text);
        Assert.Contains("GF-2026-000123", text);
        Assert.InRange(pdf.Length, 1, MaxBytes);
    }

    [Fact]
    public void A_report_without_months_or_reductions_still_renders()
    {
        var pdf = Renderer.Render(AnnualReport() with { Months = [], Reductions = [] });

        Assert.Contains("无月度数据", PageText(pdf));
    }

    [Fact]
    public void Read_number_survives_a_flipped_byte_in_the_content_stream()
    {
        var pdf = Renderer.Render(GreenFactory());
        var (start, end) = ContentStream(pdf);
        var copy = (byte[])pdf.Clone();
        copy[(start + end) / 2] ^= 0xFF;

        Assert.NotEqual(pdf, copy);
        Assert.Equal("GF-2026-000123", CertificateRenderer.ReadNumber(copy));
    }

    [Fact]
    public void Read_number_survives_any_single_flipped_byte_outside_the_entry()
    {
        var pdf = Renderer.Render(MuYield());
        var entry = Encoding.ASCII.GetBytes("/CarbonCertificate(MN-2025-000045)");
        var at = pdf.AsSpan().IndexOf(entry);
        Assert.True(at > 0, "the number entry is written as a plain literal string");

        for (var i = 0; i < pdf.Length; i += 997)
        {
            if (i >= at && i < at + entry.Length)
            {
                continue;
            }
            pdf[i] ^= 0x5A;
            Assert.Equal("MN-2025-000045", CertificateRenderer.ReadNumber(pdf));
            pdf[i] ^= 0x5A;
        }
    }

    [Theory]
    [InlineData("", null)]
    [InlineData("%PDF-1.7\n1 0 obj\n<</Title(x)>>\nendobj\n", null)]
    [InlineData("<</CarbonCertificate (AR-1) /CarbonCertificate(AR-2)>>", "AR-2")]
    [InlineData("<</CarbonCertificate(A\\)B)>>", "A)B")]
    [InlineData("<</CarbonCertificateX(AR-1)>>", null)]
    [InlineData("<</CarbonCertificate(unterminated", null)]
    public void Read_number_parses_only_a_well_formed_entry(string raw, string? expected) =>
        Assert.Equal(expected, CertificateRenderer.ReadNumber(Encoding.ASCII.GetBytes(raw)));

    [Fact]
    public void A_number_that_is_not_printable_ascii_is_refused() =>
        Assert.Throws<ArgumentException>(() => Renderer.Render(GreenFactory("证书-1")));

    private static string PageText(byte[] pdf)
    {
        using var doc = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Equal(1, doc.NumberOfPages);
        return doc.GetPage(1).Text;
    }

    /// <summary>Text without white space, for sentences whose spacing is typographic rather than content.</summary>
    private static string Squeeze(string text) => Regex.Replace(text, @"\s+", "");

    /// <summary>Where the page's content stream data lies (between "stream" and "endstream" of its /Contents object).</summary>
    private static (int Start, int End) ContentStream(byte[] pdf)
    {
        var raw = Encoding.Latin1.GetString(pdf);
        var number = Regex.Match(raw, @"/Contents (\d+) 0 R").Groups[1].Value;
        var obj = raw.IndexOf($"\n{number} 0 obj", StringComparison.Ordinal);
        var start = raw.IndexOf("stream\n", obj, StringComparison.Ordinal) + "stream\n".Length;
        var end = raw.IndexOf("\nendstream", start, StringComparison.Ordinal);
        Assert.True(obj > 0 && end - start > 100, "found the content stream");
        return (start, end);
    }
}
