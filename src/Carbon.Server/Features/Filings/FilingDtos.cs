using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Features.Filings;

/// <summary>One energy line of a filing: <c>carrier</c> and <c>unit</c> are tokens (see docs/methodology.md).</summary>
public sealed record EnergyLineRequest(string? Carrier, decimal? Quantity, string? Unit);

/// <summary>产品产量: a product made in the month, in its own unit (t, 件, 台 …). Optional; needed for per-product figures.</summary>
public sealed record ProductLineRequest(string? Name, decimal? Quantity, string? Unit);

/// <summary>主要污染物 in tonnes; omit one that is not reported.</summary>
public sealed record PollutantsRequest(decimal? CodT, decimal? Nh3nT, decimal? So2T, decimal? NoxT);

/// <summary>PUT /api/enterprises/{uscc}/filings/{yyyy-MM} body. Money in 万元 at current prices.</summary>
public sealed record FilingRequest(
    List<EnergyLineRequest?>? Energy,
    decimal? WaterM3,
    decimal? OutputValue,
    decimal? ValueAdded,
    decimal? Revenue,
    decimal? TaxPaid,
    int? Employees,
    decimal? RdExpense,
    PollutantsRequest? Pollutants,
    string? Reason,
    List<ProductLineRequest?>? Products = null)
{
    /// <summary>The validated content; call only after <see cref="FilingRequestValidator"/> passed.</summary>
    public FilingContent ToContent() =>
        new(
            Energy!.Select(l => new EnergyLine(l!.Carrier!, l.Quantity!.Value, l.Unit!)).ToArray(),
            WaterM3!.Value, OutputValue!.Value, ValueAdded!.Value, Revenue!.Value, TaxPaid!.Value, Employees!.Value,
            RdExpense!.Value,
            Pollutants is { CodT: null, Nh3nT: null, So2T: null, NoxT: null } or null
                ? null
                : new PollutantsInput(Pollutants.CodT, Pollutants.Nh3nT, Pollutants.So2T, Pollutants.NoxT),
            Products is null or { Count: 0 } ? null : Products.Select(p => new ProductLine(p!.Name!.Trim(), p.Quantity!.Value, p.Unit!.Trim())).ToArray());
}

/// <summary>Who made a revision, when and why.</summary>
public sealed record RevisionDto(int Revision, DateTimeOffset RecordedAt, string Actor, string? Reason);

/// <summary>A month's filing: the current revision's content and the history of every revision.</summary>
public sealed record FilingResponse(
    string Uscc,
    string Month,
    int Revision,
    string? Outcome,
    FilingContent Current,
    RevisionDto[] History)
{
    public static FilingResponse From(string uscc, FilingView v, string? outcome) =>
        new(uscc, $"{v.Year:D4}-{v.Month:D2}", v.Revision, outcome, v.Content,
            v.History.Select(h => new RevisionDto(h.Revision, h.RecordedAt, h.Actor, h.Reason)).ToArray());
}
