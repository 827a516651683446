using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Factors;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;
using static Carbon.Domain.Tests.TestFactors;

namespace Carbon.Domain.Tests;

/// <summary>Fuel defaults by guideline family, 原煤 as 烟煤, and a measured NCV that wins for energy and CO2 alike.</summary>
public class FuelFamilyTests
{
    private static readonly FuelFamily Other = new("other-industry-2015", "工业其他行业", [], true, "test", FactorStatus.VerifiedSecondary);
    private static readonly FuelFamily FirstBatch = new("first-batch-2013", "首批10个行业", ["C26", "C3011"], false, "test", FactorStatus.Unverified);

    /// <summary>Two families as shipped: 工业其他行业 (default, 原煤 = 烟煤) and the first batch, which has diesel but no coal.</summary>
    private static readonly FactorSet Set = new("test", Default().Where(f => !f.Kind.IsFuelKind()).Concat(
    [
        F("ncv.raw-coal.o", FactorKind.NetCalorificValue, "GJ/t", 23.204m, EnergyCarrier.RawCoal, region: Other.Id),
        F("cc.raw-coal.o", FactorKind.CarbonContent, "tC/TJ", 26.18m, EnergyCarrier.RawCoal, region: Other.Id),
        F("of.raw-coal.o", FactorKind.OxidationRate, "%", 93m, EnergyCarrier.RawCoal, region: Other.Id),
        F("ncv.diesel.o", FactorKind.NetCalorificValue, "GJ/t", 43.33m, EnergyCarrier.Diesel, region: Other.Id),
        F("cc.diesel.o", FactorKind.CarbonContent, "tC/TJ", 20.2m, EnergyCarrier.Diesel, region: Other.Id),
        F("of.diesel.o", FactorKind.OxidationRate, "%", 98m, EnergyCarrier.Diesel, region: Other.Id),
        F("ncv.diesel.f", FactorKind.NetCalorificValue, "GJ/t", 42.652m, EnergyCarrier.Diesel, region: FirstBatch.Id),
        F("cc.diesel.f", FactorKind.CarbonContent, "tC/TJ", 20.2m, EnergyCarrier.Diesel, region: FirstBatch.Id),
        F("of.diesel.f", FactorKind.OxidationRate, "%", 98m, EnergyCarrier.Diesel, region: FirstBatch.Id),
    ]), [Other, FirstBatch]);

    private static MonthlyFiling Month(params EnergyUse[] energy) =>
        new(new YearMonth(2023, 3), energy, 0m, 100m, 50m, 100m, 0m, 5, 0m, null);

    private static EnergyUse Tonnes(EnergyCarrier carrier, decimal t, decimal? measuredNcv = null) =>
        new(carrier, new Quantity(t, MeasureUnit.Tonne), 0m, measuredNcv);

    [Theory]
    [InlineData("C3441", "other-industry-2015")]   // 金属制品: no sector guideline → 工业其他行业
    [InlineData(null, "other-industry-2015")]      // no code on the profile → the default
    [InlineData("C2614", "first-batch-2013")]      // 化工 (C26…) → the first batch
    [InlineData("C3011", "first-batch-2013")]      // 水泥
    [InlineData("C3021", "other-industry-2015")]   // 石灰石膏: C30 but not C3011
    public void A_firms_industry_picks_its_family(string? industry, string family) =>
        Assert.Equal(family, Set.FuelBasisFor(industry).Family.Id);

    [Fact]
    public void Raw_coal_of_a_general_manufacturer_is_accounted_as_bituminous_coal()
    {
        // 100 t 原煤, 工业其他行业 (烟煤 row): heat 100 × 23.204 = 2 320.4 GJ
        //   standard coal 2 320.4 ÷ 29.307 = 79.175624 tce (one heating value; not 100 × 0.7143 = 71.43)
        //   CO2 2 320.4 GJ × 0.02618 tC/GJ × 0.93 = 56.49570696 tC × 44/12 = 207.15092552 t
        var fuels = Set.FuelBasisFor("C3441");
        var a = Account.Compute(ActivityTotals.From(Month(Tonnes(EnergyCarrier.RawCoal, 100m)), fuels), Set, 2023, "east-china");
        Assert.Equal(79.175624m, Display.Round(a.Energy.CalorificTce));
        Assert.Equal(207.150926m, Display.Round(a.Co2.CombustionT));
    }

    [Fact]
    public void A_measured_heating_value_wins_for_energy_and_co2_and_is_shown_in_the_trace()
    {
        // 100 t 原煤 with a measured 21.5 GJ/t: heat 2 150 GJ ÷ 29.307 = 73.361313 tce;
        //   CO2 2 150 × 0.02618 × 0.93 = 52.34691 tC × 44/12 = 191.93867 t (carbon content and oxidation stay the family's).
        var fuels = Set.FuelBasisFor("C3441");
        var trace = new List<TraceTerm>();
        var t = ActivityTotals.From(Month(Tonnes(EnergyCarrier.RawCoal, 100m, measuredNcv: 21.5m)), fuels);
        var a = Account.Compute(t, Set, 2023, "east-china", trace, fuels: fuels);
        Assert.Equal(73.361313m, Display.Round(a.Energy.CalorificTce));
        Assert.Equal(191.93867m, Display.Round(a.Co2.CombustionT));
        var co2 = Assert.Single(trace, x => x.Figure == "co2.combustion");
        Assert.Equal(["cc.raw-coal.o", "of.raw-coal.o"], co2.Factors.Select(f => f.Id));   // no default NCV cited: all measured
        Assert.Contains("实测", co2.Note);
        Assert.Contains("21.5 GJ/t", co2.Note);
        var energy = Assert.Single(trace, x => x.Figure == "energy.calorific" && x.Carrier == "raw-coal");
        Assert.Equal(a.Energy.CalorificTce, energy.Result);
    }

    [Fact]
    public void The_same_diesel_differs_by_family_and_a_park_sums_each_firm_on_its_own()
    {
        // 10 t diesel. 工业其他行业 43.33 GJ/t: 433.3 GJ ÷ 29.307 = 14.784864 tce; 433.3 × 0.0202 × 0.98 × 44/12 = 31.451225 t.
        // First batch 42.652 GJ/t: 426.52 GJ ÷ 29.307 = 14.553520 tce; 426.52 × 0.0202 × 0.98 × 44/12 = 30.959096 t.
        // A park with one of each: 14.7848637 + 14.5535196 = 29.338383 tce and 62.410321 t — the sum of the two, not 20 t on either family.
        var general = ActivityTotals.From(Month(Tonnes(EnergyCarrier.Diesel, 10m)), Set.FuelBasisFor("C3441"));
        var chemical = ActivityTotals.From(Month(Tonnes(EnergyCarrier.Diesel, 10m)), Set.FuelBasisFor("C2614"));
        var g = Account.Compute(general, Set, 2023, "east-china");
        var c = Account.Compute(chemical, Set, 2023, "east-china");
        var park = Account.Compute(general + chemical, Set, 2023, "east-china");
        Assert.Equal(14.784864m, Display.Round(g.Energy.CalorificTce));
        Assert.Equal(31.451225m, Display.Round(g.Co2.CombustionT));
        Assert.Equal(14.55352m, Display.Round(c.Energy.CalorificTce));
        Assert.Equal(30.959096m, Display.Round(c.Co2.CombustionT));
        Assert.Equal(29.338383m, Display.Round(park.Energy.CalorificTce));
        Assert.Equal(62.410321m, Display.Round(park.Co2.CombustionT));
    }

    [Fact]
    public void A_family_without_a_fuel_takes_the_defaults_and_says_so()
    {
        var chemical = Set.FuelBasisFor("C2614");
        var coal = chemical.For(EnergyCarrier.RawCoal);
        Assert.True(coal.FromDefaultFamily);
        Assert.Equal("ncv.raw-coal.o", coal.Ncv.Id);
        var trace = new List<TraceTerm>();
        Account.Compute(ActivityTotals.From(Month(Tonnes(EnergyCarrier.RawCoal, 1m)), chemical), Set, 2023, "east-china", trace, fuels: chemical);
        Assert.Contains(trace, x => x.Figure == "co2.combustion" && x.Note!.Contains("取默认指南"));
    }

    [Fact]
    public void A_measured_heating_value_belongs_to_a_fuel_and_lies_in_its_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new EnergyUse(EnergyCarrier.Electricity, new Quantity(1m, MeasureUnit.KilowattHour), 0m, 20m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Tonnes(EnergyCarrier.RawCoal, 1m, measuredNcv: 209.08m));   // kJ/kg ÷ 100, a unit slip
        Assert.Equal("GJ/10k-m3", EnergyUse.NcvUnit(EnergyCarrier.NaturalGas));
    }
}
