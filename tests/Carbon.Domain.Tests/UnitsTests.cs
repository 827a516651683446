using Carbon.Domain.Energy;
using Carbon.Domain.Units;

namespace Carbon.Domain.Tests;

public class UnitsTests
{
    [Theory]
    [InlineData("kWh", MeasureUnit.KilowattHour)]
    [InlineData("MWh", MeasureUnit.MegawattHour)]
    [InlineData("10k-kWh", MeasureUnit.TenThousandKilowattHours)]
    [InlineData("kg", MeasureUnit.Kilogram)]
    [InlineData("t", MeasureUnit.Tonne)]
    [InlineData("m3", MeasureUnit.CubicMetre)]
    [InlineData("10k-m3", MeasureUnit.TenThousandCubicMetres)]
    [InlineData("MJ", MeasureUnit.Megajoule)]
    [InlineData("GJ", MeasureUnit.Gigajoule)]
    public void Tokens_round_trip(string token, MeasureUnit unit)
    {
        Assert.True(MeasureUnits.TryParse(token, out var parsed));
        Assert.Equal(unit, parsed);
        Assert.Equal(token, unit.Token());
    }

    [Theory]
    [InlineData("KWH")]
    [InlineData("mwh")]
    [InlineData("万kWh")]
    [InlineData("")]
    [InlineData(null)]
    public void Unknown_or_miscased_tokens_are_rejected(string? token) => Assert.False(MeasureUnits.TryParse(token, out _));

    [Fact]
    public void Conversions_are_exact()
    {
        // 1.2345 万kWh = 12 345 kWh = 12.345 MWh; 0.5 t = 500 kg; 3 万m³ = 30 000 m³; 2.5 GJ = 2 500 MJ.
        Assert.Equal(12_345m, MeasureUnits.Convert(1.2345m, MeasureUnit.TenThousandKilowattHours, MeasureUnit.KilowattHour));
        Assert.Equal(12.345m, MeasureUnits.Convert(1.2345m, MeasureUnit.TenThousandKilowattHours, MeasureUnit.MegawattHour));
        Assert.Equal(500m, new Quantity(0.5m, MeasureUnit.Tonne).InBaseUnit);
        Assert.Equal(30_000m, new Quantity(3m, MeasureUnit.TenThousandCubicMetres).InBaseUnit);
        Assert.Equal(2.5m, new Quantity(2_500m, MeasureUnit.Megajoule).In(MeasureUnit.Gigajoule));
    }

    [Fact]
    public void A_unit_of_another_dimension_is_an_error_never_a_zero()
    {
        Assert.Throws<UnitMismatchException>(() => MeasureUnits.Convert(1m, MeasureUnit.Tonne, MeasureUnit.KilowattHour));
        Assert.Throws<UnitMismatchException>(() =>
            new Accounting.EnergyUse(EnergyCarrier.NaturalGas, new Quantity(1m, MeasureUnit.Tonne)));
        Assert.False(EnergyCarrier.Electricity.Accepts(MeasureUnit.CubicMetre));
        Assert.True(EnergyCarrier.Heat.Accepts(MeasureUnit.Gigajoule));
    }

    [Fact]
    public void A_negative_quantity_cannot_be_made() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Quantity(-1m, MeasureUnit.KilowattHour));

    [Fact]
    public void Carrier_enum_order_matches_the_table_order()
    {
        // ActivityTotals indexes energy by (int)carrier, so the table must list carriers in enum order.
        var all = EnergyCarriers.All;
        for (var i = 0; i < all.Count; i++)
        {
            Assert.Equal(i, (int)all[i]);
        }
        Assert.Equal(Enum.GetValues<EnergyCarrier>().Length, all.Count);
    }

    [Fact]
    public void Every_carrier_token_parses_back()
    {
        foreach (var carrier in EnergyCarriers.All)
        {
            Assert.True(EnergyCarriers.TryParse(carrier.Token(), out var parsed));
            Assert.Equal(carrier, parsed);
        }
        Assert.Equal(17, EnergyCarriers.Tokens.Count);
    }
}
