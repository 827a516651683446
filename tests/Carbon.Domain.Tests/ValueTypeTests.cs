using Carbon.Domain.Accounting;
using Carbon.Domain.Certificates;
using Carbon.Domain.Energy;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;

namespace Carbon.Domain.Tests;

public class ValueTypeTests
{
    [Fact]
    public void Uscc_and_YearMonth_parse_as_route_values()
    {
        Assert.True(Uscc.TryParse("91350100M000100Y43", null, out var uscc));
        Assert.Equal("91350100M000100Y43", uscc.Value);
        Assert.False(Uscc.TryParse("91350100M000100Y44", null, out _));
        Assert.True(YearMonth.TryParse("2023-03", null, out var month));
        Assert.Equal(new YearMonth(2023, 3), month);
        Assert.False(YearMonth.TryParse("2023-13", null, out _));
    }

    [Fact]
    public void Two_filings_are_equal_when_every_line_says_the_same()
    {
        MonthlyFiling F(decimal kwh, params ProductOutput[] products) => new(new YearMonth(2023, 1),
            [new EnergyUse(EnergyCarrier.Electricity, new Quantity(kwh, MeasureUnit.KilowattHour))], 1m, 2m, 1m, 2m, 0m, 3, 0m,
            new Pollutants(0.1m, null, null, null), products);

        Assert.Equal(F(100m), F(100m));                       // lists compared by content, not reference
        Assert.NotEqual(F(100m), F(101m));
        Assert.NotEqual(F(100m), F(100m, new ProductOutput("件", 1m, "件")));
        Assert.Empty(F(100m).Products);
    }

    [Fact]
    public void Energy_by_carrier_round_trips_without_an_order()
    {
        var t = ActivityTotals.WithEnergy([KeyValuePair.Create(EnergyCarrier.Diesel, 5m), KeyValuePair.Create(EnergyCarrier.Electricity, 7m)]);
        Assert.Equal([(EnergyCarrier.Electricity, 7m), (EnergyCarrier.Diesel, 5m)], t.EnergyByCarrier().Select(e => (e.Key, e.Value)));
        Assert.Equal(t, ActivityTotals.WithEnergy(t.EnergyByCarrier().Reverse()));
    }

    [Theory]
    [InlineData("2026-06-01", false, "2026-05-31", CertificateState.NotYetIssued)]
    [InlineData("2026-06-01", false, "2026-06-01", CertificateState.Valid)]
    [InlineData("2026-06-01", false, "2029-05-31", CertificateState.Valid)]    // the last valid day
    [InlineData("2026-06-01", false, "2029-06-01", CertificateState.Expired)]
    [InlineData("2026-06-01", true, "2026-07-01", CertificateState.Revoked)]
    public void A_certificate_state_follows_one_rule(string issued, bool revoked, string day, CertificateState expected) =>
        Assert.Equal(expected, CertificateKinds.StateOn(DateOnly.Parse(day), DateOnly.Parse(issued), new DateOnly(2029, 5, 31), revoked));

    [Fact]
    public void The_misspelt_notice_token_is_still_read_but_never_written()
    {
        Assert.Equal(CertificateKind.MujunNotice, CertificateKinds.Parse("muyun-notice"));
        Assert.Equal("mujun-notice", CertificateKind.MujunNotice.Token());
        Assert.Equal("MN", CertificateKind.MujunNotice.Prefix());
    }

    [Theory]
    [InlineData("YZ-DEMO", true)]
    [InlineData("~unparked", false)]
    [InlineData("", false)]
    [InlineData("a/b", false)]
    public void Park_codes_are_safe_in_a_path(string code, bool valid) => Assert.Equal(valid, ParkCodes.IsValid(code));

    [Fact]
    public void A_mu_is_ten_thousand_fifteenths_of_a_square_metre() => Assert.Equal(10_000m, 15m * Land.SquareMetresPerMu, 20);
}
