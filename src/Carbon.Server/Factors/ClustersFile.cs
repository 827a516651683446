using Carbon.Domain.Factors;
using Carbon.Domain.MuYield;
using FluentValidation;

namespace Carbon.Server.Factors;

// factors/clusters/*.json: the plan's industrial clusters (产业集群) with their output targets, as data.

public sealed record ClustersFile(string? Id, string? Plan, string? Name, List<ClusterFile>? Clusters);

public sealed record ClusterFile(string? Id, string? Name, List<string>? Industries, decimal? TargetOutput, string? Status, string? Source);

public sealed class ClustersFileValidator : AbstractValidator<ClustersFile>
{
    public ClustersFileValidator()
    {
        RuleFor(f => f.Id).NotEmpty().Matches("^[a-z0-9][a-z0-9-]*$");
        RuleFor(f => f.Plan).NotEmpty().WithMessage("plan: the id of the plan (factors/targets) whose clusters these are");
        RuleFor(f => f.Name).NotEmpty();
        RuleFor(f => f.Clusters).NotEmpty();
        RuleForEach(f => f.Clusters).NotNull().ChildRules(c =>
        {
            c.RuleFor(x => x.Id).NotEmpty().Matches("^[a-z0-9][a-z0-9-]*$");
            c.RuleFor(x => x.Name).NotEmpty();
            c.RuleFor(x => x.Industries).NotEmpty().WithMessage("industries: at least one GB/T 4754 code prefix");
            c.RuleForEach(x => x.Industries).Matches("^[A-T][0-9]{0,4}$")
                .WithMessage("an industry is a GB/T 4754 code prefix: a section letter and up to four digits, e.g. C26 or C3011");
            c.RuleFor(x => x.TargetOutput).NotNull().GreaterThan(0m).LessThan(1_000_000m).WithMessage("targetOutput: the output target in 亿元, above 0");
            c.RuleFor(x => x.Status).Must(s => FactorTokens.TryParseStatus(s, out _))
                .WithMessage($"status is one of {string.Join(", ", FactorTokens.StatusTokens)}");
            c.RuleFor(x => x.Source).NotEmpty();
        });
        RuleFor(f => f.Clusters).Must(cs => cs!.Select(x => x?.Id).Distinct().Count() == cs!.Count).When(f => f.Clusters is not null)
            .WithMessage("cluster ids must be unique");
    }
}

/// <summary>The plans' industrial clusters, by plan id; none when <c>factors/clusters/</c> holds no file.</summary>
public sealed record ClusterCatalog(IReadOnlyDictionary<string, IReadOnlyList<IndustrialCluster>> ByPlan)
{
    public const string Folder = "clusters";

    public IReadOnlyList<IndustrialCluster> For(string planId) => ByPlan.GetValueOrDefault(planId) ?? [];

    public static ClusterCatalog Load(string factorsDirectory, IReadOnlyList<TargetPlan> plans)
    {
        var problems = new List<string>();
        var byPlan = new Dictionary<string, IReadOnlyList<IndustrialCluster>>(StringComparer.Ordinal);
        var folder = Path.Combine(factorsDirectory, Folder);
        foreach (var path in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).ToArray() : [])
        {
            var name = $"{Folder}/{Path.GetFileName(path)}";
            if (DataFiles.Parse(name, File.ReadAllText(path), new ClustersFileValidator(), problems) is not { } file)
            {
                continue;
            }
            if (plans.All(p => p.Id != file.Plan))
            {
                problems.Add($"{name}, field 'plan': no plan '{file.Plan}' in targets/ (one of {string.Join(", ", plans.Select(p => p.Id))})");
                continue;
            }
            byPlan[file.Plan!] = file.Clusters!.Select(c => new IndustrialCluster(c!.Id!, c.Name!, c.Industries!, c.TargetOutput!.Value, c.Status!, c.Source!)).ToList();
        }
        return problems.Count > 0 ? throw new FactorLoadException(problems) : new ClusterCatalog(byPlan);
    }
}
