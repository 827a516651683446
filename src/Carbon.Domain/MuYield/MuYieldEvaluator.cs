namespace Carbon.Domain.MuYield;

/// <summary>
/// 亩均效益综合评价 (浙政发〔2018〕5号; method as in 黄岩区 计算说明): per population, score = Σ weight × value / benchmark,
/// rank by score, class by rank share or score, tariff by class. Pure and deterministic: the same method and inputs
/// always give the same result.
/// </summary>
public static class MuYieldEvaluator
{
    /// <summary>Evaluates every firm of <paramref name="year"/>; firms with fewer than 12 months filed are listed, not scored.</summary>
    public static MuYieldEvaluation Evaluate(MuYieldMethod method, int year, IReadOnlyList<MuYieldInputs> firms,
        IReadOnlyDictionary<string, IReadOnlyList<int>>? missingMonths = null)
    {
        var notEvaluated = new List<NotEvaluated>();
        var byPopulation = method.Populations.ToDictionary(p => p.Id, _ => new List<MuYieldInputs>());
        foreach (var f in firms.OrderBy(f => f.Uscc, StringComparer.Ordinal))
        {
            if (f.MonthsFiled < 12)
            {
                var missing = missingMonths?.GetValueOrDefault(f.Uscc) ?? [];
                notEvaluated.Add(new NotEvaluated(f, $"缺少 {12 - f.MonthsFiled} 个月的填报数据 (missing {12 - f.MonthsFiled} months of {year})", missing));
                continue;
            }
            var population = method.PopulationOf(f);
            if (population is null)
            {
                notEvaluated.Add(new NotEvaluated(f, "评价办法中无对应的评价对象 (the method has no population for this scale and land)", []));
                continue;
            }
            // A firm without the data an indicator needs is listed as such, never silently scored 0.
            if (population.Indicators.FirstOrDefault(i => i.Missing == MissingDataRule.NotEvaluated && i.Indicator.Value(f) is null) is { } lacking)
            {
                var (numerator, _) = lacking.Indicator.Terms(f);
                notEvaluated.Add(new NotEvaluated(f, numerator is null
                    ? $"缺少计算{lacking.Indicator.ChineseName()}所需的数据，未填报 (no data for {lacking.Indicator.Token()}: not reported)"
                    : $"无法计算{lacking.Indicator.ChineseName()}：分母为零（如租赁企业无自有用地，应在档案中登记租赁面积）" +
                      $" (cannot compute {lacking.Indicator.Token()}: its denominator is zero, e.g. a lessee with no land of its own)", []));
                continue;
            }
            byPopulation[population.Id].Add(f);
        }

        var results = new List<FirmEvaluation>();
        var populations = new List<PopulationEvaluation>();
        foreach (var rule in method.Populations)
        {
            var (firmResults, summary) = EvaluatePopulation(method, rule, year, byPopulation[rule.Id]);
            results.AddRange(firmResults);
            populations.Add(summary);
        }
        return new MuYieldEvaluation(year, results, populations, notEvaluated, RankParks(results));
    }

    /// <summary>Why a firm gets no class, or null: utility industry, established or granted land too recently.</summary>
    public static string? ExemptReason(ExemptionRule rule, MuYieldInputs f, int year)
    {
        var yearEnd = new DateOnly(year, 12, 31);
        if (f.IndustryCode is { } code && rule.IndustryCodePrefixes.Any(p => code.StartsWith(p, StringComparison.Ordinal)))
        {
            return $"公用事业类企业 (public utility, industry {code})";
        }
        if (rule.EstablishedWithinYears is { } y && f.EstablishedOn is { } est && est > yearEnd.AddYears(-y))
        {
            return $"新成立企业，成立不满{y}年 (established {est:yyyy-MM-dd}, under {y} years at {yearEnd:yyyy-MM-dd})";
        }
        if (rule.LandGrantedWithinYears is { } g && f.LandGrantedOn is { } granted && granted > yearEnd.AddYears(-g))
        {
            return $"新供地企业，供地不满{g}年 (land granted {granted:yyyy-MM-dd}, under {g} years at {yearEnd:yyyy-MM-dd})";
        }
        return null;
    }

    private static (List<FirmEvaluation>, PopulationEvaluation) EvaluatePopulation(
        MuYieldMethod method, PopulationRule rule, int year, List<MuYieldInputs> firms)
    {
        var exempt = firms.ToDictionary(f => f.Uscc, f => ExemptReason(method.Exemptions, f, year));
        var graded = firms.Where(f => exempt[f.Uscc] is null).ToList();

        // Benchmarks and the average scores the missing-data rule needs come from the graded (non-exempt) firms.
        var benchmarks = new List<BenchmarkUsed>();
        foreach (var ind in rule.Indicators)
        {
            var benchmark = Benchmark(ind, graded);
            var withValue = graded.Select(f => ind.Indicator.Value(f)).OfType<decimal>().ToList();
            decimal? average = withValue.Count == 0 ? null : withValue.Sum(v => Score(ind, v, benchmark).Score) / withValue.Count;
            benchmarks.Add(new BenchmarkUsed(ind.Indicator, ind.Benchmark.Kind, benchmark, average));
        }

        var scored = firms.Select(f =>
        {
            var indicators = rule.Indicators.Select((ind, k) =>
            {
                var (num, den) = ind.Indicator.Terms(f);
                var value = ind.Indicator.Value(f);
                var b = benchmarks[k];
                if (value is { } v)
                {
                    var (score, capped) = Score(ind, v, b.Value);
                    return new IndicatorScore(ind.Indicator, num, den, v, b.Value, ind.Weight, score, capped, false);
                }
                var fallback = ind.Missing == MissingDataRule.PopulationAverage ? b.AverageScore ?? 0m : 0m;
                return new IndicatorScore(ind.Indicator, num, den, null, b.Value, ind.Weight, fallback, false, true);
            }).ToList();
            return (Firm: f, Indicators: indicators, Total: indicators.Sum(i => i.Score));
        }).ToList();

        // Rank: total score, then the scores of the heaviest indicators first, then USCC — a strict, documented order,
        // so class shares hold exactly even when totals tie.
        var order = rule.Indicators.Select((ind, k) => (ind.Weight, k)).OrderByDescending(x => x.Weight).ThenBy(x => x.k).Select(x => x.k).ToArray();
        var ranked = scored.Where(s => exempt[s.Firm.Uscc] is null).ToList();
        ranked.Sort((a, b) =>
        {
            var c = b.Total.CompareTo(a.Total);
            foreach (var k in order)
            {
                if (c != 0)
                {
                    return c;
                }
                c = b.Indicators[k].Score.CompareTo(a.Indicators[k].Score);
            }
            return c != 0 ? c : string.CompareOrdinal(a.Firm.Uscc, b.Firm.Uscc);
        });

        // Positions and classes within each ranking group (the whole population unless the method groups by industry);
        // the sort above holds within every group.
        var results = new List<FirmEvaluation>();
        var counts = rule.Classes.Bands.ToDictionary(b => b.Class, _ => 0);
        foreach (var group in ranked.GroupBy(s => rule.Classes.GroupOf(s.Firm)).Select(g => g.ToList()))
        {
            for (var p = 0; p < group.Count; p++)
            {
                var s = group[p];
                var cls = ClassOf(rule.Classes, p + 1, group.Count, s.Total);
                counts[cls]++;
                results.Add(new FirmEvaluation(s.Firm, rule.Id, s.Indicators, s.Total, p + 1, group.Count, cls, null,
                    method.Tariffs.GetValueOrDefault(cls)));
            }
        }
        foreach (var s in scored.Where(s => exempt[s.Firm.Uscc] is not null))
        {
            results.Add(new FirmEvaluation(s.Firm, rule.Id, s.Indicators, s.Total, null, ranked.Count, null, exempt[s.Firm.Uscc], null));
        }
        return (results, new PopulationEvaluation(rule.Id, rule.Name, firms.Count, ranked.Count, firms.Count - ranked.Count,
            benchmarks, counts));
    }

    /// <summary>score = weight × value / benchmark, at most cap × weight (a cap of null means none).</summary>
    public static (decimal Score, bool Capped) Score(IndicatorRule rule, decimal value, decimal benchmark)
    {
        if (benchmark <= 0m)
        {
            return (0m, false);
        }
        // A value beyond any benchmark's range (only reachable with absurd filings) scores as high as a decimal allows.
        var score = Ratio.Of(rule.Weight * value, benchmark) ?? decimal.MaxValue / 1_000_000m;
        if (rule.Cap is { } cap && score > cap * rule.Weight)
        {
            return (cap * rule.Weight, true);
        }
        return (score, false);
    }

    /// <summary>
    /// The class at rank position <paramref name="position"/> (1-based) of <paramref name="n"/>: by share, the first band
    /// with position ≤ share × n (so "A top 20 %" of 10 firms is positions 1–2, and of 3 firms nobody); the last band
    /// takes the rest. By score, the first band whose minimum the score reaches.
    /// </summary>
    public static string ClassOf(ClassRule rule, int position, int n, decimal score)
    {
        foreach (var band in rule.Bands)
        {
            if (rule.Basis == ClassBasis.RankShare && band.UpToShare is { } share && position <= share * n)
            {
                return band.Class;
            }
            if (rule.Basis == ClassBasis.ScoreThreshold && band.MinScore is { } min && score >= min)
            {
                return band.Class;
            }
        }
        return rule.Bands[^1].Class;
    }

    private static decimal Benchmark(IndicatorRule rule, IReadOnlyList<MuYieldInputs> graded)
    {
        switch (rule.Benchmark.Kind)
        {
            case BenchmarkKind.Given:
                return rule.Benchmark.Value!.Value;
            case BenchmarkKind.PopulationMean:
            {
                var values = graded.Select(f => rule.Indicator.Value(f)).OfType<decimal>().ToList();
                return values.Count == 0 ? 0m : values.Sum() / values.Count;
            }
            default:
            {
                decimal num = 0m, den = 0m;
                foreach (var f in graded)
                {
                    var (n, d) = rule.Indicator.Terms(f);
                    if (n is { } value && d > 0m)
                    {
                        num += value;
                        den += d;
                    }
                }
                return Ratio.Of(num, den) ?? 0m;
            }
        }
    }

    private static List<ParkEvaluation> RankParks(IEnumerable<FirmEvaluation> firms)
    {
        var parks = firms.Where(f => f.Inputs.ParkCode is not null)
            .GroupBy(f => f.Inputs.ParkCode!)
            .Select(g =>
            {
                var land = g.Sum(f => f.Inputs.LandAreaMu);
                var tax = g.Sum(f => f.Inputs.TaxPaid);
                var va = g.Sum(f => f.Inputs.ValueAdded);
                return (Code: g.Key, Firms: g.Count(), Land: land, Tax: tax, Va: va,
                    TaxPerMu: Ratio.Of(tax, land), VaPerMu: Ratio.Of(va, land));
            })
            .OrderByDescending(p => p.TaxPerMu ?? -1m).ThenByDescending(p => p.VaPerMu ?? -1m).ThenBy(p => p.Code, StringComparer.Ordinal)
            .ToList();
        return parks.Select((p, i) => new ParkEvaluation(p.Code, p.Firms, p.Land, p.Tax, p.Va, p.TaxPerMu, p.VaPerMu, i + 1)).ToList();
    }
}
