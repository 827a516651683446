using Carbon.Domain.Factors;
using Carbon.Domain.Targets;
using FluentValidation;

namespace Carbon.Server.Factors;

// factors/targets/*.json: a district's plan targets as data.

public sealed record TargetsFile(string? Id, string? Name, int? BaselineYear, int? TargetYear, int? MidTermYear, int? ReportDueDay, List<TargetFile>? Targets);

public sealed record TargetFile(string? Id, string? Name, string? Metric, string? Scale, string? Kind, decimal? Target, string? Unit,
    string? Status, string? Source, string? Split = null);

/// <summary>The metrics a target can follow, and the kind each is measured as.</summary>
public static class TargetMetrics
{
    public static readonly IReadOnlyDictionary<string, TargetKind> Kinds = new Dictionary<string, TargetKind>
    {
        ["tax-per-mu"] = TargetKind.Level,
        ["value-added-per-mu"] = TargetKind.Level,
        ["water-use"] = TargetKind.Reduction,
        ["energy-intensity"] = TargetKind.Reduction,
        ["co2-intensity"] = TargetKind.Reduction,
        ["water-intensity"] = TargetKind.Reduction,
        ["green-factories"] = TargetKind.Count,
        ["share-in-parks"] = TargetKind.Share,
        ["land-reclaimed"] = TargetKind.Count,
        ["campaign-scattered-polluting"] = TargetKind.Count,
        ["campaign-backward-capacity"] = TargetKind.Count,
        ["campaign-low-efficiency-block"] = TargetKind.Count,
        ["campaign-micro-park"] = TargetKind.Count,
    };

    /// <summary>The "two small" campaign a metric counts (its rectification cases closed), or null for any other metric.</summary>
    public static Domain.LandUse.CampaignKind? Campaign(string metric) => metric switch
    {
        "campaign-scattered-polluting" => Domain.LandUse.CampaignKind.ScatteredPolluting,
        "campaign-backward-capacity" => Domain.LandUse.CampaignKind.BackwardCapacity,
        "campaign-low-efficiency-block" => Domain.LandUse.CampaignKind.LowEfficiencyBlock,
        "campaign-micro-park" => Domain.LandUse.CampaignKind.MicroPark,
        _ => null,
    };

    /// <summary>The metrics whose remaining gap is split among parks and firms (<see cref="TrajectorySplit"/>).</summary>
    public static readonly IReadOnlySet<string> Splittable = new HashSet<string>
        { "energy-intensity", "co2-intensity", "water-use", "tax-per-mu", "value-added-per-mu" };

    public static SplitRule? ParseSplit(string? rule) => rule switch
    {
        "consumption" => SplitRule.Consumption,
        "value-added" => SplitRule.ValueAdded,
        "benchmark-distance" => SplitRule.BenchmarkDistance,
        _ => null,
    };

    public static TargetKind? ParseKind(string? kind) => kind switch
    {
        "level" => TargetKind.Level,
        "reduction" => TargetKind.Reduction,
        "count" => TargetKind.Count,
        "share" => TargetKind.Share,
        _ => null,
    };
}

public sealed class TargetsFileValidator : AbstractValidator<TargetsFile>
{
    public TargetsFileValidator()
    {
        RuleFor(t => t.Id).NotEmpty().Matches("^[a-z0-9][a-z0-9-]*$");
        RuleFor(t => t.Name).NotEmpty();
        RuleFor(t => t.BaselineYear).NotNull().InclusiveBetween(2000, 2100);
        RuleFor(t => t.TargetYear).NotNull().GreaterThan(t => t.BaselineYear ?? 0).WithMessage("targetYear comes after baselineYear");
        RuleFor(t => t.MidTermYear).NotNull().GreaterThan(t => t.BaselineYear ?? 0).LessThan(t => t.TargetYear ?? 0)
            .WithMessage("midTermYear (中期评估年) lies between baselineYear and targetYear");
        RuleFor(t => t.ReportDueDay).NotNull().InclusiveBetween(1, 28)
            .WithMessage("reportDueDay: the day of the following month by which a task's report is due (1..28)");
        RuleFor(t => t.Targets).NotEmpty();
        RuleForEach(t => t.Targets).NotNull().ChildRules(t =>
        {
            t.RuleFor(x => x.Id).NotEmpty().Matches("^[a-z0-9][a-z0-9-]*$");
            t.RuleFor(x => x.Name).NotEmpty();
            t.RuleFor(x => x.Metric).Must(m => m is not null && TargetMetrics.Kinds.ContainsKey(m))
                .WithMessage(x => $"unknown metric '{x.Metric}'; one of {string.Join(", ", TargetMetrics.Kinds.Keys)}");
            t.RuleFor(x => x.Kind).Must(k => TargetMetrics.ParseKind(k) is not null).WithMessage("kind is level, reduction, count or share");
            t.RuleFor(x => x.Kind)
                .Must((x, k) => TargetMetrics.ParseKind(k) == TargetMetrics.Kinds[x.Metric!])
                .When(x => x.Metric is not null && TargetMetrics.Kinds.ContainsKey(x.Metric) && TargetMetrics.ParseKind(x.Kind) is not null)
                .WithMessage(x => $"metric {x.Metric} is measured as {TargetMetrics.Kinds[x.Metric!].ToString().ToLowerInvariant()}");
            t.RuleFor(x => x.Scale).Must(s => s is null or "above" or "below").WithMessage("scale is 'above', 'below' or absent (all firms)");
            t.RuleFor(x => x.Target).NotNull().GreaterThan(0m);
            t.RuleFor(x => x.Target).LessThanOrEqualTo(1m).When(x => TargetMetrics.ParseKind(x.Kind) is TargetKind.Reduction or TargetKind.Share)
                .WithMessage("a reduction or share is a fraction (0.16 for 16 %)");
            t.RuleFor(x => x.Unit).NotEmpty();
            t.RuleFor(x => x.Status).Must(s => FactorTokens.TryParseStatus(s, out _))
                .WithMessage($"status is one of {string.Join(", ", FactorTokens.StatusTokens)}");
            t.RuleFor(x => x.Source).NotEmpty();
            t.RuleFor(x => x.Split).Must(r => TargetMetrics.ParseSplit(r) is not null).When(x => x.Split is not null)
                .WithMessage("split is consumption, value-added or benchmark-distance");
            t.RuleFor(x => x.Split).NotNull().When(x => x.Metric is not null && TargetMetrics.Splittable.Contains(x.Metric))
                .WithMessage(x => $"metric {x.Metric} needs a split rule (consumption, value-added or benchmark-distance) for its trajectory split");
            t.RuleFor(x => x.Split).Null().When(x => x.Metric is not null && !TargetMetrics.Splittable.Contains(x.Metric))
                .WithMessage(x => $"metric {x.Metric} is not split among parks and firms");
        });
        RuleFor(t => t.Targets).Must(ts => ts!.Select(x => x?.Id).Distinct().Count() == ts!.Count).When(t => t.Targets is not null)
            .WithMessage("target ids must be unique");
    }
}

/// <summary>The plan targets in <c>factors/targets/*.json</c>, validated at start.</summary>
/// <summary>
/// A plan: its period, the year of its mid-term evaluation (中期评估), the day of the following month by which task reports
/// are due (次月N日前报送), and its targets.
/// </summary>
public sealed record TargetPlan(string Id, string Name, int BaselineYear, int TargetYear, int MidTermYear, int ReportDueDay, IReadOnlyList<PlanTarget> Targets)
{
    public const string Folder = "targets";

    public static IReadOnlyList<TargetPlan> Load(string factorsDirectory)
    {
        var problems = new List<string>();
        var plans = new List<TargetPlan>();
        var folder = Path.Combine(factorsDirectory, Folder);
        foreach (var path in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray() : [])
        {
            var file = DataFiles.Parse($"{Folder}/{Path.GetFileName(path)}", File.ReadAllText(path), new TargetsFileValidator(), problems);
            if (file is not null)
            {
                plans.Add(new TargetPlan(file.Id!, file.Name!, file.BaselineYear!.Value, file.TargetYear!.Value, file.MidTermYear!.Value, file.ReportDueDay!.Value,
                    file.Targets!.Select(t => new PlanTarget(t!.Id!, t.Name!, t.Metric!, t.Scale, TargetMetrics.ParseKind(t.Kind)!.Value,
                        t.Target!.Value, t.Unit!, t.Status!, t.Source!, TargetMetrics.ParseSplit(t.Split))).ToList()));
            }
        }
        if (plans.Count == 0 && problems.Count == 0)
        {
            problems.Add($"{Folder}/: no plan targets (*.json)");
        }
        return problems.Count > 0 ? throw new FactorLoadException(problems) : plans;
    }
}
