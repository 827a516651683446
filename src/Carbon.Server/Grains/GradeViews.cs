using Carbon.Domain.GreenFactory;
using Carbon.Domain;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>Display forms of a <see cref="GreenFactoryGrade"/> (scores rounded to 6 decimal places).</summary>
public static class GradeViews
{
    public static GradeView From(GreenFactoryGrade g) =>
        new(g.RuleSetId, g.RuleSetVersion, g.Edition, g.Basis == GradeBasis.Verified ? "verified" : "claimed", g.Eligible,
            g.Reasons.ToArray(), R(g.TotalScore), g.PassScore,
            g.Basic.Select(b => new BasicView(b.Id, b.Text, b.Met, b.Source)).ToArray(),
            g.Categories.Select(c => new CategoryView(c.Id, c.Name, c.Weight, R(c.Earned), c.Max, R(c.Score))).ToArray(),
            g.Items.Select(i => new ItemView(i.Id, i.Text, i.CategoryId, i.Requirement == ItemRequirement.Mandatory ? "mandatory" : "optional",
                i.Points, R(i.Earned), i.Met, i.Value is { } v ? R(v) : null, i.Thresholds?.Benchmark, i.Thresholds?.Leading, i.Source)).ToArray(),
            g.Gaps.Select(x => new GapView(x.ItemId, x.Text, R(x.Gain), x.Blocking, x.Action)).ToArray());

    private static decimal R(decimal v) => Display.Round(v);
}
