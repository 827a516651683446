using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Intake;
using Carbon.Domain.Units;

namespace Carbon.Domain.Tests;

/// <summary>Monthly records of the online monitoring system: firm-level records summed by carrier, sub-meters and non-monthly records left out.</summary>
public sealed class OnlineMonitoringTests
{
    private static readonly MonitoringCatalogue Catalogue = new("test", "00000000", new Dictionary<string, (EnergyCarrier, MeasureUnit)>
    {
        ["3400"] = (EnergyCarrier.Electricity, MeasureUnit.KilowattHour),
        ["1500"] = (EnergyCarrier.NaturalGas, MeasureUnit.CubicMetre),
    });

    private static readonly (string, string, string, string) Columns = ("B", "C", "E", "F");

    private static MonitoringRecord Record(int row, string code, string value, string statType = "2", string valid = "1") => new(row, code, statType, value, valid);

    [Fact]
    public void Firm_level_records_are_summed_by_carrier_and_nothing_else_is()
    {
        // Electricity: two uses at firm level, 100 000 (use 01) + 20 000 (use 02) = 120 000 kWh; the workshop's sub-meter
        // (40 000, location 01010101) is a part of it, not added; a daily record and an invalid one are left out.
        // Gas: one record, 0 m³ — covered (the filed figure is replaced) though it files no line.
        var result = OnlineMonitoring.Month(
        [
            Record(2, "0000000001340001", "100000"),
            Record(3, "0000000001340002", "20,000"),
            Record(4, "0101010101340001", "40000"),
            Record(5, "0000000001340001", "3000", statType: "1"),
            Record(6, "0000000001340001", "5000", valid: "0"),
            Record(7, "0000000001150001", "0"),
        ], Catalogue, Columns);

        Assert.False(result.HasErrors);
        var line = Assert.Single(result.Energy);
        Assert.Equal(new EnergyUse(EnergyCarrier.Electricity, new Quantity(120_000m, MeasureUnit.KilowattHour)), line);
        Assert.Equal([EnergyCarrier.Electricity, EnergyCarrier.NaturalGas], result.Covered.Order());
        Assert.Equal([(4, "B"), (5, "C"), (6, "F")], result.Issues.Select(i => (i.Row, i.Column)));
        Assert.All(result.Issues, i => Assert.True(i.Warning));
    }

    [Theory]
    [InlineData("000000000134000", "B")]     // 15 characters
    [InlineData("0000000001999901", "B")]    // energy kind 9999 unknown
    [InlineData("0000000001340001", "E", "-1")]
    [InlineData("0000000001340001", "E", "abc")]
    public void A_bad_code_or_value_is_an_error_on_its_cell(string code, string column, string value = "1")
    {
        var result = OnlineMonitoring.Month([Record(9, code, value)], Catalogue, Columns);
        var issue = Assert.Single(result.Issues);
        Assert.False(issue.Warning);
        Assert.Equal((9, column), (issue.Row, issue.Column));
        Assert.Empty(result.Energy);
    }

    [Fact]
    public void The_code_is_read_by_position()
    {
        Assert.True(MonitoringItemCode.TryParse(" 0102030401340005 ", out var code));
        Assert.Equal(("01020304", "01", "3400", "05"), (code.Location, code.DataType, code.Energy, code.Use));
        Assert.False(MonitoringItemCode.TryParse("01020304013400-5", out _));
    }
}
