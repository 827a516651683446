using System.Globalization;
using Bunit;
using Carbon.Certificates.Charts;
using Carbon.Server.Features.Web;
using Microsoft.AspNetCore.Components;

namespace Carbon.Web.Tests.Components;

/// <summary>The web's small components rendered with bUnit: what they print for a reader and for a screen reader.</summary>
public sealed class ComponentTests : BunitContext
{
    [Fact]
    public void The_month_chart_draws_a_bar_per_filed_month_and_leaves_gaps()
    {
        // Jan 100 tce / 250 t, Feb not filed, Mar 50 tce / 120 t; the other months empty: two bars, a gap for February.
        var chart = MonthChart.Of(Enumerable.Range(1, 12).Select(m => m switch
        {
            1 => (m, (decimal?)100m, (decimal?)250m),
            3 => (m, 50m, 120m),
            _ => (m, (decimal?)null, (decimal?)null),
        }));
        var cut = Render<SvgChart>(p => p.Add(c => c.Chart, chart).Add(c => c.Label, "测试 <企业> chart"));

        var svg = cut.Find("svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("测试 <企业> chart", svg.GetAttribute("aria-label"));   // encoded in the markup, read back as text
        var bars = cut.FindAll("rect.ink-bar");
        Assert.Equal(2, bars.Count);
        // The January bar is twice the March bar (100 vs 50 tce on the same axis).
        var (jan, mar) = (double.Parse(bars[0].GetAttribute("height")!, CultureInfo.InvariantCulture),
            double.Parse(bars[1].GetAttribute("height")!, CultureInfo.InvariantCulture));
        Assert.Equal(2.0, jan / mar, 2);
        Assert.Equal(2, cut.FindAll("circle.series-dot").Count);
        Assert.Contains("综合能耗", cut.Find("figcaption").TextContent);
    }

    [Fact]
    public void A_label_cannot_inject_markup_into_the_chart()
    {
        var chart = MonthChart.Of(Enumerable.Range(1, 12).Select(m => (m, (decimal?)m, (decimal?)m)));
        var cut = Render<SvgChart>(p => p.Add(c => c.Chart, chart).Add(c => c.Label, "\"><script>alert(1)</script>"));
        Assert.Empty(cut.FindAll("script"));
        Assert.Single(cut.FindAll("svg"));
    }

    [Fact]
    public void A_field_shows_its_error_beside_the_input_for_screen_readers_too()
    {
        var cut = Render<Field>(p => p
            .Add(f => f.Label, "用电量 kWh")
            .Add(f => f.Id, "q0")
            .Add(f => f.Error, "数量不能为负 (must not be negative)")
            .Add(f => f.ChildContent, (RenderFragment)(b => b.AddMarkupContent(0, "<input id=\"q0\" />"))));

        Assert.Equal("q0", cut.Find("label").GetAttribute("for"));
        Assert.Contains("invalid", cut.Find("p.field").ClassList);
        var error = cut.Find("#q0-error");
        Assert.Equal("alert", error.GetAttribute("role"));
        Assert.Equal("数量不能为负 (must not be negative)", error.TextContent);
    }

    [Fact]
    public void A_field_without_an_error_shows_none()
    {
        var cut = Render<Field>(p => p.Add(f => f.Label, "用水量 m³").Add(f => f.Id, "water"));
        Assert.DoesNotContain("invalid", cut.Find("p.field").ClassList);
        Assert.Empty(cut.FindAll("[role=alert]"));
    }

    [Theory]
    [InlineData(42, "42")]
    [InlineData(-5, "0")]
    [InlineData(130, "100")]
    public void The_progress_bar_shows_the_share_done_within_0_to_100(int percent, string shown)
    {
        var cut = Render<LongActionProgress>(p => p.Add(c => c.Percent, percent).Add(c => c.Label, "汇总企业 10 / 20"));
        Assert.Equal(shown, cut.Find("progress").GetAttribute("value"));
        Assert.Equal("100", cut.Find("progress").GetAttribute("max"));
        Assert.Equal($"{shown} % 汇总企业 10 / 20", cut.Find("[role=status]").TextContent);
    }

    [Fact]
    public void A_failed_action_is_marked_as_such()
    {
        var cut = Render<LongActionProgress>(p => p.Add(c => c.Percent, 40).Add(c => c.Label, "失败").Add(c => c.Failed, true));
        Assert.Contains("failed", cut.Find("div.long-action").ClassList);
    }
}
