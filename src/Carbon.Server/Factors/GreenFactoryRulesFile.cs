using Carbon.Domain.Factors;
using Carbon.Domain.GreenFactory;
using FluentValidation;

namespace Carbon.Server.Factors;

// factors/green-factory/*.json: a GB/T 36132 edition as a rule set. See docs/green-factory.md.

public sealed record RuleSetFile(
    string? Id,
    string? Name,
    string? Edition,
    string? Source,
    string? Status,
    decimal? PassScore,
    string? PassScoreStatus,
    string? Scoring,
    decimal? FloorShare,
    decimal? MaxQuantitativeShare,
    List<BasicFile>? Basic,
    List<CategoryFile>? Categories,
    string? ThresholdsStatus,
    string? ThresholdsSource);

public sealed record BasicFile(string? Id, string? Text);

public sealed record CategoryFile(string? Id, string? Name, decimal? Weight, string? WeightStatus, List<ItemFile>? Items);

public sealed record ItemFile(string? Id, string? Text, string? Requirement, decimal? Points, QuantitativeFile? Quantitative);

public sealed record QuantitativeFile(string? Metric, string? Direction, ThresholdsFile? Default, Dictionary<string, ThresholdsFile>? ByIndustry);

public sealed record ThresholdsFile(decimal? Benchmark, decimal? Leading, string? ProductUnit);

public sealed class RuleSetFileValidator : AbstractValidator<RuleSetFile>
{
    public RuleSetFileValidator()
    {
        RuleFor(r => r.Id).NotEmpty().Matches("^[a-z0-9][a-z0-9-]*$");
        RuleFor(r => r.Name).NotEmpty();
        RuleFor(r => r.Edition).NotEmpty();
        RuleFor(r => r.Source).NotEmpty();
        RuleFor(r => r.Status).Must(IsStatus).WithMessage(StatusMessage);
        RuleFor(r => r.PassScoreStatus).Must(IsStatus).WithMessage(StatusMessage);
        RuleFor(r => r.ThresholdsStatus).Must(IsStatus).WithMessage(StatusMessage);
        RuleFor(r => r.PassScore).NotNull().InclusiveBetween(0m, 100m);
        RuleFor(r => r.Scoring).Must(s => s is "binary" or "linear").WithMessage("scoring is 'binary' (2018) or 'linear' (2025)");
        RuleFor(r => r.FloorShare).NotNull().InclusiveBetween(0m, 1m).When(r => r.Scoring == "linear")
            .WithMessage("linear scoring needs floorShare in [0, 1]: the share of points at the 基准值");
        RuleFor(r => r.Basic).NotNull();
        RuleForEach(r => r.Basic).NotNull().ChildRules(b =>
        {
            b.RuleFor(x => x.Id).NotEmpty().Matches("^[a-z0-9][a-z0-9.-]*$");
            b.RuleFor(x => x.Text).NotEmpty();
        });
        RuleFor(r => r.Categories).NotEmpty();
        RuleForEach(r => r.Categories).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Id).NotEmpty().Matches("^[a-z0-9][a-z0-9.-]*$");
            c.RuleFor(x => x.Name).NotEmpty();
            c.RuleFor(x => x.Weight).NotNull().GreaterThan(0m);
            c.RuleFor(x => x.WeightStatus).Must(IsStatus).WithMessage(StatusMessage);
            c.RuleFor(x => x.Items).NotEmpty();
            c.RuleForEach(x => x.Items).NotNull().ChildRules(i =>
            {
                i.RuleFor(x => x.Id).NotEmpty().Matches("^[a-z0-9][a-z0-9.-]*$");
                i.RuleFor(x => x.Text).NotEmpty();
                i.RuleFor(x => x.Requirement).Must(s => s is "mandatory" or "optional").WithMessage("requirement is 'mandatory' (必选) or 'optional' (可选)");
                i.RuleFor(x => x.Points).NotNull().GreaterThan(0m);
                i.RuleFor(x => x.Quantitative!.Metric).Must(m => m is not null && GreenFactoryMetrics.All.ContainsKey(m))
                    .When(x => x.Quantitative is not null)
                    .WithMessage(x => $"unknown metric '{x.Quantitative!.Metric}'; one of {string.Join(", ", GreenFactoryMetrics.All.Keys)}");
                i.RuleFor(x => x.Quantitative!.Direction).Must(d => d is "lower" or "higher").When(x => x.Quantitative is not null)
                    .WithMessage("direction is 'lower' or 'higher' (which way is better)");
                i.RuleFor(x => x.Quantitative).Must(q => q!.Default is not null || q.ByIndustry is { Count: > 0 })
                    .When(x => x.Quantitative is not null).WithMessage("a quantitative item needs default thresholds or byIndustry rows");
                i.RuleFor(x => x.Quantitative!.Default!.Benchmark).NotNull().When(x => x.Quantitative?.Default is not null);
                i.RuleForEach(x => x.Quantitative!.ByIndustry).Must(kv => kv.Value?.Benchmark is not null && System.Text.RegularExpressions.Regex.IsMatch(kv.Key, "^[A-T][0-9]{0,4}$"))
                    .When(x => x.Quantitative?.ByIndustry is not null)
                    .WithMessage("byIndustry is keyed by a GB/T 4754 code prefix and each row needs a benchmark");
            });
            c.RuleFor(x => x.Items).Must(items => items!.Select(i => i?.Id).Distinct().Count() == items!.Count).When(x => x.Items is not null)
                .WithMessage("item ids must be unique");
        });
        RuleFor(r => r.Categories).Must(cs => cs!.Sum(c => c?.Weight ?? 0m) == 100m)
            .When(r => r.Categories is { Count: > 0 } && r.Categories.All(c => c?.Weight is not null))
            .WithMessage(r => $"category weights add up to {r.Categories!.Sum(c => c!.Weight)}, not 100");
        RuleFor(r => r).Custom((r, ctx) =>
        {
            if (r.MaxQuantitativeShare is not { } max || r.Categories is null || r.Categories.Any(c => c?.Items is null || c.Weight is null))
            {
                return;
            }
            var share = r.Categories.Sum(c => c!.Weight!.Value * c.Items!.Where(i => i?.Quantitative is not null).Sum(i => i!.Points ?? 0m)
                                                / Math.Max(1m, c.Items!.Sum(i => i?.Points ?? 0m))) / 100m;
            if (share > max)
            {
                ctx.AddFailure("categories", $"quantitative items carry {share:P1} of the weight; the edition allows at most {max:P0}");
            }
        });
    }

    private static bool IsStatus(string? s) => FactorTokens.TryParseStatus(s, out _);

    private static readonly string StatusMessage = $"status is one of {string.Join(", ", FactorTokens.StatusTokens)}";
}

/// <summary>A rule set as loaded, with its file (for listing the items to answer) and text (frozen with approvals).</summary>
public sealed record LoadedRuleSet(GreenFactoryRuleSet Rules, RuleSetFile File, string Json);

/// <summary>The GB/T 36132 editions in <c>factors/green-factory/*.json</c>, validated at start.</summary>
public sealed class GreenFactoryCatalog(IReadOnlyDictionary<string, LoadedRuleSet> ruleSets)
{
    public const string Folder = "green-factory";

    public IReadOnlyDictionary<string, LoadedRuleSet> RuleSets { get; } = ruleSets;

    public static GreenFactoryCatalog Load(string factorsDirectory)
    {
        var problems = new List<string>();
        var sets = new Dictionary<string, LoadedRuleSet>(StringComparer.Ordinal);
        var folder = Path.Combine(factorsDirectory, Folder);
        foreach (var path in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray() : [])
        {
            var name = $"{Folder}/{Path.GetFileName(path)}";
            var loaded = Parse(name, File.ReadAllText(path), problems);
            if (loaded is null)
            {
                continue;
            }
            if (loaded.Rules.Id + ".json" != Path.GetFileName(path))
            {
                problems.Add($"{name}, field 'id': the file of rule set '{loaded.Rules.Id}' must be named {loaded.Rules.Id}.json");
                continue;
            }
            sets[loaded.Rules.Id] = loaded;
        }
        if (sets.Count == 0 && problems.Count == 0)
        {
            problems.Add($"{Folder}/: no green-factory rule set (*.json)");
        }
        return problems.Count > 0 ? throw new FactorLoadException(problems) : new GreenFactoryCatalog(sets);
    }

    public static LoadedRuleSet? Parse(string name, string json, List<string> problems)
    {
        var f = DataFiles.Parse(name, json, new RuleSetFileValidator(), problems);
        return f is null ? null : new LoadedRuleSet(ToRules(f, $"{f.Id}@{DataFiles.Hash(json)}"), f, json);
    }

    private static GreenFactoryRuleSet ToRules(RuleSetFile f, string version) =>
        new(f.Id!, f.Name!, f.Edition!, version, f.PassScore!.Value,
            f.Scoring == "linear" ? QuantitativeScoring.Linear : QuantitativeScoring.Binary, f.FloorShare ?? 0m,
            f.Basic!.Select(b => new BasicRequirement(b!.Id!, b.Text!)).ToList(),
            f.Categories!.Select(c => new GradingCategory(c!.Id!, c.Name!, c.Weight!.Value, c.Items!.Select(i => new GradingItem(
                i!.Id!, i.Text!, i.Requirement == "mandatory" ? ItemRequirement.Mandatory : ItemRequirement.Optional, i.Points!.Value,
                i.Quantitative is not { } q ? null : new QuantitativeRule(q.Metric!,
                    q.Direction == "lower" ? MetricDirection.LowerIsBetter : MetricDirection.HigherIsBetter,
                    q.Default is { } d ? new Thresholds(d.Benchmark!.Value, d.Leading, d.ProductUnit) : null,
                    (q.ByIndustry ?? []).ToDictionary(kv => kv.Key, kv => new Thresholds(kv.Value.Benchmark!.Value, kv.Value.Leading, kv.Value.ProductUnit)))))
                .ToList())).ToList());
}
