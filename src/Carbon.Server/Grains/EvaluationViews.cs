using Carbon.Domain;
using Carbon.Domain.MuYield;
using Carbon.Server.Factors;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

/// <summary>The views of one evaluated run: summary, pages of firms, and one firm with its indicators traced.</summary>
public sealed class EvaluationViews
{
    private readonly EvaluationRunRecord _run;
    private readonly LoadedMethod _method;
    private readonly Dictionary<string, FirmEvaluation> _firms;
    private readonly Dictionary<string, EvaluationInputRecord> _inputs;
    private readonly Dictionary<(string Population, MuYieldIndicator Indicator, string Uscc), int> _indicatorRanks = [];
    private readonly Dictionary<string, ParcelGroupView> _parcelGroups;
    private readonly List<EvaluationFirmView> _rows;

    public EvaluationViews(EvaluationRunRecord run, LoadedMethod method, MuYieldEvaluation result)
    {
        _run = run;
        _method = method;
        _firms = result.Firms.ToDictionary(f => f.Inputs.Uscc);
        _inputs = run.Inputs.ToDictionary(i => i.Uscc);
        _parcelGroups = result.ParcelGroups.ToDictionary(g => g.Code, ParcelGroup, StringComparer.Ordinal);
        _rows = result.Firms.Select(Row).ToList();
        foreach (var group in result.Firms.Where(f => f.Rank is not null).GroupBy(f => f.PopulationId))
        {
            foreach (var indicator in group.First().Indicators.Select(i => i.Indicator))
            {
                var ranked = group.Select(f => (f.Inputs.Uscc, Value: f.Indicators.First(i => i.Indicator == indicator).Value))
                    .Where(x => x.Value is not null)
                    .OrderByDescending(x => x.Value).ThenBy(x => x.Uscc, StringComparer.Ordinal).ToList();
                for (var k = 0; k < ranked.Count; k++)
                {
                    _indicatorRanks[(group.Key, indicator, ranked[k].Uscc)] = k + 1;
                }
            }
        }
        Summary = new EvaluationSummary(
            run.Id, run.Year, method.Method.Id, method.Method.Name, run.MethodVersion, run.FactorSetVersion, run.CreatedAt, run.CreatedBy,
            run.Inputs.Count, result.Firms.Count, result.Firms.Count(f => f.ExemptReason is not null),
            result.Populations.Select(p => new PopulationSummary(p.Id, p.Name, p.Evaluated, p.Ranked, p.Exempt,
                p.ClassCounts.ToDictionary(), p.Benchmarks.Select(b => Benchmark(p.Id, b)).ToArray(), p.MergedGroups)).ToArray(),
            result.NotEvaluated.Select(n => new NotEvaluatedView(n.Inputs.Uscc, n.Inputs.Name, n.Inputs.ParkCode, n.Reason,
                n.MissingMonths.ToArray())).ToArray(),
            result.Parks.Select(p => new ParkRankView(p.ParkCode, p.Firms, R(p.LandAreaMu), R(p.TaxPaid), R(p.ValueAdded), R(p.TaxPerMu),
                R(p.ValueAddedPerMu), p.Rank)).ToArray(),
            result.ParcelGroups.Select(g => _parcelGroups[g.Code]).ToArray());
    }

    public EvaluationSummary Summary { get; }

    /// <summary>Recomputes a run from what it stored: its own copy of the method text and the firms' inputs.</summary>
    public static EvaluationViews FromRun(EvaluationRunRecord run)
    {
        var problems = new List<string>();
        var method = MethodCatalog.Parse($"run {run.Id}", run.MethodJson, problems)
            ?? throw new InvalidOperationException(string.Join("; ", problems));
        var inputs = run.Inputs.OrderBy(i => i.Uscc, StringComparer.Ordinal).ToList();
        var result = MuYieldEvaluator.Evaluate(method.Method, run.Year, inputs.Select(i => i.ToDomain()).ToList(),
            inputs.ToDictionary(i => i.Uscc, i => (IReadOnlyList<int>)i.MissingMonths()));
        return new EvaluationViews(run, method, result);
    }

    /// <summary>A page of the firms <paramref name="visible"/> lets the caller see (uscc, park → may see).</summary>
    public EvaluationPage Query(EvaluationQuery q, Func<string, string?, bool> visible)
    {
        IEnumerable<EvaluationFirmView> rows = _rows.Where(r => visible(r.Uscc, r.ParkCode));
        if (q.Class is not null) rows = rows.Where(r => r.Class == q.Class);
        if (q.Park is not null) rows = rows.Where(r => r.ParkCode == q.Park);
        if (q.Industry is not null) rows = rows.Where(r => r.Industry == q.Industry);
        if (q.Population is not null) rows = rows.Where(r => r.Population == q.Population);
        var exact = _firms;
        rows = q.Sort switch
        {
            "score" => rows.OrderBy(r => exact[r.Uscc].TotalScore).ThenBy(r => r.Uscc, StringComparer.Ordinal),
            "rank" => rows.OrderBy(r => r.Population, StringComparer.Ordinal).ThenBy(r => r.Rank ?? int.MaxValue).ThenBy(r => r.Uscc, StringComparer.Ordinal),
            "uscc" => rows.OrderBy(r => r.Uscc, StringComparer.Ordinal),
            "name" => rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.Uscc, StringComparer.Ordinal),
            _ => rows.OrderByDescending(r => exact[r.Uscc].TotalScore).ThenBy(r => r.Uscc, StringComparer.Ordinal),
        };
        var list = rows.ToList();
        return new EvaluationPage(q.Page, q.PageSize, list.Count, list.Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).ToArray());
    }

    public EvaluationFirmDetail? Firm(string uscc)
    {
        if (!_firms.TryGetValue(uscc, out var f))
        {
            return null;
        }
        var input = _inputs[uscc];
        var tariffs = _method.File.Tariffs!;
        var months = $"{input.MonthsFiled} 个月 ({input.FilingRevisions}, 月:版本)";
        var source = input.LandSource is { } parcels ? $"{_run.Year}年末地块登记: {parcels}" : $"档案第{input.ProfileRevision}版";
        var land = f.Inputs.IsLessee
            ? $"租赁面积 {N(input.LeasedAreaMu)} 亩 (无自有用地, {source})"
            : $"用地面积 {N(input.LandAreaMu)} 亩 ({source})";
        return new EvaluationFirmDetail(
            _run.Id, _run.Year, _run.MethodVersion, _run.FactorSetVersion, Row(f),
            f.Indicators.Select(i => Indicator(i, f.Inputs, f.PopulationId, months, land,
                _indicatorRanks.TryGetValue((f.PopulationId, i.Indicator, uscc), out var rank) ? rank : null)).ToArray(),
            f.Class is { } cls && f.Tariff is { } t
                ? new TariffView(cls, t.ElectricityYuanPerKwh, t.WaterYuanPerT, t.GasYuanPerM3, t.SewageYuanPerT, t.LandUseTaxReliefPercent,
                    tariffs.Status!)
                : null,
            new FirmInputsView(input.ProfileRevision, input.Scale, input.LandAreaMu, input.IndustryCode, input.EstablishedOn,
                input.LandGrantedOn, input.FilingRevisions, R(input.TaxPaid), R(input.ValueAdded), R(input.Revenue), R(input.RdExpense),
                R(f.Inputs.AverageEmployees), R(input.ElectricityKwh), R(input.EnergyEquivalentTce), R(input.PollutantsT), input.ParcelGroup,
                input.LeasedAreaMu, input.LandSource),
            f.ParcelGroup is { PopulationId: { } population } g ? ParcelGroupIndicators(g, population) : []);
    }

    private IndicatorView Indicator(IndicatorScore i, MuYieldInputs inputs, string population, string months, string land, int? rank) =>
        new(i.Indicator.Token(), i.Indicator.ChineseName(), i.Indicator.Unit(), R(i.Value), R(i.Numerator), R(i.Denominator),
            MuYieldTrace.Explain(i, inputs, months, land, _run.FactorSetVersion), R(i.Benchmark), BenchmarkKindOf(population, i.Indicator),
            i.Weight, R(i.Score), i.Capped, i.Missing, rank);

    /// <summary>The merged group's indicators, traced to the members' summed figures and their land.</summary>
    private IndicatorView[] ParcelGroupIndicators(ParcelGroupEvaluation g, string population)
    {
        var merged = g.Inputs;
        var parts = string.Join(" + ", g.Members.Select(m => $"{m.Name} {N(merged.IsLessee ? m.LeasedAreaMu : m.LandAreaMu)}"));
        var land = merged.IsLessee
            ? $"合并租赁面积 {N(merged.LeasedAreaMu)} 亩 ({parts})"
            : $"合并用地面积 {N(merged.LandAreaMu)} 亩 ({parts})";
        var months = $"混合型企业 {g.Code} 的 {g.Members.Count} 家成员各 {merged.MonthsFiled} 个月之和";
        return g.Indicators.Select(i => Indicator(i, merged, population, months, land, null)).ToArray();
    }

    private EvaluationFirmView Row(FirmEvaluation f) =>
        new(f.Inputs.Uscc, f.Inputs.Name, f.Inputs.Industry, f.Inputs.ParkCode, f.PopulationId, R(f.TotalScore), f.Rank,
            f.RankedInPopulation, f.Class, f.ExemptReason, f.AloneClass, f.ClassFrom,
            f.ParcelGroup is { } g ? _parcelGroups[g.Code] : null);

    private ParcelGroupView ParcelGroup(ParcelGroupEvaluation g) =>
        new(g.Code, g.Members.Select(m => _firms[m.Uscc]).Select(f =>
                new ParcelMemberView(f.Inputs.Uscc, f.Inputs.Name, f.PopulationId, R(f.TotalScore), f.AloneClass)).ToArray(),
            g.PopulationId, R(g.Inputs.EvaluatedLandMu), R(g.TotalScore), g.Rank, g.RankedInPopulation, g.Class, g.SetsClass,
            g.NotEvaluatedReason);

    private BenchmarkView Benchmark(string population, BenchmarkUsed b)
    {
        var weight = _method.Method.Populations.First(p => p.Id == population).Indicators.First(i => i.Indicator == b.Indicator).Weight;
        return new BenchmarkView(b.Indicator.Token(), b.Indicator.ChineseName(), b.Indicator.Unit(), weight, Kind(b.Kind), R(b.Value),
            R(b.AverageScore));
    }

    private string BenchmarkKindOf(string population, MuYieldIndicator indicator) =>
        Kind(_method.Method.Populations.First(p => p.Id == population).Indicators.First(i => i.Indicator == indicator).Benchmark.Kind);

    private static string Kind(BenchmarkKind k) => k switch
    {
        BenchmarkKind.Given => "given",
        BenchmarkKind.PopulationMean => "population-mean",
        _ => "population-aggregate",
    };

    private static string N(decimal v) => Display.Text(v);

    private static decimal R(decimal v) => Display.Round(v);

    private static decimal? R(decimal? v) => Display.Round(v);
}
