using Carbon.Domain.Energy;

namespace Carbon.Domain.Factors;

/// <summary>A factor chosen for a data year, and the year it was published for (they differ when the year has none).</summary>
public sealed record YearFactor(Factor Factor, int RequestedYear)
{
    /// <summary>True when the nearest published year stood in for the requested one.</summary>
    public bool IsSubstitute => Factor.Year != RequestedYear;
}

/// <summary>A price index chosen for a year; provisional when the year has none yet and an earlier one stands in.</summary>
public sealed record PriceIndexChoice(Factor Factor, int RequestedYear, bool Provisional);

/// <summary>Which grid factor the 2020 baseline's electricity CO2 takes when a period is compared with 2020.</summary>
public enum BaselineGridPolicy
{
    /// <summary>
    /// One factor for both years: the compared year's own. The reduction then shows what the firm did, not what the
    /// grid did (a cleaner grid alone lowers nobody's intensity). The default.
    /// </summary>
    Fixed,
    /// <summary>Each year its own factor (2020: the nearest published year, flagged): the reduction includes the grid's change.</summary>
    EachYear,
}

/// <summary>
/// An immutable, validated set of factors with a version that names it in every result.
/// Year-keyed factors resolve to the requested year or, failing that, the nearest published year (earlier on a tie).
/// </summary>
public sealed class FactorSet
{
    private readonly Dictionary<(FactorKind, EnergyCarrier), Factor> _byCarrier = [];
    private readonly Dictionary<FactorKind, List<Factor>> _byKind = [];

    public FactorSet(string version, IEnumerable<Factor> factors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        Version = version;
        Factors = factors.ToArray();
        foreach (var factor in Factors)
        {
            if (factor.Kind.NeedsCarrier())
            {
                var carrier = factor.Carrier ?? throw new ArgumentException($"factor {factor.Id} needs a carrier");
                if (!_byCarrier.TryAdd((factor.Kind, carrier), factor))
                {
                    throw new ArgumentException($"two {factor.Kind.Token()} factors for {carrier.Token()}");
                }
            }
            if (!_byKind.TryGetValue(factor.Kind, out var list))
            {
                _byKind[factor.Kind] = list = [];
            }
            list.Add(factor);
        }
    }

    /// <summary>Names the set in results: a label plus a hash of the files, so any edit gives a new version.</summary>
    public string Version { get; }

    public IReadOnlyList<Factor> Factors { get; }

    /// <summary>The grid factor of the 2020 baseline in a comparison (a district's choice, stated in the factor set).</summary>
    public BaselineGridPolicy BaselineGrid { get; init; } = BaselineGridPolicy.Fixed;

    public IEnumerable<Factor> OfKind(FactorKind kind) => _byKind.TryGetValue(kind, out var list) ? list : [];

    public Factor? Find(FactorKind kind, EnergyCarrier carrier) => _byCarrier.GetValueOrDefault((kind, carrier));

    public Factor Get(FactorKind kind, EnergyCarrier carrier) =>
        Find(kind, carrier) ?? throw new MissingFactorException($"no {kind.Token()} factor for {carrier.Token()} in factor set {Version}");

    /// <summary>The purchased-heat emission factor (one per set).</summary>
    public Factor HeatCo2 => OfKind(FactorKind.HeatCo2).FirstOrDefault()
        ?? throw new MissingFactorException($"no heat-co2 factor in factor set {Version}");

    /// <summary>Electricity 等价值 for a data year: that year's thermal coal rate, else the nearest published year.</summary>
    public YearFactor ElectricityEquivalent(int year) => Nearest(OfKind(FactorKind.ElectricityEquivalent), year, "electricity-equivalent");

    /// <summary>Grid emission factor for a data year and region, else the nearest published year of that region.</summary>
    public YearFactor GridCo2(int year, string region) =>
        Nearest(OfKind(FactorKind.GridCo2).Where(f => f.Region == region), year, $"grid-co2 for region {region}");

    /// <summary>The deflator series, most specific first: 加工工业 (manufacturing) PPI, then the all-industry PPI.</summary>
    public static readonly IReadOnlyList<string> PriceSeries = ["CN-processing", "CN"];

    /// <summary>
    /// The price index (2020 = 100) that deflates a year's value added: the first series of <see cref="PriceSeries"/>
    /// that has the year. A year no series has yet takes the last published index before it and is provisional — never
    /// current prices in disguise. Null only when no index precedes the year at all.
    /// </summary>
    public PriceIndexChoice? PriceIndex(int year)
    {
        var rows = OfKind(FactorKind.PriceIndex).ToList();
        foreach (var series in PriceSeries)
        {
            if (rows.FirstOrDefault(f => f.Region == series && f.Year == year) is { } exact)
            {
                return new PriceIndexChoice(exact, year, Provisional: false);
            }
        }
        var last = rows.Where(f => f.Region == PriceSeries[^1] && f.Year < year).MaxBy(f => f.Year);
        return last is null ? null : new PriceIndexChoice(last, year, Provisional: true);
    }

    private YearFactor Nearest(IEnumerable<Factor> candidates, int year, string what)
    {
        Factor? best = null;
        foreach (var f in candidates)
        {
            if (best is null)
            {
                best = f;
                continue;
            }
            var d = Math.Abs(f.Year!.Value - year);
            var bestD = Math.Abs(best.Year!.Value - year);
            if (d < bestD || (d == bestD && f.Year < best.Year))
            {
                best = f;
            }
        }
        return best is null
            ? throw new MissingFactorException($"no {what} factor in factor set {Version}")
            : new YearFactor(best, year);
    }
}

/// <summary>A formula needed a factor the set does not have.</summary>
public sealed class MissingFactorException(string message) : Exception(message);
