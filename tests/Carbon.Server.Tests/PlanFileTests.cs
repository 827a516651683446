using Carbon.Server.Factors;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>The plan's data files: a bad target split rule, a bad cluster row or a cluster file for no plan stop the load, naming file, field and reason.</summary>
public class PlanFileTests
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "factors");

    private static TempFolder Copy(string folder, string file, string find, string replace)
    {
        var copy = new TempFolder();
        foreach (var sub in new[] { "targets", "clusters" })
        {
            Directory.CreateDirectory(Path.Combine(copy.Path, sub));
            foreach (var f in Directory.GetFiles(Path.Combine(Shipped, sub)))
            {
                File.Copy(f, Path.Combine(copy.Path, sub, Path.GetFileName(f)));
            }
        }
        var path = Path.Combine(copy.Path, folder, file);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text);
        File.WriteAllText(path, text.Replace(find, replace));
        return copy;
    }

    [Fact]
    public void The_shipped_plan_has_its_split_rules_and_clusters()
    {
        var plans = TargetPlan.Load(Shipped);
        Assert.Equal(5, plans[0].Targets.Count(t => t.Split is not null));
        Assert.Equal(2023, plans[0].MidTermYear);
        Assert.NotEmpty(ClusterCatalog.Load(Shipped, plans).For(plans[0].Id));
    }

    [Theory]
    [InlineData("targets", "district-2025.json", "\"split\": \"consumption\"", "\"split\": \"by-size\"", "field 'targets[2].split'", "consumption, value-added or benchmark-distance")]
    [InlineData("targets", "district-2025.json", "\"midTermYear\": 2023", "\"midTermYear\": 2026", "field 'midTermYear'", "between baselineYear and targetYear")]
    public void A_bad_plan_file_names_the_file_the_field_and_the_reason(string folder, string file, string find, string replace, string where, string why)
    {
        using var copy = Copy(folder, file, find, replace);
        var problem = Assert.Single(Assert.Throws<FactorLoadException>(() => TargetPlan.Load(copy.Path)).Problems);
        Assert.StartsWith($"{folder}/{file}", problem);
        Assert.Contains(where, problem);
        Assert.Contains(why, problem);
    }

    [Theory]
    [InlineData("[\"C36\"]", "[\"36\"]", "field 'clusters[1].industries[0]'", "GB/T 4754 code prefix")]
    [InlineData("\"plan\": \"district-2025\"", "\"plan\": \"district-2030\"", "field 'plan'", "no plan 'district-2030'")]
    public void A_bad_cluster_file_names_the_file_the_field_and_the_reason(string find, string replace, string where, string why)
    {
        using var copy = Copy("clusters", "district-2025.json", find, replace);
        var problem = Assert.Single(Assert.Throws<FactorLoadException>(() => ClusterCatalog.Load(copy.Path, TargetPlan.Load(copy.Path))).Problems);
        Assert.StartsWith("clusters/district-2025.json", problem);
        Assert.Contains(where, problem);
        Assert.Contains(why, problem);
    }
}
