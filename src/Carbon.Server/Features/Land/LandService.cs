using Carbon.Domain.Access;
using Carbon.Domain.Accounting;
using Carbon.Domain.Factors;
using Carbon.Domain.LandUse;
using Carbon.Domain.Registry;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Features.Land;

/// <summary>
/// Parcels as the caller may see them, and the 达产 review: the holder's figures for the review year from its filings,
/// spread over the land it holds, held against the contract clause by clause (<see cref="StandardLandReview"/>).
/// </summary>
public sealed class LandService(LandReads reads, IGrainFactory grains, EvaluationSnapshots snapshots, FactorSet factors)
{
    private static readonly Caller Service = Caller.System("land");

    /// <summary>Officials, inspectors and auditors see every parcel; a park administrator its parks'; a filer those its firms hold.</summary>
    public static bool CanSee(Caller caller, string? parkCode, Uscc holder) =>
        caller.SeesDistrict || (parkCode is not null && caller.CanReadPark(parkCode)) || caller.Firms.Contains(holder.Value);

    public async Task<List<ParcelSummary>> ListAsync(Caller caller) =>
        (await reads.ListAsync())
            .Where(x => CanSee(caller, x.Parcel.ParkCode, Uscc.Parse(x.Latest.Holder)))
            .Select(x => Summary(x.Parcel, x.Latest))
            .ToList();

    private static ParcelSummary Summary(ParcelRecord p, ParcelEventRecord latest) => new(p.Code, p.Name,
        EnumTokens.Parse<ParcelLocationKind>(p.LocationKind), p.Location, p.ParkCode, p.AreaMu, EnumTokens.Parse<SupplyMode>(p.Supply),
        EnumTokens.Parse<ParcelState>(latest.State), Uscc.Parse(latest.Holder), p.ReviewYear);

    /// <summary>What the parcels the caller may see have due, overdue first by date (the dashboard's list), with the parcels in breach.</summary>
    public async Task<(List<(ParcelSummary Parcel, ParcelDue Due, DateOnly Since)> Due, int InBreach)> DueAsync(Caller caller, DateOnly today)
    {
        var visible = (await reads.ListAsync()).Where(x => CanSee(caller, x.Parcel.ParkCode, Uscc.Parse(x.Latest.Holder))).ToList();
        var due = visible.SelectMany(x =>
            {
                var summary = Summary(x.Parcel, x.Latest);
                return ParcelLifecycle.Due(summary.State, x.Parcel.Obligations(), today).Select(d => (summary, d.Due, d.Since));
            })
            .OrderBy(d => d.Since).ToList();
        return (due, visible.Count(x => x.Latest.State == EnumTokens.Token(ParcelState.InBreach)));
    }

    /// <summary>The parcel if the caller may see it; otherwise null, as if there were none.</summary>
    public async Task<ParcelView?> FindAsync(string code, Caller caller) =>
        GrainGuards.ParcelCode.IsMatch(code) && await grains.GetGrain<IParcelGrain>(code).GetAsync() is { } v && CanSee(caller, v.ParkCode, v.Holder)
            ? Redact(v, caller)
            : null;

    /// <summary>
    /// The review of <paramref name="year"/>: the holder's tax, value added, energy (等价值) and pollutants summed over the
    /// year's filings; the land they are spread over is every live parcel the holder holds (this one at least); the
    /// investment and floor-area ratio are those recorded at 竣工. Null when the parcel has no obligations.
    /// </summary>
    /// <remarks>
    /// The holder's figures are its own: a caller who may not read the holder (a park administrator whose park holds the
    /// parcel but not the firm) sees each clause's outcome, not the figures behind it.
    /// </remarks>
    public async Task<ReviewResponse?> ReviewAsync(ParcelView parcel, int year, Caller caller)
    {
        if (parcel.Obligations is not { } contract)
        {
            return null;
        }
        var filings = await grains.Enterprise(parcel.Holder).GetFilingsAsync(year, Service);
        var totals = filings.Select(f => ActivityTotals.From(f, factors.DefaultFuelBasis)).Aggregate(ActivityTotals.Zero, (a, b) => a + b);
        var land = (await reads.ListAsync()).Where(x => x.Latest.Holder == parcel.Holder.Value && x.Latest.State != EnumTokens.Token(ParcelState.Repossessed))
            .Sum(x => x.Parcel.AreaMu);
        land = Math.Max(land, parcel.AreaMu);
        var filed = filings.Length > 0;
        var facts = new ReviewFacts(land, filed ? totals.TaxPaid : null, filed ? totals.ValueAdded : null, filed ? snapshots.EquivalentTce(totals, year) : null,
            filed && totals.PollutantMonths > 0 ? totals.PollutantsT : null, parcel.Investment, parcel.FloorAreaRatio, parcel.AreaMu);
        var review = StandardLandReview.Review(contract, facts);
        var figures = await grains.Enterprise(parcel.Holder).GetAsync(caller) is not null;
        return new ReviewResponse(parcel.Code, year, parcel.Holder, land, figures ? facts.TaxPaid : null, figures ? facts.ValueAdded : null,
            figures && facts.EnergyTce is { } e ? Domain.Display.Round(e) : null,
            review.Clauses.Select(c => new ClauseResponse(c.Clause, c.Contracted, figures && c.Actual is { } a ? Domain.Display.Round(a) : null, c.Met)).ToArray(),
            review.Breached, contract.Remedies.ToArray());
    }

    /// <summary>
    /// The parcel as the caller may see it: a review event's detail holds its holder's figures, so it is left out for a
    /// caller who is not the district and does not file for that holder (a later holder, a park administrator).
    /// </summary>
    public static ParcelView Redact(ParcelView v, Caller caller) => caller.SeesDistrict
        ? v
        : v with
        {
            Events = v.Events.Select(e => e.Detail is not null && !caller.Firms.Contains(e.Holder.Value) ? e with { Detail = null } : e).ToArray(),
        };

    /// <summary>The review in words, kept on the review's event: each clause, contracted against found.</summary>
    public static string Describe(ReviewResponse r) =>
        $"{r.Year} 年达产复核（{r.LandMu} 亩）：" + string.Join("；", r.Clauses.Select(c =>
            $"{EnumTokens.Token(c.Clause)} 约定 {c.Contracted}，实际 {(c.Actual is { } a ? a.ToString(System.Globalization.CultureInfo.InvariantCulture) : "未测")}，" +
            (c.Met switch { true => "达标", false => "未达标", _ => "未测" })));
}
