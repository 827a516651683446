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
public sealed class LandService(LandReads reads, IGrainFactory grains, EvaluationSnapshots snapshots, FactorSet factors, EvaluationReads evaluations,
    Factors.WarningCatalog rules, Configuration.ReportingClock clock, RegistryReads registry)
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

    /// <summary>
    /// What the parcels the caller may see have due, overdue first by date (the dashboard's list), with the parcels in breach.
    /// A review that is due is computed at once (the contract against the holder's filings of the review year) and its
    /// finding comes with it: the broken clauses, contracted against found, before an official records it.
    /// </summary>
    public async Task<(List<(ParcelSummary Parcel, ParcelDue Due, DateOnly Since, string? Finding)> Due, int InBreach)> DueAsync(Caller caller, DateOnly today)
    {
        var visible = (await reads.ListAsync()).Where(x => CanSee(caller, x.Parcel.ParkCode, Uscc.Parse(x.Latest.Holder))).ToList();
        var due = new List<(ParcelSummary, ParcelDue, DateOnly, string?)>();
        foreach (var x in visible)
        {
            var summary = Summary(x.Parcel, x.Latest);
            foreach (var (kind, since) in ParcelLifecycle.Due(summary.State, x.Parcel.Obligations(), today))
            {
                string? finding = null;
                if (kind == ParcelDue.ReviewDue && await grains.GetGrain<IParcelGrain>(x.Parcel.Code).GetAsync() is { } view
                    && view.Obligations?.ReviewYear is { } year && await ReviewAsync(view, year, caller) is { } review)
                {
                    finding = Finding(review);
                }
                due.Add((summary, kind, since, finding));
            }
        }
        return (due.OrderBy(d => d.Item3).ToList(), visible.Count(x => x.Latest.State == EnumTokens.Token(ParcelState.InBreach)));
    }

    /// <summary>A computed review in a line: met, or the clauses broken (with the figures when the caller may see them).</summary>
    public static string Finding(ReviewResponse r) => r.Breached
        ? "自动复核：未达标 — " + string.Join("；", r.Clauses.Where(c => c.Met == false).Select(c =>
            $"{EnumTokens.Token(c.Clause)} 约定 {c.Contracted.ToString(System.Globalization.CultureInfo.InvariantCulture)}" +
            (c.Actual is { } a ? $"，实际 {a.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : "")))
        : r.Clauses.Any(c => c.Met is null) ? "自动复核：有条款缺少数据，待补 (a clause lacks its figures)" : "自动复核：各项达标 (every clause met)";

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
    /// The parcel as the caller may see it: a review event's detail holds its holder's figures, so it is left out (the review
    /// events only: an enforced remedy's detail is the remedy, which every reader of the parcel sees) for a
    /// caller who is not the district and does not file for that holder (a later holder, a park administrator).
    /// </summary>
    public static ParcelView Redact(ParcelView v, Caller caller) => caller.SeesDistrict
        ? v
        : v with
        {
            Events = v.Events.Select(e => e.Event is ParcelEvent.PassReview or ParcelEvent.FailReview && e.Detail is not null && !caller.Firms.Contains(e.Holder.Value)
                ? e with { Detail = null } : e).ToArray(),
        };

    /// <summary>The review in words, kept on the review's event: each clause, contracted against found.</summary>
    public static string Describe(ReviewResponse r) =>
        $"{r.Year} 年达产复核（{r.LandMu} 亩）：" + string.Join("；", r.Clauses.Select(c =>
            $"{EnumTokens.Token(c.Clause)} 约定 {c.Contracted}，实际 {(c.Actual is { } a ? a.ToString(System.Globalization.CultureInfo.InvariantCulture) : "未测")}，" +
            (c.Met switch { true => "达标", false => "未达标", _ => "未测" })));

    /// <summary>
    /// The 亩 freed by completed disposals of the parcels the caller may see, and the 亩 under way (the dashboard's figure:
    /// the same count as <see cref="LowEfficiencyAsync"/> without the proposals' reads of filings and runs).
    /// </summary>
    public async Task<(decimal Freed, decimal UnderWay)> FreedAsync(Caller caller)
    {
        var steps = (await reads.StepsAsync()).ToDictionary(p => p.Code, StringComparer.Ordinal);
        return Freed((await reads.ListAsync()).Where(x => CanSee(caller, x.Parcel.ParkCode, Uscc.Parse(x.Latest.Holder)))
            .SelectMany(x => ParcelHistory.Standing(x.Parcel.Code, steps[x.Parcel.Code].Steps)!.Disposals), clock.Today);
    }

    /// <summary>The 亩 freed by the completed disposals on <paramref name="today"/> (<see cref="LowEfficiencyLand.FreedMu"/>) and those under way.</summary>
    private static (decimal Freed, decimal UnderWay) Freed(IEnumerable<Disposal> disposals, DateOnly today)
    {
        var list = disposals.ToList();
        return (LowEfficiencyLand.FreedMu(list, today), list.Where(d => d.CompletedOn is null).Sum(d => d.Mu));
    }

    /// <summary>
    /// Low-efficiency land (低效工业用地) as the caller may see it: the live parcels the data proposes and why
    /// (<see cref="LowEfficiencyLand.Reasons"/>: the holder classed D in the latest 亩均 run, its 亩均税收 last year below the
    /// district's threshold over its land from the register, or no filing for 12 months), those an official confirmed, every
    /// disposal, and the 亩 freed by completed disposals (the plan's 5 000 亩 target counts these alone).
    /// </summary>
    public async Task<LowEfficiencyResponse> LowEfficiencyAsync(Caller caller)
    {
        var today = clock.Today;
        var lastYear = today.Year - 1;
        var parcels = (await reads.ListAsync()).Where(x => CanSee(caller, x.Parcel.ParkCode, Uscc.Parse(x.Latest.Holder))).ToList();
        var steps = (await reads.StepsAsync()).ToDictionary(p => p.Code, StringComparer.Ordinal);
        var land = await reads.FirmLandAsync(new DateOnly(lastYear, 12, 31));
        var years = await snapshots.YearTotalsAsync(lastYear);
        var thisYear = await snapshots.YearTotalsAsync(today.Year);
        var run = (await evaluations.ListRunsAsync()).OrderByDescending(r => r.Year).ThenByDescending(r => r.CreatedAt).FirstOrDefault();
        var classD = run is null ? [] : (await grains.GetGrain<IEvaluationGrain>(run.Id).QueryAsync(new EvaluationQuery(1, int.MaxValue, "uscc", "D", null, null, null),
            Service))?.Items.Select(i => i.Uscc).ToHashSet(StringComparer.Ordinal) ?? [];
        var threshold = rules.File.LowEfficiencyTaxPerMu!.Value;
        var current = clock.CurrentMonth;
        var parks = (await registry.LoadRegistryAsync()).ToDictionary(r => r.Identity.Uscc, r => r.Identity.ParkCode, StringComparer.Ordinal);

        int MonthsWithoutFiling(string uscc)
        {
            // The latest month filed this year or last; none in either: at least the 12 months of last year and this year's so far.
            var latest = thisYear.GetValueOrDefault(uscc)?.Revisions.Keys.DefaultIfEmpty(0).Max() is > 0 and var m ? (today.Year, m)
                : years.GetValueOrDefault(uscc)?.Revisions.Keys.DefaultIfEmpty(0).Max() is > 0 and var n ? (lastYear, n) : (lastYear - 1, 12);
            return Math.Max(0, (current.Year - latest.Item1) * 12 + current.Month - latest.Item2 - 1);
        }

        var proposed = new List<LowEfficiencyProposal>();
        var confirmed = new List<ParcelSummary>();
        var disposals = new List<DisposalRow>();
        foreach (var (parcel, latest) in parcels)
        {
            var standing = ParcelHistory.Standing(parcel.Code, steps[parcel.Code].Steps)!;
            var summary = Summary(parcel, latest);
            disposals.AddRange(standing.Disposals.Select(d => new DisposalRow(parcel.Code, parcel.Name, summary.Holder, d.Kind, d.Mu, d.StartedOn!.Value,
                d.CompletedOn)));
            if (standing.State == ParcelState.Repossessed)
            {
                continue;
            }
            if (standing.LowEfficiency)
            {
                confirmed.Add(summary);
                continue;
            }
            // Proposed from a holder's own figures: only parcels at work (in production, reviewed or in breach), and only to
            // a caller who may read the holder (a park administrator whose park holds the parcel but not the firm does not).
            var holder = latest.Holder;
            if (standing.State is not (ParcelState.InProduction or ParcelState.Reviewed or ParcelState.InBreach)
                || !caller.CanRead(Uscc.Parse(holder), parks.GetValueOrDefault(holder)))
            {
                continue;
            }
            decimal? taxPerMu = years.TryGetValue(holder, out var y) && land.TryGetValue(holder, out var l) && l.EvaluatedMu is > 0m and var mu
                ? Domain.Display.Round(y.Totals.TaxPaid / mu, 2) : null;
            var idle = MonthsWithoutFiling(holder);
            var reasons = LowEfficiencyLand.Reasons(classD.Contains(holder) ? "D" : null, taxPerMu, threshold, idle);
            if (reasons.Count > 0)
            {
                proposed.Add(new LowEfficiencyProposal(summary, reasons.ToArray(), taxPerMu, idle));
            }
        }
        var (freed, underWay) = Freed(parcels.SelectMany(p => ParcelHistory.Standing(p.Parcel.Code, steps[p.Parcel.Code].Steps)!.Disposals), today);
        return new LowEfficiencyResponse(run?.Id, run?.Year, lastYear, threshold, proposed.ToArray(), confirmed.ToArray(),
            disposals.OrderByDescending(d => d.StartedOn).ToArray(), freed, underWay);
    }
}
