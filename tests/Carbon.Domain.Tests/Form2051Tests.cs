using Carbon.Domain.Energy;
using Carbon.Domain.Intake;
using Carbon.Domain.Units;

namespace Carbon.Domain.Tests;

/// <summary>Form 205-1 read and checked: the energy it files, 其中 rows counted once, and every balance rule at its boundary.</summary>
public sealed class Form2051Tests
{
    private static readonly Form2051Catalogue Catalogue = new("test",
    [
        new("01", "原煤", [], "吨", EnergyCarrier.RawCoal, null, false, 0.7143m),
        new("02", "无烟煤", [], "吨", null, "01", false, 0.9428m),
        new("12", "高炉煤气", [], "万立方米", null, null, false, 1.286m),
        new("15", "天然气", ["管道天然气"], "万立方米", EnergyCarrier.NaturalGas, null, false, 12.143m),
        new("34", "电力", ["外购电力"], "万千瓦时", EnergyCarrier.Electricity, null, false, 1.229m),
        new("40", "能源合计", [], "吨标准煤", null, null, true, null),
    ],
    new Dictionary<string, MeasureUnit>
    {
        ["吨"] = MeasureUnit.Tonne, ["万立方米"] = MeasureUnit.TenThousandCubicMetres, ["万千瓦时"] = MeasureUnit.TenThousandKilowattHours,
        ["千瓦时"] = MeasureUnit.KilowattHour,
    },
    BalanceTolerance: 0.01m, CoefficientTolerance: 0.10m, TotalTolerance: 0.005m);

    /// <summary>Carbon's 当量值: 0.7143 tce/t coal, 12.143 tce/万m³ gas, 1.229 tce/万kWh (0.1229 kgce/kWh).</summary>
    private static decimal? Ours(EnergyCarrier c, MeasureUnit u) => (c, u) switch
    {
        (EnergyCarrier.RawCoal, _) => 0.7143m,
        (EnergyCarrier.NaturalGas, _) => 12.143m,
        (EnergyCarrier.Electricity, MeasureUnit.KilowattHour) => 0.0001229m,
        (EnergyCarrier.Electricity, _) => 1.229m,
        _ => null,
    };

    /// <summary>甲 乙 丙 1 … 10 丁, as the sheet has them.</summary>
    private static Form2051Line Line(int row, string name, string unit, string code, params string[] figures)
    {
        var cells = new Dictionary<Form2051Column, string> { [Form2051Column.Name] = name, [Form2051Column.Unit] = unit, [Form2051Column.Code] = code };
        for (var i = 0; i < figures.Length; i++)
        {
            cells[Form2051Column.Opening + i] = figures[i];
        }
        return new Form2051Line(row, cells);
    }

    /// <summary>
    /// Coal: opening 100, bought 500 t (250 千元), used 480 = 450 industrial (of which 50 feedstock) + 30 other, closing 120.
    /// Of it 无烟煤 200 t (其中: not counted). Gas 3 万m³, electricity 80 万kWh. Filed: coal 450 t (feedstock 50), gas 3, power 80.
    /// 能源合计 column 5 = 450 × 0.7143 + 3 × 12.143 + 80 × 1.229 = 321.435 + 36.429 + 98.32 = 456.184 tce;
    /// column 4 = 480 × 0.7143 + 36.429 + 98.32 = 342.864 + 134.749 = 477.613 tce. Bought: (250 + 90 + 560) 千元 = 90 万元.
    /// </summary>
    private static List<Form2051Line> Good() =>
    [
        Line(7, "原煤", "吨", "01", "100", "500", "250", "480", "450", "50", "30", "", "120", "0.7143", "0.7143"),
        Line(8, "其中：无烟煤", "吨", "02", "0", "200", "", "200", "200", "", "", "", "0", "", "0.9428"),
        Line(9, "天然气", "万立方米", "15", "0", "3", "90", "3", "3", "", "", "", "0", "12.143", "12.143"),
        Line(10, "电力", "万千瓦时", "34", "0", "80", "560", "80", "80", "", "", "", "0", "1.229", "1.229"),
        Line(11, "能源合计", "吨标准煤", "40", "", "", "", "477.61", "456.18"),
    ];

    [Fact]
    public void A_balanced_form_files_column_5_with_column_6_as_feedstock_and_counts_breakdowns_once()
    {
        var r = Form2051.Check(Good(), Catalogue, null, Ours);
        Assert.Empty(r.Issues);
        Assert.Equal(3, r.Energy.Count);
        var coal = r.Energy.Single(e => e.Carrier == EnergyCarrier.RawCoal);
        Assert.Equal((450m, 50m, MeasureUnit.Tonne), (coal.Quantity.Value, coal.Feedstock, coal.Quantity.Unit));
        Assert.Equal(80m, r.Energy.Single(e => e.Carrier == EnergyCarrier.Electricity).Quantity.Value);
        Assert.Equal(90m, r.PurchaseCost10kYuan);
        Assert.Equal(120m, r.Closing["01"]);
    }

    [Fact]
    public void Every_balance_rule_is_a_cell_error_just_past_its_tolerance()
    {
        var lines = Good();
        // 4 = 5 + 7: 480.02 vs 480 is past ±0.01; 480.01 is not.
        lines[0] = Line(7, "原煤", "吨", "01", "100", "500", "250", "480.01", "450", "50", "30", "", "119.99", "0.7143", "0.7143");
        Assert.DoesNotContain(Form2051.Check(lines, Catalogue, null, Ours).Issues, i => i.Row == 7);
        lines[0] = Line(7, "原煤", "吨", "01", "100", "500", "250", "480.02", "450", "50", "30", "", "119.98", "0.7143", "0.7143");
        Assert.Equal(["4"], Form2051.Check(lines, Catalogue, null, Ours).Issues.Where(i => i.Row == 7).Select(i => i.Column));
        // 6 ≤ 5, 8 ≤ 4, 9 = 1 + 2 − 4, each alone.
        lines[0] = Line(7, "原煤", "吨", "01", "100", "500", "250", "480", "450", "450.02", "30", "", "120", "0.7143", "0.7143");
        Assert.Equal(["6"], Form2051.Check(lines, Catalogue, null, Ours).Issues.Where(i => i.Row == 7).Select(i => i.Column));
        lines[0] = Line(7, "原煤", "吨", "01", "100", "500", "250", "480", "450", "50", "30", "480.02", "120", "0.7143", "0.7143");
        Assert.Equal(["8"], Form2051.Check(lines, Catalogue, null, Ours).Issues.Where(i => i.Row == 7).Select(i => i.Column));
        lines[0] = Line(7, "原煤", "吨", "01", "100", "500", "250", "480", "450", "50", "30", "", "121", "0.7143", "0.7143");
        Assert.Equal(["9"], Form2051.Check(lines, Catalogue, null, Ours).Issues.Where(i => i.Row == 7).Select(i => i.Column));
    }

    [Fact]
    public void Opening_must_equal_last_months_closing_and_the_coefficient_must_be_within_ten_percent_of_ours()
    {
        var previous = new Dictionary<string, decimal> { ["01"] = 100m };
        Assert.Empty(Form2051.Check(Good(), Catalogue, previous, Ours).Issues);
        previous["01"] = 99.98m;
        Assert.Equal(["1"], Form2051.Check(Good(), Catalogue, previous, Ours).Issues.Select(i => i.Column));

        // 10 % of 0.7143 is 0.07143: 0.78 is inside (0.0657 away), 0.79 outside (0.0757).
        var lines = Good();
        lines[0] = Line(7, "原煤", "吨", "01", "100", "500", "250", "480", "450", "50", "30", "", "120", "0.78", "0.7143");
        Assert.DoesNotContain(Form2051.Check(lines, Catalogue, null, Ours).Issues, i => i.Column == "10");
        lines[0] = Line(7, "原煤", "吨", "01", "100", "500", "250", "480", "450", "50", "30", "", "120", "0.79", "0.7143");
        Assert.Contains(Form2051.Check(lines, Catalogue, null, Ours).Issues, i => i.Row == 7 && i.Column == "10");
    }

    [Fact]
    public void The_total_row_is_recomputed_and_unknown_or_uncovered_rows_are_refused()
    {
        var lines = Good();
        // 456.18 reported vs 456.184 computed is fine; 460 is 3.8 tce off, past 0.5 % (2.28 tce).
        lines[4] = Line(11, "能源合计", "吨标准煤", "40", "", "", "", "477.61", "460");
        Assert.Equal(["5"], Form2051.Check(lines, Catalogue, null, Ours).Issues.Select(i => i.Column));

        lines = Good();
        lines.Add(Line(12, "沼气", "万立方米", "", "0", "1", "", "1", "1", "", "", "", "0"));
        lines.Add(Line(13, "高炉煤气", "万立方米", "12", "0", "0", "", "0", "0", "", "", "", "0"));
        var r = Form2051.Check(lines, Catalogue, null, Ours);
        var unknown = Assert.Single(r.Issues);
        Assert.Equal((12, "甲"), (unknown.Row, unknown.Column));   // no code: the name is what is unknown

        lines[^1] = Line(13, "高炉煤气", "万立方米", "12", "0", "5", "", "5", "5", "", "", "", "0");
        Assert.Contains(Form2051.Check(lines, Catalogue, null, Ours).Issues, i => i.Row == 13 && i.Column == "甲" && i.Message.Contains("高炉煤气"));
    }

    [Fact]
    public void A_unit_of_the_same_kind_is_converted_and_a_wrong_one_refused()
    {
        var lines = Good();
        lines[3] = Line(10, "外购电力", "千瓦时", "", "0", "800000", "560", "800000", "800000", "", "", "", "0", "0.0001229");
        lines.RemoveAt(4);
        var r = Form2051.Check(lines, Catalogue, null, Ours);
        Assert.Empty(r.Issues);
        Assert.Equal(new Quantity(800_000m, MeasureUnit.KilowattHour), r.Energy.Single(e => e.Carrier == EnergyCarrier.Electricity).Quantity);

        lines[3] = Line(10, "电力", "吨", "34", "0", "80", "560", "80", "80", "", "", "", "0");
        Assert.Equal(["乙"], Form2051.Check(lines, Catalogue, null, Ours).Issues.Select(i => i.Column));
    }
}
