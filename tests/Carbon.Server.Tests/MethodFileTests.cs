using Carbon.Domain.MuYield;
using Carbon.Server.Factors;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

public class MethodFileTests
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "factors");

    [Fact]
    public void The_shipped_methods_load_with_their_published_weights()
    {
        var catalog = MethodCatalog.Load(Shipped);
        var huangyan = catalog.Methods["huangyan-2022"].Method;
        Assert.Equal([30m, 20m, 20m, 10m, 10m, 10m], huangyan.Populations[0].Indicators.Select(i => i.Weight));
        Assert.Equal([50m, 50m], huangyan.Populations[1].Indicators.Select(i => i.Weight));
        Assert.Equal(24.097m, huangyan.Populations[0].Indicators[0].Benchmark.Value);
        Assert.Equal(MissingDataRule.PopulationAverage, huangyan.Populations[0].Indicators[3].Missing);
        var local = catalog.Methods["district-default"].Method;
        Assert.Equal(4, local.Populations.Count);                   // 租赁企业, 规上, 规下 ≥ 3 亩, 规下 < 3 亩 (慈溪's four)
        Assert.True(local.Populations[0].Lessees);
        Assert.Equal(3m, local.Populations[2].MinLandMu);
        Assert.Equal(3m, local.Populations[3].MaxLandMu);
        Assert.StartsWith("huangyan-2022@", huangyan.Version);
        Assert.Equal(ClassSource.Merged, huangyan.MixedParcelClassFrom);           // 混合型企业: 独立评价和合并评价
        Assert.Equal(ClassSource.Merged, local.MixedParcelClassFrom);
    }

    [Fact]
    public void A_method_says_which_evaluation_of_a_mixed_parcel_sets_the_class_merged_when_it_says_nothing()
    {
        ClassSource Edited(Func<string, string> edit)
        {
            using var copy = new TempFolder();
            Directory.CreateDirectory(Path.Combine(copy.Path, "methods"));
            var text = File.ReadAllText(Path.Combine(Shipped, "methods", "huangyan-2022.json"));
            File.WriteAllText(Path.Combine(copy.Path, "methods", "huangyan-2022.json"), edit(text));
            return MethodCatalog.Load(copy.Path).Methods["huangyan-2022"].Method.MixedParcelClassFrom;
        }

        Assert.Equal(ClassSource.Alone, Edited(t => t.Replace("\"classFrom\": \"merged\"", "\"classFrom\": \"alone\"", StringComparison.Ordinal)));
        Assert.Equal(ClassSource.Merged, Edited(t =>
            t[..t.IndexOf("  \"mixedParcels\"", StringComparison.Ordinal)] + t[t.IndexOf("  \"exemptions\"", StringComparison.Ordinal)..]));
    }

    [Theory]
    [InlineData("\"weight\": 30,", "\"weight\": 31,", "field 'populations[0].indicators'", "add up to 101")]
    [InlineData("\"tax-per-mu\", \"weight\": 30", "\"tax-per-acre\", \"weight\": 30", "field 'populations[0].indicators[0].indicator'", "unknown indicator")]
    [InlineData("\"upToShare\": 0.80", "\"upToShare\": 0.10", "field 'populations[0].classes.bands'", "rising")]
    [InlineData("\"value\": 24.097", "\"value\": -24.097", "field 'populations[0].indicators[0].benchmark.value'", "positive")]
    [InlineData("\"status\": \"VERIFIED-2nd\",\n  \"populations\"", "\"status\": \"SURE\",\n  \"populations\"", "field 'status'", "status is one of")]
    [InlineData("\"scale\": \"above\",", "\"scale\": \"big\",", "field 'populations[0].scale'", "above")]
    [InlineData("\"C\": { \"electricityYuanPerKwh\"", "\"X\": { \"electricityYuanPerKwh\"", "field 'tariffs.classes'", "class 'C' has no tariff")]
    [InlineData("\"weight\": 30,", "\"weight\": \"30\",", "line", "field 'populations[0].indicators[0].weight'")]
    [InlineData("\"classFrom\": \"merged\"", "\"classFrom\": \"both\"", "field 'mixedParcels.classFrom'", "'merged'")]
    public void A_bad_method_file_names_the_file_the_field_and_the_reason(string find, string replace, string where, string why)
    {
        using var copy = new TempFolder();
        Directory.CreateDirectory(Path.Combine(copy.Path, "methods"));
        var text = File.ReadAllText(Path.Combine(Shipped, "methods", "huangyan-2022.json"));
        Assert.Contains(find, text);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(copy.Path, "methods", "huangyan-2022.json"), text[..at] + replace + text[(at + find.Length)..]);
        var e = Assert.Throws<FactorLoadException>(() => MethodCatalog.Load(copy.Path));
        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("methods/huangyan-2022.json", problem);
        Assert.Contains(where, problem);
        Assert.Contains(why, problem);
    }

    [Fact]
    public void A_method_file_must_be_named_after_its_id()
    {
        using var copy = new TempFolder();
        Directory.CreateDirectory(Path.Combine(copy.Path, "methods"));
        File.Copy(Path.Combine(Shipped, "methods", "huangyan-2022.json"), Path.Combine(copy.Path, "methods", "mine.json"));
        var e = Assert.Throws<FactorLoadException>(() => MethodCatalog.Load(copy.Path));
        Assert.Contains("must be named huangyan-2022.json", Assert.Single(e.Problems));
    }
}
