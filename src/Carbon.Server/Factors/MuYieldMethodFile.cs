using Carbon.Domain.Factors;
using Carbon.Domain.MuYield;
using FluentValidation;

namespace Carbon.Server.Factors;

// factors/methods/*.json: an evaluation method (亩均效益综合评价办法) as data. See docs/methodology.md §8.

public sealed record MethodFile(
    string? Id,
    string? Name,
    string? Source,
    string? Status,
    List<PopulationFile>? Populations,
    ExemptionsFile? Exemptions,
    TariffsFile? Tariffs,
    MixedParcelsFile? MixedParcels = null);

public sealed record PopulationFile(
    string? Id,
    string? Name,
    string? Scale,
    decimal? MinLandMu,
    decimal? MaxLandMu,
    List<IndicatorFile>? Indicators,
    ClassesFile? Classes,
    bool? Lessees = null);

public sealed record IndicatorFile(string? Indicator, decimal? Weight, BenchmarkFile? Benchmark, decimal? Cap, string? Missing);

public sealed record BenchmarkFile(string? Kind, decimal? Value);

public sealed record ClassesFile(string? Basis, List<BandFile>? Bands, string? Status, string? Source, string? GroupBy = null);

public sealed record BandFile(string? Class, decimal? UpToShare, decimal? MinScore);

public sealed record ExemptionsFile(List<string>? IndustryCodePrefixes, int? EstablishedWithinYears, int? LandGrantedWithinYears,
    string? Status, string? Source);

/// <summary>
/// 混合型企业 (firms sharing one parcel group): which evaluation sets their class, "merged" (合并评价, the default when the
/// field is absent) or "alone" (独立评价); both are always computed and shown.
/// </summary>
public sealed record MixedParcelsFile(string? ClassFrom, string? Status = null, string? Source = null);

public sealed record TariffsFile(string? Status, string? Source, Dictionary<string, TariffFile>? Classes);

public sealed record TariffFile(decimal? ElectricityYuanPerKwh, decimal? WaterYuanPerT, decimal? GasYuanPerM3, decimal? SewageYuanPerT,
    decimal? LandUseTaxReliefPercent);

public sealed class MethodFileValidator : AbstractValidator<MethodFile>
{
    private static readonly string[] BenchmarkKinds = ["given", "population-mean", "population-aggregate"];

    public MethodFileValidator()
    {
        RuleFor(m => m.Id).NotEmpty().Matches("^[a-z0-9][a-z0-9-]*$").WithMessage("id is lower-case letters, digits and '-'");
        RuleFor(m => m.Name).NotEmpty();
        RuleFor(m => m.Source).NotEmpty().WithMessage("a method names its source");
        RuleFor(m => m.Status).Must(s => FactorTokens.TryParseStatus(s, out _))
            .WithMessage($"status is one of {string.Join(", ", FactorTokens.StatusTokens)}");
        RuleFor(m => m.Populations).NotEmpty();
        RuleForEach(m => m.Populations).NotNull().ChildRules(p =>
        {
            p.RuleFor(x => x.Id).NotEmpty().Matches("^[a-z0-9][a-z0-9-]*$");
            p.RuleFor(x => x.Name).NotEmpty();
            p.RuleFor(x => x.Scale).Must(s => s is "above" or "below").WithMessage("scale is 'above' (规上) or 'below' (规下)");
            p.RuleFor(x => x.MinLandMu).GreaterThanOrEqualTo(0m);
            p.RuleFor(x => x.MaxLandMu).GreaterThan(x => x.MinLandMu ?? 0m).When(x => x.MaxLandMu is not null);
            p.RuleFor(x => x.Indicators).NotEmpty();
            p.RuleForEach(x => x.Indicators).NotNull().ChildRules(i =>
            {
                i.RuleFor(x => x.Indicator).Must(t => MuYieldIndicators.TryParse(t, out _))
                    .WithMessage(x => $"unknown indicator '{x.Indicator}'; one of {string.Join(", ", MuYieldIndicators.Tokens)}");
                i.RuleFor(x => x.Weight).NotNull().GreaterThan(0m);
                i.RuleFor(x => x.Benchmark).NotNull();
                i.RuleFor(x => x.Benchmark!.Kind).Must(k => BenchmarkKinds.Contains(k)).When(x => x.Benchmark is not null)
                    .WithMessage($"benchmark kind is one of {string.Join(", ", BenchmarkKinds)}");
                i.RuleFor(x => x.Benchmark!.Value).NotNull().GreaterThan(0m).When(x => x.Benchmark?.Kind == "given")
                    .WithMessage("a given benchmark needs a positive value");
                i.RuleFor(x => x.Benchmark!.Value).Null().When(x => x.Benchmark?.Kind is "population-mean" or "population-aggregate")
                    .WithMessage("a computed benchmark takes no value");
                i.RuleFor(x => x.Cap).GreaterThan(0m).When(x => x.Cap is not null);
                i.RuleFor(x => x.Missing).Must(m => m is null or "not-evaluated" or "zero" or "population-average")
                    .WithMessage("missing is 'not-evaluated' (the default), 'zero' or 'population-average'");
            });
            p.RuleFor(x => x.Indicators).Must(list => list!.Where(i => i?.Weight is not null).Sum(i => i!.Weight!.Value) == 100m)
                .When(x => x.Indicators is { Count: > 0 } && x.Indicators.All(i => i?.Weight is not null))
                .WithMessage(x => $"weights add up to {x.Indicators!.Sum(i => i!.Weight)}, not 100");
            p.RuleFor(x => x.Indicators).Must(list => list!.Select(i => i?.Indicator).Distinct().Count() == list!.Count)
                .When(x => x.Indicators is not null).WithMessage("an indicator is listed twice");
            p.RuleFor(x => x.Classes).NotNull();
            p.RuleFor(x => x.Classes!).SetValidator(new ClassesValidator()).When(x => x.Classes is not null);
        });
        RuleFor(m => m.Populations).Must(ps => ps!.Select(p => p?.Id).Distinct().Count() == ps!.Count)
            .When(m => m.Populations is not null).WithMessage("population ids must be unique");
        RuleFor(m => m.Exemptions).NotNull();
        RuleFor(m => m.Exemptions!.IndustryCodePrefixes).NotNull().When(m => m.Exemptions is not null);
        RuleForEach(m => m.Exemptions!.IndustryCodePrefixes).Matches("^[A-T][0-9]{0,4}$").When(m => m.Exemptions?.IndustryCodePrefixes is not null)
            .WithMessage("an industry code prefix is a GB/T 4754 section letter and up to 4 digits");
        RuleFor(m => m.Exemptions!.EstablishedWithinYears).InclusiveBetween(1, 20).When(m => m.Exemptions?.EstablishedWithinYears is not null);
        RuleFor(m => m.Exemptions!.LandGrantedWithinYears).InclusiveBetween(1, 20).When(m => m.Exemptions?.LandGrantedWithinYears is not null);
        RuleFor(m => m.MixedParcels!.ClassFrom).Must(c => c is "merged" or "alone").When(m => m.MixedParcels is not null)
            .WithMessage("classFrom is 'merged' (合并评价 sets the members' class) or 'alone' (独立评价 does)");
        RuleFor(m => m.MixedParcels!.Status).Must(s => FactorTokens.TryParseStatus(s, out _))
            .When(m => m.MixedParcels?.Status is not null)
            .WithMessage($"status is one of {string.Join(", ", FactorTokens.StatusTokens)}");
        RuleFor(m => m.Tariffs).NotNull();
        RuleFor(m => m.Tariffs!.Status).Must(s => FactorTokens.TryParseStatus(s, out _)).When(m => m.Tariffs is not null)
            .WithMessage($"status is one of {string.Join(", ", FactorTokens.StatusTokens)}");
        RuleFor(m => m.Tariffs!.Classes).NotNull().When(m => m.Tariffs is not null);
        RuleForEach(m => m.Tariffs!.Classes).ChildRules(t =>
        {
            t.RuleFor(x => x.Value).NotNull();
            t.RuleFor(x => x.Value.ElectricityYuanPerKwh).NotNull();
            t.RuleFor(x => x.Value.WaterYuanPerT).NotNull();
            t.RuleFor(x => x.Value.GasYuanPerM3).NotNull();
            t.RuleFor(x => x.Value.SewageYuanPerT).NotNull();
            t.RuleFor(x => x.Value.LandUseTaxReliefPercent).NotNull().InclusiveBetween(0m, 100m);
        }).When(m => m.Tariffs?.Classes is not null);
        RuleFor(m => m).Custom((m, ctx) =>
        {
            if (m.Tariffs?.Classes is null || m.Populations is null)
            {
                return;
            }
            foreach (var cls in m.Populations.Where(p => p?.Classes?.Bands is not null).SelectMany(p => p!.Classes!.Bands!)
                         .Select(b => b?.Class).OfType<string>().Distinct())
            {
                if (!m.Tariffs.Classes.ContainsKey(cls))
                {
                    ctx.AddFailure("tariffs.classes", $"class '{cls}' has no tariff");
                }
            }
        });
    }

    private sealed class ClassesValidator : AbstractValidator<ClassesFile>
    {
        public ClassesValidator()
        {
            RuleFor(c => c.Basis).Must(b => b is "rank-share" or "score-threshold").WithMessage("basis is 'rank-share' or 'score-threshold'");
            RuleFor(c => c.GroupBy).Must(g => g is null or "industry-division")
                .WithMessage("groupBy is 'industry-division' (rank within each GB/T 4754 大类) or absent (the whole population)");
            RuleFor(c => c.Status).Must(s => FactorTokens.TryParseStatus(s, out _))
                .WithMessage($"status is one of {string.Join(", ", FactorTokens.StatusTokens)}");
            RuleFor(c => c.Bands).NotEmpty();
            RuleForEach(c => c.Bands).NotNull().ChildRules(b => b.RuleFor(x => x.Class).NotEmpty().MaximumLength(8));
            RuleFor(c => c.Bands).Custom((bands, ctx) =>
            {
                if (bands is null || bands.Any(b => b is null))
                {
                    return;
                }
                if (bands.Select(b => b!.Class).Distinct().Count() != bands.Count)
                {
                    ctx.AddFailure("class names must be unique");
                }
                if (ctx.InstanceToValidate.Basis == "rank-share")
                {
                    var shares = bands.Select(b => b!.UpToShare).ToList();
                    if (shares.Any(s => s is null or <= 0m or > 1m) || shares[^1] != 1m
                        || shares.Zip(shares.Skip(1)).Any(p => p.First >= p.Second))
                    {
                        ctx.AddFailure("rank-share bands need upToShare rising in (0, 1] and ending at 1");
                    }
                }
                else
                {
                    var mins = bands.Take(bands.Count - 1).Select(b => b!.MinScore).ToList();
                    if (mins.Any(s => s is null) || mins.Zip(mins.Skip(1)).Any(p => p.First <= p.Second))
                    {
                        ctx.AddFailure("score-threshold bands need minScore falling from the first band; the last band takes the rest");
                    }
                }
            });
        }
    }
}

public static class MethodFileMapping
{
    /// <summary>The domain method of a validated file; <paramref name="version"/> names the file's content.</summary>
    public static MuYieldMethod ToMethod(this MethodFile f, string version) =>
        new(f.Id!, f.Name!, version,
            f.Populations!.Select(p => new PopulationRule(
                p.Id!, p.Name!, p.Scale == "above" ? EnterpriseScale.Above : EnterpriseScale.Below, p.MinLandMu, p.MaxLandMu,
                p.Indicators!.Select(i => new IndicatorRule(
                    Parse(i.Indicator!), i.Weight!.Value,
                    new BenchmarkRule(i.Benchmark!.Kind switch
                    {
                        "given" => BenchmarkKind.Given,
                        "population-mean" => BenchmarkKind.PopulationMean,
                        _ => BenchmarkKind.PopulationAggregate,
                    }, i.Benchmark.Value),
                    i.Cap,
                    i.Missing switch
                    {
                        "population-average" => MissingDataRule.PopulationAverage,
                        "zero" => MissingDataRule.Zero,
                        _ => MissingDataRule.NotEvaluated,
                    })).ToList(),
                new ClassRule(p.Classes!.Basis == "rank-share" ? ClassBasis.RankShare : ClassBasis.ScoreThreshold,
                    p.Classes.Bands!.Select(b => new ClassBand(b!.Class!, b.UpToShare, b.MinScore)).ToList(),
                    p.Classes.GroupBy == "industry-division"), p.Lessees == true)).ToList(),
            new ExemptionRule(f.Exemptions!.IndustryCodePrefixes!, f.Exemptions.EstablishedWithinYears, f.Exemptions.LandGrantedWithinYears),
            f.Tariffs!.Classes!.ToDictionary(t => t.Key, t => new Tariff(t.Value.ElectricityYuanPerKwh!.Value, t.Value.WaterYuanPerT!.Value,
                t.Value.GasYuanPerM3!.Value, t.Value.SewageYuanPerT!.Value, t.Value.LandUseTaxReliefPercent!.Value)),
            f.MixedParcels?.ClassFrom == "alone" ? ClassSource.Alone : ClassSource.Merged);

    private static MuYieldIndicator Parse(string token) => MuYieldIndicators.TryParse(token, out var i) ? i : throw new FormatException(token);
}
