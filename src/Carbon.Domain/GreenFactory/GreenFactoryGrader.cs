namespace Carbon.Domain.GreenFactory;

/// <summary>One item's outcome: points earned, whether met, and where the evidence came from.</summary>
public sealed record ItemGrade(
    string Id,
    string Text,
    string CategoryId,
    ItemRequirement Requirement,
    decimal Points,
    decimal Earned,
    bool Met,
    decimal? Value,
    Thresholds? Thresholds,
    string Source);

public sealed record CategoryGrade(string Id, string Name, decimal Weight, decimal Earned, decimal Max, decimal Score);

public sealed record BasicGrade(string Id, string Text, bool Met, string Source);

/// <summary>What to change to pass, and how much of the total score it is worth; blocking gaps stop eligibility.</summary>
public sealed record Gap(string ItemId, string Text, decimal Gain, bool Blocking, string Action);

public sealed record GreenFactoryGrade(
    string RuleSetId,
    string RuleSetVersion,
    string Edition,
    GradeBasis Basis,
    bool Eligible,
    IReadOnlyList<string> Reasons,
    decimal TotalScore,
    decimal PassScore,
    IReadOnlyList<BasicGrade> Basic,
    IReadOnlyList<CategoryGrade> Categories,
    IReadOnlyList<ItemGrade> Items,
    IReadOnlyList<Gap> Gaps);

/// <summary>
/// 绿色工厂评价 (GB/T 36132-2018 §5 basic requirements and six categories; GB/T 36132-2025 five dimensions): basic
/// requirements gate; category score = weight × earned / available points; eligible when every basic requirement and
/// every 必选 item is met and the total reaches the pass score.
/// </summary>
public static class GreenFactoryGrader
{
    public static GreenFactoryGrade Grade(GreenFactoryRuleSet rules, GreenFactoryFacts facts,
        IReadOnlyDictionary<string, ItemAnswer> answers, GradeBasis basis)
    {
        var basic = rules.Basic.Select(b =>
        {
            var (met, source) = Qualitative(answers.GetValueOrDefault(b.Id), basis);
            return new BasicGrade(b.Id, b.Text, met, source);
        }).ToList();

        var items = new List<ItemGrade>();
        var categories = new List<CategoryGrade>();
        foreach (var category in rules.Categories)
        {
            foreach (var item in category.Items)
            {
                items.Add(item.IsQualitative
                    ? QualitativeItem(category, item, answers.GetValueOrDefault(item.Id), basis)
                    : QuantitativeItem(rules, category, item, facts));
            }
            var mine = items.Where(i => i.CategoryId == category.Id).ToList();
            var max = mine.Sum(i => i.Points);
            var earned = mine.Sum(i => i.Earned);
            categories.Add(new CategoryGrade(category.Id, category.Name, category.Weight, earned, max,
                max > 0m ? category.Weight * earned / max : 0m));
        }

        var total = categories.Sum(c => c.Score);
        var reasons = new List<string>();
        foreach (var b in basic.Where(b => !b.Met))
        {
            reasons.Add($"基本要求未满足（一票否决）: {b.Text}");
        }
        foreach (var i in items.Where(i => i.Requirement == ItemRequirement.Mandatory && !i.Met))
        {
            reasons.Add($"必选要求未满足: {i.Text}");
        }
        if (total < rules.PassScore)
        {
            reasons.Add($"总分 {Display.Text(total, 2)} 低于通过分 {Display.Text(rules.PassScore)}");
        }
        return new GreenFactoryGrade(rules.Id, rules.Version, rules.Edition, basis, reasons.Count == 0, reasons, total, rules.PassScore,
            basic, categories, items, Gaps(rules, basic, items, categories));
    }

    /// <summary>Points for a value between benchmark and leading value (see <see cref="QuantitativeScoring"/>).</summary>
    public static decimal Points(QuantitativeScoring scoring, decimal floorShare, MetricDirection direction, Thresholds t, decimal value,
        decimal points)
    {
        // Turn "lower is better" into "higher is better" so one rule serves both.
        var sign = direction == MetricDirection.LowerIsBetter ? -1m : 1m;
        var v = sign * value;
        var b = sign * t.Benchmark;
        if (v < b)
        {
            return 0m;
        }
        if (scoring == QuantitativeScoring.Binary || t.Leading is not { } leading)
        {
            return points;
        }
        var l = sign * leading;
        if (v >= l || l <= b)
        {
            return points;
        }
        return points * (floorShare + (1m - floorShare) * (v - b) / (l - b));
    }

    private static (bool Met, string Source) Qualitative(ItemAnswer? answer, GradeBasis basis)
    {
        if (answer is null || !answer.Met)
        {
            return (false, answer is null ? "未作答 (not answered)" : "企业自评不满足 (the firm says not met)");
        }
        var evidence = string.IsNullOrWhiteSpace(answer.Evidence) ? "无佐证说明" : answer.Evidence;
        return (basis, answer.Accepted) switch
        {
            (_, true) => (true, $"企业佐证: {evidence}; 核查通过{Comment(answer)}"),
            (_, false) => (false, $"企业佐证: {evidence}; 核查未通过{Comment(answer)}"),
            (GradeBasis.Claimed, null) => (true, $"企业佐证: {evidence}; 待核查 (claimed, not yet verified)"),
            _ => (false, $"企业佐证: {evidence}; 尚未核查 (not verified)"),
        };
    }

    private static string Comment(ItemAnswer a) => string.IsNullOrWhiteSpace(a.VerifierComment) ? "" : $" ({a.VerifierComment})";

    private static ItemGrade QualitativeItem(GradingCategory category, GradingItem item, ItemAnswer? answer, GradeBasis basis)
    {
        var (met, source) = Qualitative(answer, basis);
        return new ItemGrade(item.Id, item.Text, category.Id, item.Requirement, item.Points, met ? item.Points : 0m, met, null, null, source);
    }

    private static ItemGrade QuantitativeItem(GreenFactoryRuleSet rules, GradingCategory category, GradingItem item, GreenFactoryFacts facts)
    {
        var q = item.Quantitative!;
        var (name, unit) = GreenFactoryMetrics.All[q.Metric];
        var thresholds = q.For(facts.IndustryCode);
        var value = facts.Metrics.GetValueOrDefault(q.Metric);
        var from = facts.Sources.GetValueOrDefault(q.Metric, "");
        if (thresholds is null)
        {
            return new ItemGrade(item.Id, item.Text, category.Id, item.Requirement, item.Points, 0m, false, value, null,
                $"{name}: 本行业({facts.IndustryCode ?? "未登记行业代码"})无基准值，需按行业标准补充 (no benchmark for this industry)");
        }
        if (thresholds.ProductUnit is { } pu && facts.ProductUnit != pu)
        {
            return new ItemGrade(item.Id, item.Text, category.Id, item.Requirement, item.Points, 0m, false, null, thresholds,
                $"{name}: 基准值按产品单位 {pu}，企业产品单位为 {facts.ProductUnit ?? "(未填报产品产量)"} (product unit does not match the benchmark)");
        }
        if (value is not { } v)
        {
            return new ItemGrade(item.Id, item.Text, category.Id, item.Requirement, item.Points, 0m, false, null, thresholds,
                $"{name}: 无法计算 — {from}");
        }
        var earned = Points(rules.Scoring, rules.FloorShare, q.Direction, thresholds, v, item.Points);
        var met = earned > 0m;
        var lead = thresholds.Leading is { } l ? $", 引领值 {Display.Text(l)}" : "";
        return new ItemGrade(item.Id, item.Text, category.Id, item.Requirement, item.Points, earned, met, v, thresholds,
            $"{name} {Display.Text(v)} {unit} (基准值 {Display.Text(thresholds.Benchmark)}{lead}) — 台账: {from}");
    }

    private static List<Gap> Gaps(GreenFactoryRuleSet rules, List<BasicGrade> basic, List<ItemGrade> items, List<CategoryGrade> categories)
    {
        var gaps = basic.Where(b => !b.Met)
            .Select(b => new Gap(b.Id, b.Text, 0m, true, "满足该基本要求并提交佐证材料 (meet the basic requirement and give evidence)"))
            .ToList();
        foreach (var i in items.Where(i => i.Earned < i.Points))
        {
            var category = categories.First(c => c.Id == i.CategoryId);
            var gain = category.Max > 0m ? category.Weight * (i.Points - i.Earned) / category.Max : 0m;
            var blocking = i.Requirement == ItemRequirement.Mandatory && !i.Met;
            gaps.Add(new Gap(i.Id, i.Text, gain, blocking, Action(rules, i)));
        }
        // Blocking first, then the largest gain; the id keeps the order stable.
        return gaps.OrderByDescending(g => g.Blocking).ThenByDescending(g => g.Gain).ThenBy(g => g.ItemId, StringComparer.Ordinal).ToList();
    }

    private static string Action(GreenFactoryRuleSet rules, ItemGrade i)
    {
        if (i.Thresholds is not { } t || i.Value is not { } v)
        {
            return i.Thresholds is null && rules.Items.First(x => x.Id == i.Id).IsQualitative
                ? "满足该要求并提交佐证材料，经核查通过 (meet it, give evidence, have it verified)"
                : i.Source;
        }
        var target = t.Leading is { } l && rules.Scoring == QuantitativeScoring.Linear ? l : t.Benchmark;
        var word = rules.Items.First(x => x.Id == i.Id).Quantitative!.Direction == MetricDirection.LowerIsBetter ? "降至" : "提高到";
        return v == target ? i.Source : $"由 {Display.Text(v, 4)} {word} {Display.Text(target)}{(target == t.Benchmark ? " (基准值)" : " (引领值，满分)")}";
    }
}
