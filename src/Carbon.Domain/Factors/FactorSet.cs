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
/// Fuel defaults (NCV, carbon content, oxidation) come in families (<see cref="FuelFamily"/>): a row's <c>region</c> names
/// its family, and a firm's industry picks the family.
/// </summary>
public sealed class FactorSet
{
    private readonly Dictionary<(FactorKind, EnergyCarrier, string), Factor> _byCarrier = [];
    private readonly Dictionary<FactorKind, List<Factor>> _byKind = [];
    private readonly Dictionary<string, FuelBasis> _fuelBases = new(StringComparer.Ordinal);

    /// <summary>The set; <paramref name="fuelFamilies"/> lists the families fuel rows belong to (when null, one default family named by the fuel rows' region).</summary>
    public FactorSet(string version, IEnumerable<Factor> factors, IEnumerable<FuelFamily>? fuelFamilies = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        Version = version;
        Factors = factors.ToArray();
        foreach (var factor in Factors)
        {
            if (factor.Kind.NeedsCarrier())
            {
                var carrier = factor.Carrier ?? throw new ArgumentException($"factor {factor.Id} needs a carrier");
                if (!_byCarrier.TryAdd((factor.Kind, carrier, factor.Region), factor))
                {
                    throw new ArgumentException($"two {factor.Kind.Token()} factors for {carrier.Token()} in {factor.Region}");
                }
            }
            if (!_byKind.TryGetValue(factor.Kind, out var list))
            {
                _byKind[factor.Kind] = list = [];
            }
            list.Add(factor);
        }

        FuelFamilies = (fuelFamilies ?? Factors.Where(f => f.Kind.IsFuelKind()).Select(f => f.Region).Distinct().Take(1)
            .Select(region => new FuelFamily(region, "燃料缺省值 (fuel defaults)", [], true, "factor rows", FactorStatus.Unverified))).ToArray();
        DefaultFuelFamily = FuelFamilies.SingleOrDefault(f => f.IsDefault)
            ?? new FuelFamily("none", "无燃料缺省值 (no fuel defaults)", [], true, "none", FactorStatus.Unverified);
        foreach (var family in FuelFamilies.Append(DefaultFuelFamily).DistinctBy(f => f.Id))
        {
            var fuels = new Dictionary<EnergyCarrier, FuelFactors>();
            foreach (var carrier in EnergyCarriers.All.Where(c => c.RoleOf() == CarrierRole.Fuel))
            {
                if (Fuel(family, carrier) is { } own)
                {
                    fuels[carrier] = own;
                }
                else if (Fuel(DefaultFuelFamily, carrier) is { } fallback)
                {
                    fuels[carrier] = fallback with { Family = family, FromDefaultFamily = true };
                }
            }
            _fuelBases[family.Id] = new FuelBasis(family, fuels);
        }
    }

    /// <summary>Names the set in results: a label plus a hash of the files, so any edit gives a new version.</summary>
    public string Version { get; }

    public IReadOnlyList<Factor> Factors { get; }

    /// <summary>The grid factor of the 2020 baseline in a comparison (a district's choice, stated in the factor set).</summary>
    public BaselineGridPolicy BaselineGrid { get; init; } = BaselineGridPolicy.Fixed;

    public IEnumerable<Factor> OfKind(FactorKind kind) => _byKind.TryGetValue(kind, out var list) ? list : [];

    /// <summary>The fuel families, in file order; exactly one is the default.</summary>
    public IReadOnlyList<FuelFamily> FuelFamilies { get; }

    /// <summary>工业其他行业: the family of a firm whose industry no other family names.</summary>
    public FuelFamily DefaultFuelFamily { get; }

    /// <summary>The fuel defaults of a firm with this GB/T 4754 industry code: the family with the longest matching prefix, else the default.</summary>
    public FuelBasis FuelBasisFor(string? industryCode)
    {
        var family = FuelFamilies.Where(f => f.Match(industryCode) > 0).MaxBy(f => f.Match(industryCode)) ?? DefaultFuelFamily;
        return _fuelBases[family.Id];
    }

    /// <summary>The fuel defaults of the default family.</summary>
    public FuelBasis DefaultFuelBasis => _fuelBases[DefaultFuelFamily.Id];

    /// <summary>A carrier's factor of a kind that is not a fuel default (standard coal of electricity or heat).</summary>
    public Factor? Find(FactorKind kind, EnergyCarrier carrier) =>
        _byCarrier.Where(e => e.Key.Item1 == kind && e.Key.Item2 == carrier).Select(e => e.Value).FirstOrDefault();

    public Factor Get(FactorKind kind, EnergyCarrier carrier) =>
        Find(kind, carrier) ?? throw new MissingFactorException($"no {kind.Token()} factor for {carrier.Token()} in factor set {Version}");

    private FuelFactors? Fuel(FuelFamily family, EnergyCarrier carrier) =>
        _byCarrier.GetValueOrDefault((FactorKind.NetCalorificValue, carrier, family.Id)) is { } ncv
        && _byCarrier.GetValueOrDefault((FactorKind.CarbonContent, carrier, family.Id)) is { } cc
        && _byCarrier.GetValueOrDefault((FactorKind.OxidationRate, carrier, family.Id)) is { } of
            ? new FuelFactors(carrier, ncv, cc, of, family, FromDefaultFamily: false)
            : null;

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
