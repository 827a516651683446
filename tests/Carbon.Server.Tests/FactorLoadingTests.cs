using System.Diagnostics;
using Carbon.Domain.Energy;
using Carbon.Domain.Factors;
using Carbon.Server.Factors;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

public class FactorLoadingTests
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "factors");

    [Fact]
    public void The_shipped_factors_load_and_cover_every_carrier()
    {
        var set = FactorSetLoader.Load(Shipped, "east-china");
        Assert.StartsWith("cn-default-2026.12+", set.Version);
        foreach (var carrier in EnergyCarriers.All.Where(c => c.CoefficientCarrier() == c))
        {
            // Electricity and heat by coefficient; every fuel by its heating value, in every family.
            Assert.True(carrier.RoleOf() == CarrierRole.Fuel
                ? set.FuelFamilies.All(f => set.FuelBasisFor(f.IndustryPrefixes.FirstOrDefault()).Find(carrier) is not null)
                : set.Find(FactorKind.StandardCoal, carrier) is not null, carrier.Token());
        }
        Assert.Equal(0.0001229m, set.Get(FactorKind.StandardCoal, EnergyCarrier.Electricity).Normalized); // tce per kWh
        Assert.Equal(0.5617m, set.GridCo2(2022, "east-china").Factor.Value);
        Assert.Equal(0.11m, set.HeatCo2.Value);
        Assert.Equal("other-industry-2015", set.DefaultFuelFamily.Id);
        // 工业其他行业 (2015): diesel 43.330, fuel oil 40.190, gasoline 44.800, LPG 47.310 GJ/t, washed coal 93 %, coke-oven gas
        // 173.854 GJ/10⁴m³, and 原煤 as 烟煤 (23.204 GJ/t, 26.18 tC/TJ, 93 %).
        var general = set.FuelBasisFor("C3441");
        Assert.Equal(43.330m, general.For(EnergyCarrier.Diesel).Ncv.Value);
        Assert.Equal(40.190m, general.For(EnergyCarrier.FuelOil).Ncv.Value);
        Assert.Equal(44.800m, general.For(EnergyCarrier.Gasoline).Ncv.Value);
        Assert.Equal(47.310m, general.For(EnergyCarrier.Lpg).Ncv.Value);
        Assert.Equal(93m, general.For(EnergyCarrier.WashedCoal).Oxidation.Value);
        Assert.Equal(173.854m, general.For(EnergyCarrier.CokeOvenGas).Ncv.Value);
        var coal = general.For(EnergyCarrier.RawCoal);
        Assert.Equal((23.204m, 26.18m, 93m), (coal.Ncv.Value, coal.CarbonContent.Value, coal.Oxidation.Value));
        // A chemical firm (C26) is on the first-batch (2013) table, whose coal rows it lacks: the default family's stand in.
        var chemical = set.FuelBasisFor("C2614");
        Assert.Equal("first-batch-2013", chemical.Family.Id);
        Assert.Equal(42.652m, chemical.For(EnergyCarrier.Diesel).Ncv.Value);
        Assert.True(chemical.For(EnergyCarrier.RawCoal).FromDefaultFamily);
        Assert.Equal(FactorStatus.Unverified, chemical.For(EnergyCarrier.Diesel).Oxidation.Status);   // not in the reproduction read
    }

    [Fact]
    public void The_version_changes_when_any_file_changes()
    {
        using var copy = Copy();
        var before = FactorSetLoader.Load(copy.Path, "east-china").Version;
        File.AppendAllText(Path.Combine(copy.Path, "coefficients", "grid.csv"),
            "grid.east-china.2024,grid-co2,test,2024,east-china,,tCO2/MWh,0.5400,test,UNVERIFIED\n");
        Assert.NotEqual(before, FactorSetLoader.Load(copy.Path, "east-china").Version);
    }

    [Theory]
    [InlineData("grid.csv", "0.5617", "abc", "coefficients/grid.csv line 5, field 'value'", "not a decimal")]
    [InlineData("grid.csv", "0.5617", "-0.5617", "coefficients/grid.csv line 5, field 'value'", "positive")]
    [InlineData("standard-coal.csv", "kgce/kWh", "kgce/m3", "coefficients/standard-coal.csv line 2, field 'unit'", "Volume")]
    [InlineData("standard-coal.csv", "electricity,kgce", "electricty,kgce", "coefficients/standard-coal.csv line 2, field 'carrier'", "electricty")]
    [InlineData("fuel-combustion.csv", "raw-coal,%,93", "raw-coal,%,193", "coefficients/fuel-combustion.csv line 4, field 'value'", "at most 1")]
    [InlineData("purchased-heat.csv", "VERIFIED-2nd", "PROBABLY", "coefficients/purchased-heat.csv line 2, field 'status'", "PROBABLY")]
    [InlineData("grid.csv", ",2022,east-china", ",22,east-china", "coefficients/grid.csv line 5, field 'year'", "1990..2100")]
    public void A_bad_row_names_file_line_field_and_reason(string file, string find, string replace, string where, string why)
    {
        using var copy = Copy();
        Edit(copy, file, find, replace);
        var e = Assert.Throws<FactorLoadException>(() => FactorSetLoader.Load(copy.Path, "east-china"));
        var problem = Assert.Single(e.Problems, p => p.StartsWith(where, StringComparison.Ordinal));
        Assert.Contains(why, problem);
    }

    [Fact]
    public void A_missing_coefficient_is_reported_by_carrier()
    {
        using var copy = Copy();
        var path = Path.Combine(copy.Path, "coefficients", "standard-coal.csv");
        File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.StartsWith("sc.heat,", StringComparison.Ordinal)));
        var fuels = Path.Combine(copy.Path, "coefficients", "fuel-combustion.csv");
        File.WriteAllLines(fuels, File.ReadAllLines(fuels).Where(l => !l.StartsWith("of.coke.other-industry-2015,", StringComparison.Ordinal)));
        var e = Assert.Throws<FactorLoadException>(() => FactorSetLoader.Load(copy.Path, "east-china"));
        Assert.Contains(e.Problems, p => p.Contains("no standard-coal coefficient for heat"));
        Assert.Contains(e.Problems, p => p.Contains("fuel family other-industry-2015: coke (焦炭) lacks oxidation"));
    }

    [Fact]
    public void Duplicate_ids_and_keys_are_reported_with_both_places()
    {
        using var copy = Copy();
        File.AppendAllText(Path.Combine(copy.Path, "coefficients", "standard-coal.csv"),
            "sc.heat,standard-coal,dup,,CN,heat,kgce/MJ,0.0341,test,UNVERIFIED\n");
        var e = Assert.Throws<FactorLoadException>(() => FactorSetLoader.Load(copy.Path, "east-china"));
        Assert.Contains(e.Problems, p => p.Contains("id 'sc.heat' is already used at coefficients/standard-coal.csv line 3"));
        Assert.Contains(e.Problems, p => p.Contains("a second standard-coal row for the same key"));
    }

    [Fact]
    public void A_wrong_header_and_a_short_row_are_reported()
    {
        using var copy = Copy();
        Edit(copy, "grid.csv", "id,kind,edition", "identifier,kind,edition");
        File.AppendAllText(Path.Combine(copy.Path, "coefficients", "purchased-heat.csv"), "ef.x,heat-co2,only-three\n");
        var e = Assert.Throws<FactorLoadException>(() => FactorSetLoader.Load(copy.Path, "east-china"));
        Assert.Contains(e.Problems, p => p.StartsWith("coefficients/grid.csv line 1: the header must be exactly", StringComparison.Ordinal));
        Assert.Contains(e.Problems, p => p.StartsWith("coefficients/purchased-heat.csv line 3: 3 fields, expected 10", StringComparison.Ordinal));
    }

    [Fact]
    public void A_grid_region_without_factors_is_refused()
    {
        var e = Assert.Throws<FactorLoadException>(() => FactorSetLoader.Load(Shipped, "jiangsu"));
        Assert.Contains(e.Problems, p => p.Contains("Carbon:GridRegion 'jiangsu' has no grid-co2 row"));
    }

    [Fact]
    public void One_fuel_has_one_heating_value_in_a_factor_set()
    {
        // Natural gas once went to tce at the 2008 table's 气田天然气 1.2143 kgce/m³ (35 544 kJ/m³) and to CO2 at 389.31
        // GJ/10⁴m³ (38 931 kJ/m³), 9.4 % apart. A fuel's standard coal is now its NCV ÷ 29 307 kJ/kgce, so a coefficient
        // row for a fuel is refused with the file, line and reason; the shipped set has none.
        var shipped = FactorSetLoader.Load(Shipped, "east-china");
        Assert.Null(shipped.Find(FactorKind.StandardCoal, EnergyCarrier.NaturalGas));
        using var copy = Copy();
        File.AppendAllText(Path.Combine(copy.Path, "coefficients", "standard-coal.csv"),
            "sc.natural-gas,standard-coal,GB/T 2589-2008 附录A 气田天然气,,CN,natural-gas,kgce/m3,1.2143,test,VERIFIED\n");
        var e = Assert.Throws<FactorLoadException>(() => FactorSetLoader.Load(copy.Path, "east-china"));
        Assert.Contains(e.Problems, p => p.Contains("standard-coal.csv line 4") && p.Contains("natural-gas") && p.Contains("one heating value"));
    }

    [Fact]
    public void Every_region_has_its_2021_factor_and_zhejiang_is_a_region_of_its_own()
    {
        // MEE/NBS 2021 regional averages (tCO2/MWh) and the Zhejiang provincial factors 2021 and 2022.
        var set = FactorSetLoader.Load(Shipped, "east-china");
        foreach (var (region, value) in new[] { ("east-china", 0.5992m), ("north-china", 0.7120m), ("northeast-china", 0.6012m),
                     ("central-china", 0.5354m), ("northwest-china", 0.5951m), ("south-china", 0.4326m), ("southwest-china", 0.2113m),
                     ("zhejiang", 0.5422m) })
        {
            var f = set.GridCo2(2021, region);
            Assert.False(f.IsSubstitute, region);
            Assert.Equal(value, f.Factor.Value);
        }
        Assert.Equal(0.5153m, set.GridCo2(2022, "zhejiang").Factor.Value);
        Assert.Equal(2021, set.GridCo2(2020, "east-china").Factor.Year);            // 2020 has none: the nearest, flagged
        Assert.True(set.GridCo2(2020, "east-china").IsSubstitute);
        Assert.Equal(BaselineGridPolicy.Fixed, set.BaselineGrid);                   // the shipped policy
        _ = FactorSetLoader.Load(Shipped, "zhejiang");                              // selectable as Carbon:GridRegion
    }

    [Fact]
    public void The_baseline_grid_policy_is_data_and_a_bad_one_stops_the_load()
    {
        using var copy = Copy();
        Edit(copy, "../factor-set.json", "\"baselineGrid\": \"fixed\"", "\"baselineGrid\": \"each-year\"");
        Assert.Equal(BaselineGridPolicy.EachYear, FactorSetLoader.Load(copy.Path, "east-china").BaselineGrid);
        Edit(copy, "../factor-set.json", "\"baselineGrid\": \"each-year\"", "\"baselineGrid\": \"sometimes\"");
        var e = Assert.Throws<FactorLoadException>(() => FactorSetLoader.Load(copy.Path, "east-china"));
        Assert.Contains(e.Problems, p => p.Contains("factor-set.json"));
    }

    [Fact]
    public void Fuel_families_are_data_and_a_bad_one_stops_the_load()
    {
        using var copy = Copy();
        Edit(copy, "../factor-set.json", "\"default\": false", "\"default\": true");
        Edit(copy, "fuel-combustion.csv", ",,first-batch-2013,diesel,", ",,first-batch-2031,diesel,");
        var e = Assert.Throws<FactorLoadException>(() => FactorSetLoader.Load(copy.Path, "east-china"));
        Assert.Contains(e.Problems, p => p.Contains("exactly one fuel family is \"default\": true"));
        Assert.Contains(e.Problems, p => p.Contains("the default family applies to every industry"));
    }

    [Fact]
    public async Task The_service_refuses_to_start_on_a_bad_factor_file_and_says_where()
    {
        // The built service, started as a user would: exit code 2 and the file, line, field and reason on stderr.
        using var copy = Copy();
        using var data = new TempFolder();
        Edit(copy, "grid.csv", "0.5617", "abc");
        var (exitCode, stderr) = await StartServiceAsync("--Carbon:FactorsDirectory", copy.Path, "--Carbon:DataDirectory", data.Path,
            "--Carbon:Silo:SiloPort", FreePort.Next().ToString(), "--Carbon:Silo:GatewayPort", FreePort.Next().ToString());
        Assert.Equal(2, exitCode);
        Assert.Contains("coefficients/grid.csv line 5, field 'value'", stderr);
    }

    [Fact]
    public async Task The_service_refuses_a_setting_it_does_not_know()
    {
        // Ports once sat under Carbon:Orleans, which nothing read: a setting that names nothing must stop the service.
        using var data = new TempFolder();
        var (exitCode, stderr) = await StartServiceAsync("--Carbon:DataDirectory", data.Path, "--Carbon:Orleans:SiloPort", FreePort.Next().ToString());
        Assert.Equal(2, exitCode);
        Assert.Contains("'Orleans'", stderr);
    }

    /// <summary>The built service, started as a user would, until it exits (within a minute): its exit code and stderr.</summary>
    private static async Task<(int ExitCode, string Stderr)> StartServiceAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Carbon.Server.dll"), "--urls", $"http://127.0.0.1:{FreePort.Next()}" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stderr);
    }

    private static TempFolder Copy()
    {
        var folder = new TempFolder();
        foreach (var file in Directory.GetFiles(Shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder.Path, Path.GetRelativePath(Shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return folder;
    }

    private static void Edit(TempFolder folder, string file, string find, string replace)
    {
        var path = Path.Combine(folder.Path, "coefficients", file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' not in {file}");
        File.WriteAllText(path, text[..at] + replace + text[(at + find.Length)..]);
    }
}
