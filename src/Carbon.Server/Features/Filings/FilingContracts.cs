using System.Text.Json.Serialization;
using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Features.Filings;

/// <summary>
/// One energy line of a filing: <c>carrier</c> and <c>unit</c> are tokens (see docs/methodology.md); <c>feedstock</c>, for a
/// fuel, is the part of the quantity used as raw material (原料用能, not burnt), in the same unit; <c>measuredNcv</c>, for a
/// fuel, is its measured net calorific value (低位发热量实测值) in GJ/t, or GJ/10⁴m³ for gases, which then replaces the
/// guideline default for both its standard coal and its CO2.
/// </summary>
public sealed record EnergyLineRequest(string? Carrier, decimal? Quantity, string? Unit, decimal? Feedstock = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? MeasuredNcv = null);

/// <summary>产品产量: a product made in the month, in its own unit (t, 件, 台 …). Optional; needed for per-product figures.</summary>
public sealed record ProductLineRequest(string? Name, decimal? Quantity, string? Unit);

/// <summary>主要污染物 in tonnes; omit one that is not reported.</summary>
public sealed record PollutantsRequest(decimal? CodT, decimal? Nh3nT, decimal? So2T, decimal? NoxT);

/// <summary>
/// PUT /api/enterprises/{uscc}/filings/{yyyy-MM} body, and the <c>current</c> of what GET returns (so a GET can be sent
/// back as a PUT). Money in 万元 at current prices. Fields are nullable so that a missing one is a field error, not a 500.
/// <c>pollutants</c> and <c>products</c> are optional, but a revision that leaves out one the month already had is
/// refused: to remove it, send <c>null</c> (or <c>[]</c>) explicitly — a filed value is never lost by omission.
/// </summary>
public sealed record FilingRequest(
    List<EnergyLineRequest?>? Energy,
    decimal? WaterM3,
    decimal? OutputValue,
    decimal? ValueAdded,
    decimal? Revenue,
    decimal? TaxPaid,
    int? Employees,
    decimal? RdExpense)
{
    private readonly PollutantsRequest? _pollutants;
    private readonly List<ProductLineRequest?>? _products;

    public PollutantsRequest? Pollutants { get => _pollutants; init => (_pollutants, PollutantsSent) = (value, true); }

    public List<ProductLineRequest?>? Products { get => _products; init => (_products, ProductsSent) = (value, true); }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    /// <summary>
    /// A figure far outside the firm's own history (ten times or a tenth of the same month last year, or of the median of
    /// the last three months) is taken only with <c>confirm: true</c> and a <c>note</c> saying why it is right.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? Confirm { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Note { get; init; }

    /// <summary>True when the body named <c>pollutants</c>, even as null.</summary>
    [JsonIgnore]
    public bool PollutantsSent { get; private init; }

    /// <summary>True when the body named <c>products</c>, even as null.</summary>
    [JsonIgnore]
    public bool ProductsSent { get; private init; }

    /// <summary>The optional sections the body left out, by their JSON names.</summary>
    public string[] Omitted() => [.. PollutantsSent ? [] : new[] { "pollutants" }, .. ProductsSent ? [] : new[] { "products" }];

    /// <summary>The filing it says; call only once <see cref="FilingRequestValidator"/> passed.</summary>
    public MonthlyFiling ToDomain(YearMonth month) =>
        new(month,
            Energy!.Select(l => new EnergyUse(EnergyCarriers.Parse(l!.Carrier!), new Quantity(l.Quantity!.Value, MeasureUnits.Parse(l.Unit!)),
                l.Feedstock ?? 0m, l.MeasuredNcv)).ToArray(),
            WaterM3!.Value, OutputValue!.Value, ValueAdded!.Value, Revenue!.Value, TaxPaid!.Value, Employees!.Value, RdExpense!.Value,
            Pollutants is null or { CodT: null, Nh3nT: null, So2T: null, NoxT: null }
                ? null
                : new Pollutants(Pollutants.CodT, Pollutants.Nh3nT, Pollutants.So2T, Pollutants.NoxT),
            Products?.Select(p => new ProductOutput(p!.Name!.Trim(), p.Quantity!.Value, p.Unit!.Trim())).ToArray());

    public static FilingRequest From(MonthlyFiling f) =>
        new(f.Energy.Select(e => (EnergyLineRequest?)new EnergyLineRequest(e.Carrier.Token(), e.Quantity.Value, e.Quantity.Unit.Token(),
                e.Feedstock == 0m ? null : e.Feedstock, e.MeasuredNcv)).ToList(),
            f.WaterM3, f.OutputValue, f.ValueAdded, f.Revenue, f.TaxPaid, f.Employees, f.RdExpense)
        {
            Pollutants = f.Pollutants is { } p ? new PollutantsRequest(p.CodT, p.Nh3nT, p.So2T, p.NoxT) : null,
            Products = f.Products.Select(p => (ProductLineRequest?)new ProductLineRequest(p.Name, p.Quantity, p.Unit)).ToList(),
        };
}

/// <summary>The path of a filing: whose, and which month.</summary>
public sealed record FilingRoute(Uscc Uscc, YearMonth Month);

/// <summary>A month's filing: the current revision's content (a valid PUT body) and who changed it, when and why.</summary>
public sealed record FilingResponse(Uscc Uscc, YearMonth Month, int Revision, FilingStatus? Outcome, FilingRequest Current, RevisionView[] History)
{
    public static FilingResponse From(Uscc uscc, FilingView v, FilingStatus? outcome = null) =>
        new(uscc, v.Current.Month, v.Revision, outcome, FilingRequest.From(v.Current), v.History);
}
