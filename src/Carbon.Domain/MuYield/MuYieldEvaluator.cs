namespace Carbon.Domain.MuYield;

/// <summary>
/// 亩均效益综合评价 (浙政发〔2018〕5号; method as in 黄岩区 计算说明): per population, score = Σ weight × value / benchmark,
/// rank by score, class by rank share or score, tariff by class. Pure and deterministic: the same method and inputs
/// always give the same result.
/// <para>
/// 混合型企业 (黄岩区 2022 亩均评价办法: 混合型企业进行独立评价和合并评价): firms with the same parcel group are each
/// evaluated alone, as any firm, and merged, as one firm on their sums (<see cref="ParcelGroups.Merge"/>) in the population
/// its merged scale and land select. Benchmarks come from the graded firms' own figures, each firm once; a merged group is
/// scored against them and does not change them, so no firm's own score depends on whether it shares a parcel.
/// </para>
/// <para>
/// Ranking counts every parcel once in the class shares. Where the merged evaluation sets the class (the method's
/// <c>mixedParcels.classFrom</c> is <c>merged</c>, the default), a population ranks its graded firms outside any merged group
/// and the merged groups placed in it: a group stands in place of its members. A firm on a parcel of its own is then
/// displaced by a group once, as by any one firm, not by the group and again by each member, and the shares are of the
/// same number of parcels a district would count were the group one firm. The members take the group's class. A member's
/// own class is read where its own score would place it standing in for its group (the group taken out, the member put
/// in; if the group ranks in another population, the member joins its own population's ranking as one more), which moves
/// nobody. Where the firms' own evaluations set the class (<c>alone</c>), the ranking is of every graded firm, as without
/// parcel groups, and the merged group's class is read the same way, in place of its members, moving nobody.
/// </para>
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
            if (Lacking(population, f) is { } reason)
            {
                notEvaluated.Add(new NotEvaluated(f, reason, []));
                continue;
            }
            byPopulation[population.Id].Add(f);
        }

        // 独立评价, then 合并评价 of each parcel group, then ranks and classes with every parcel counted once.
        var populations = method.Populations.Select(rule => ScorePopulation(method, rule, year, byPopulation[rule.Id])).ToList();
        var groups = MergeParcelGroups(method, populations);
        var merged = method.MixedParcelClassFrom == ClassSource.Merged;
        var places = new Dictionary<Entry, Place>();
        var summaries = populations.Select(p => Rank(p, groups, merged, places)).ToList();

        var groupResults = groups.ToDictionary(g => g, g => g.Entry is { } e
            ? new ParcelGroupEvaluation(g.Code, g.Members.Select(m => m.Inputs).ToList(), g.Inputs, g.Rule!.Id, e.Indicators, e.Total,
                places[e].Position, places[e].Of, places[e].Class, merged, null)
            : new ParcelGroupEvaluation(g.Code, g.Members.Select(m => m.Inputs).ToList(), g.Inputs, g.Rule?.Id, [], null, null, 0, null,
                false, g.Reason));
        var groupOf = groups.SelectMany(g => g.Members.Select(m => (Member: m, Group: g))).ToDictionary(x => x.Member, x => x.Group);
        var results = new List<FirmEvaluation>();
        foreach (var (p, summary) in populations.Zip(summaries))
        {
            foreach (var f in p.Firms.Where(f => f.ExemptReason is null).InRankOrder(p))
            {
                var own = places[f];
                var group = groupOf.GetValueOrDefault(f);
                var setByGroup = merged && group?.Entry is not null;
                var cls = setByGroup ? places[group!.Entry!].Class : own.Class;
                results.Add(new FirmEvaluation(f.Inputs, p.Rule.Id, f.Indicators, f.Total, own.Position, own.Of, own.Class, cls,
                    setByGroup ? ClassSource.Merged : ClassSource.Alone, null, method.Tariffs.GetValueOrDefault(cls),
                    group is null ? null : groupResults[group]));
            }
            foreach (var f in p.Firms.Where(f => f.ExemptReason is not null))
            {
                results.Add(new FirmEvaluation(f.Inputs, p.Rule.Id, f.Indicators, f.Total, null, summary.Ranked, null, null, null,
                    f.ExemptReason, null, null));
            }
        }
        return new MuYieldEvaluation(year, results, summaries, notEvaluated, RankParks(results),
            groups.Select(g => groupResults[g]).ToList());
    }

    /// <summary>Why a firm is not scored in a population: it lacks the data an indicator needs (never silently scored 0).</summary>
    private static string? Lacking(PopulationRule population, MuYieldInputs f)
    {
        if (population.Indicators.FirstOrDefault(i => i.Missing == MissingDataRule.NotEvaluated && i.Indicator.Value(f) is null) is not { } lacking)
        {
            return null;
        }
        var (numerator, _) = lacking.Indicator.Terms(f);
        return numerator is null
            ? $"缺少计算{lacking.Indicator.ChineseName()}所需的数据，未填报 (no data for {lacking.Indicator.Token()}: not reported)"
            : $"无法计算{lacking.Indicator.ChineseName()}：分母为零（如租赁企业无自有用地，应在档案中登记租赁面积）" +
              $" (cannot compute {lacking.Indicator.Token()}: its denominator is zero, e.g. a lessee with no land of its own)";
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

    /// <summary>A scored entry: a firm on its own figures, or a parcel group on its members' sums.</summary>
    private sealed class Entry(MuYieldInputs inputs, IReadOnlyList<IndicatorScore> indicators, string? exemptReason, bool isGroup)
    {
        public MuYieldInputs Inputs { get; } = inputs;
        public IReadOnlyList<IndicatorScore> Indicators { get; } = indicators;
        public decimal Total { get; } = indicators.Sum(i => i.Score);
        public string? ExemptReason { get; } = exemptReason;
        public bool IsGroup { get; } = isGroup;
    }

    /// <summary>An entry's position of <see cref="Of"/> in its ranking group, and the class that position (or score) takes.</summary>
    private sealed record Place(int Position, int Of, string Class);

    /// <summary>A population's firms scored alone, its benchmarks, and its indicators heaviest first (the tie order).</summary>
    private sealed class Scores(PopulationRule rule, List<Entry> firms, List<BenchmarkUsed> benchmarks)
    {
        public PopulationRule Rule { get; } = rule;
        public List<Entry> Firms { get; } = firms;
        public List<BenchmarkUsed> Benchmarks { get; } = benchmarks;
        public int[] Heaviest { get; } = rule.Indicators.Select((ind, k) => (ind.Weight, k)).OrderByDescending(x => x.Weight)
            .ThenBy(x => x.k).Select(x => x.k).ToArray();

        /// <summary>
        /// The ranking order: total score, then the scores of the heaviest indicators first, then the USCC (a group's code),
        /// then firm before group — a strict, documented order, so class shares hold exactly even when totals tie.
        /// </summary>
        public int Compare(Entry a, Entry b)
        {
            var c = b.Total.CompareTo(a.Total);
            foreach (var k in Heaviest)
            {
                if (c != 0)
                {
                    return c;
                }
                c = b.Indicators[k].Score.CompareTo(a.Indicators[k].Score);
            }
            if (c == 0)
            {
                c = string.CompareOrdinal(a.Inputs.Uscc, b.Inputs.Uscc);
            }
            return c != 0 ? c : a.IsGroup.CompareTo(b.IsGroup);
        }
    }

    /// <summary>The graded firms of one parcel group, merged; scored unless the merged firm fits no population or lacks data.</summary>
    private sealed class Group(string code, List<Entry> members, MuYieldInputs inputs, PopulationRule? rule)
    {
        public string Code { get; } = code;
        public List<Entry> Members { get; } = members;
        public MuYieldInputs Inputs { get; } = inputs;
        public PopulationRule? Rule { get; } = rule;
        public Entry? Entry { get; set; }
        public string? Reason { get; set; }
    }

    private static IEnumerable<Entry> InRankOrder(this IEnumerable<Entry> entries, Scores p) =>
        entries.Order(Comparer<Entry>.Create(p.Compare));

    private static Scores ScorePopulation(MuYieldMethod method, PopulationRule rule, int year, List<MuYieldInputs> firms)
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
        var scored = firms.Select(f => new Entry(f, ScoreIndicators(rule, benchmarks, f), exempt[f.Uscc], false)).ToList();
        return new Scores(rule, scored, benchmarks);
    }

    /// <summary>Each indicator's value and score against the population's benchmarks (or the missing-data rule's score).</summary>
    private static List<IndicatorScore> ScoreIndicators(PopulationRule rule, List<BenchmarkUsed> benchmarks, MuYieldInputs f) =>
        rule.Indicators.Select((ind, k) =>
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

    /// <summary>
    /// The parcel groups of two or more graded firms (firms not scored alone, or exempt, are not merged: their figures are
    /// incomplete or they take no class), each merged and scored in the population its merged scale and land select.
    /// </summary>
    private static List<Group> MergeParcelGroups(MuYieldMethod method, List<Scores> populations)
    {
        var groups = new List<Group>();
        foreach (var parcel in populations.SelectMany(p => p.Firms)
                     .Where(f => f.ExemptReason is null && f.Inputs.ParcelGroup is not null)
                     .GroupBy(f => f.Inputs.ParcelGroup!, StringComparer.Ordinal)
                     .Where(g => g.Count() >= 2)
                     .OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var members = parcel.OrderBy(f => f.Inputs.Uscc, StringComparer.Ordinal).ToList();
            var inputs = ParcelGroups.Merge(parcel.Key, members.Select(m => m.Inputs).ToList());
            var rule = method.PopulationOf(inputs);
            var group = new Group(parcel.Key, members, inputs, rule);
            if (rule is null)
            {
                group.Reason = "合并后评价办法中无对应的评价对象 (the method has no population for the merged scale and land)";
            }
            else if (Lacking(rule, inputs) is { } reason)
            {
                group.Reason = "合并后" + reason;
            }
            else
            {
                group.Entry = new Entry(inputs, ScoreIndicators(rule, populations.First(p => p.Rule == rule).Benchmarks, inputs), null, true);
            }
            groups.Add(group);
        }
        return groups;
    }

    /// <summary>
    /// Ranks a population and gives each entry its place and class (see the type's remarks): the ranked entries within
    /// each ranking group (the whole population unless the method groups by industry), then each stand-in — a member whose
    /// group sets its class, or a group whose members' own evaluations set theirs — at the place it would take in place of
    /// what it stands for, moving nobody.
    /// </summary>
    private static PopulationEvaluation Rank(Scores p, List<Group> groups, bool merged, Dictionary<Entry, Place> places)
    {
        var classes = p.Rule.Classes;
        var scoredGroups = groups.Where(g => g.Entry is not null).ToList();
        var groupOfMember = scoredGroups.SelectMany(g => g.Members.Select(m => (Member: m, Group: g))).ToDictionary(x => x.Member, x => x.Group);
        var here = scoredGroups.Where(g => g.Rule == p.Rule).ToList();
        var graded = p.Firms.Where(f => f.ExemptReason is null).ToList();

        var ranked = merged
            ? graded.Where(f => !groupOfMember.ContainsKey(f)).Concat(here.Select(g => g.Entry!)).InRankOrder(p).ToList()
            : graded.InRankOrder(p).ToList();
        var standIns = merged
            ? graded.Where(groupOfMember.ContainsKey).Select(f => (Entry: f, Replaces: (IReadOnlyList<Entry>)[groupOfMember[f].Entry!]))
            : here.Select(g => (Entry: g.Entry!, Replaces: (IReadOnlyList<Entry>)g.Members));

        var counts = classes.Bands.ToDictionary(b => b.Class, _ => 0);
        var rankingGroups = ranked.GroupBy(e => classes.GroupOf(e.Inputs)).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var list in rankingGroups.Values)
        {
            for (var k = 0; k < list.Count; k++)
            {
                var cls = ClassOf(classes, k + 1, list.Count, list[k].Total);
                counts[cls]++;
                places[list[k]] = new Place(k + 1, list.Count, cls);
            }
        }
        foreach (var (entry, replaces) in standIns)
        {
            var others = (rankingGroups.GetValueOrDefault(classes.GroupOf(entry.Inputs)) ?? []).Where(e => !replaces.Contains(e)).ToList();
            var position = 1 + others.Count(e => p.Compare(e, entry) < 0);
            places[entry] = new Place(position, others.Count + 1, ClassOf(classes, position, others.Count + 1, entry.Total));
        }
        return new PopulationEvaluation(p.Rule.Id, p.Rule.Name, p.Firms.Count, ranked.Count, p.Firms.Count - graded.Count, p.Benchmarks,
            counts, merged ? here.Count : 0);
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
