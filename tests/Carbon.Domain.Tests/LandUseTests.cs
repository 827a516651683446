using Carbon.Domain.LandUse;

namespace Carbon.Domain.Tests;

/// <summary>Industrial land: the parcel lifecycle, the 标准地 达产 review clause by clause, low-efficiency land, 入园率, micro-parks, campaigns.</summary>
public sealed class LandUseTests
{
    private static readonly StandardLandObligations Contract = new(InvestmentPerMu: 300m, TaxPerMu: 30m, EnergyPerValueAdded: 0.5m,
        FloorAreaRatio: 1.2m, EmissionsT: null, StartBy: new DateOnly(2022, 6, 30), CompleteBy: new DateOnly(2023, 12, 31), ReviewYear: 2025,
        Remedies: ["违约金 liquidated damages", "取消奖励 incentives withdrawn", "收回 repossession"]);

    /// <summary>
    /// A 40 亩 parcel. In 2025 the holder paid 1 000 万元 tax: 1 000 ÷ 40 = 25 万元/亩 &lt; 30 (broken). Energy 2 400 tce over
    /// 6 000 万元 value added = 0.4 tce/万元 ≤ 0.5 (met). Investment 14 000 万元 ÷ 40 = 350 ≥ 300 (met). The floor-area ratio
    /// was not recorded: not measured.
    /// </summary>
    [Fact]
    public void The_review_holds_each_clause_against_the_year_and_finds_the_tax_clause_broken()
    {
        var review = StandardLandReview.Review(Contract, new ReviewFacts(AreaMu: 40m, TaxPaid: 1_000m, ValueAdded: 6_000m, EnergyTce: 2_400m,
            PollutantsT: null, Investment: 14_000m, FloorAreaRatio: null));

        Assert.True(review.Breached);
        Assert.Equal(
        [
            new ClauseResult(ObligationClause.Investment, 300m, 350m, true),
            new ClauseResult(ObligationClause.TaxPerMu, 30m, 25m, false),
            new ClauseResult(ObligationClause.EnergyPerValueAdded, 0.5m, 0.4m, true),
            new ClauseResult(ObligationClause.FloorAreaRatio, 1.2m, null, null),
        ], review.Clauses);
        Assert.Equal(ObligationClause.FloorAreaRatio, Assert.Single(review.Unmeasured).Clause);
    }

    /// <summary>
    /// The holder holds 60 亩 (two parcels of 30): its 1 500 万元 tax is 25 万元/亩 over all of them, but the 12 600 万元
    /// invested on this parcel is 12 600 ÷ 30 = 420 万元/亩 of it — not 210 over the holder's whole land.
    /// </summary>
    [Fact]
    public void Investment_is_spread_over_the_parcel_and_tax_over_all_the_holders_land()
    {
        var review = StandardLandReview.Review(Contract, new ReviewFacts(AreaMu: 60m, TaxPaid: 1_500m, ValueAdded: null, EnergyTce: null,
            PollutantsT: null, Investment: 12_600m, FloorAreaRatio: null, ParcelMu: 30m));
        Assert.Equal((420m, true), (review.Clauses[0].Actual, review.Clauses[0].Met));
        Assert.Equal(25m, review.Clauses[1].Actual);
    }

    /// <summary>Exactly 30 万元/亩 (1 200 ÷ 40) meets an "at least 30" clause; 0.5 tce/万元 meets an "at most 0.5" one.</summary>
    [Fact]
    public void A_figure_exactly_at_the_obligation_meets_it()
    {
        var review = StandardLandReview.Review(Contract with { InvestmentPerMu = null, FloorAreaRatio = null },
            new ReviewFacts(40m, 1_200m, 6_000m, 3_000m, null, null, null));
        Assert.False(review.Breached);
        Assert.All(review.Clauses, c => Assert.True(c.Met));
    }

    [Fact]
    public void The_lifecycle_goes_in_order_and_repossession_ends_it()
    {
        var state = ParcelState.Granted;
        Assert.Null(ParcelLifecycle.Next(state, ParcelEvent.Produce));   // not before it is built
        foreach (var e in new[] { ParcelEvent.Start, ParcelEvent.Complete, ParcelEvent.Produce, ParcelEvent.FailReview })
        {
            state = ParcelLifecycle.Next(state, e)!.Value;
        }
        Assert.Equal(ParcelState.InBreach, state);
        Assert.Null(ParcelLifecycle.Next(state, ParcelEvent.Renew));    // no renewal while in breach
        Assert.Equal(ParcelState.Reviewed, ParcelLifecycle.Next(state, ParcelEvent.PassReview));   // cured and reviewed again
        Assert.Equal(ParcelState.InBreach, ParcelLifecycle.Next(state, ParcelEvent.Transfer));     // the transferee takes it as it is
        Assert.Equal(ParcelState.Repossessed, ParcelLifecycle.Next(state, ParcelEvent.Repossess));
        Assert.Empty(ParcelLifecycle.Open(ParcelState.Repossessed));
        Assert.Equal([ParcelEvent.Start, ParcelEvent.Transfer, ParcelEvent.Repossess], ParcelLifecycle.Open(ParcelState.Granted));
    }

    /// <summary>
    /// Start by 2022-06-30, complete by 2023-12-31, review year 2025. On 2022-07-01 a granted parcel is late to start (since
    /// 07-01); on 2024-01-01 one under construction is late to complete; on 2026-01-01 one in production is due for review —
    /// not on 2025-12-31, and not once reviewed.
    /// </summary>
    [Fact]
    public void A_contracts_dates_make_starts_completions_and_reviews_due()
    {
        Assert.Equal([(ParcelDue.StartOverdue, new DateOnly(2022, 7, 1))], ParcelLifecycle.Due(ParcelState.Granted, Contract, new DateOnly(2022, 7, 1)));
        Assert.Empty(ParcelLifecycle.Due(ParcelState.Granted, Contract, new DateOnly(2022, 6, 30)));
        Assert.Equal([(ParcelDue.CompletionOverdue, new DateOnly(2024, 1, 1))], ParcelLifecycle.Due(ParcelState.UnderConstruction, Contract, new DateOnly(2024, 1, 1)));
        Assert.Empty(ParcelLifecycle.Due(ParcelState.InProduction, Contract, new DateOnly(2025, 12, 31)));
        Assert.Equal([(ParcelDue.ReviewDue, new DateOnly(2026, 1, 1))], ParcelLifecycle.Due(ParcelState.InProduction, Contract, new DateOnly(2026, 1, 1)));
        Assert.Empty(ParcelLifecycle.Due(ParcelState.Reviewed, Contract, new DateOnly(2026, 6, 1)));
        Assert.Empty(ParcelLifecycle.Due(ParcelState.Repossessed, Contract, new DateOnly(2026, 6, 1)));
    }

    /// <summary>
    /// 12 亩 reclaimed on 2025-03-01 and 8 亩 upgraded on 2025-12-31 count by 2025-12-31: 20. A 30 亩 transfer under way counts
    /// nothing; a parcel disposed of twice counts once (its first completion).
    /// </summary>
    [Fact]
    public void Only_completed_disposals_free_land_each_parcel_once()
    {
        var disposals = new[]
        {
            new Disposal("P1", DisposalKind.Reclaim, 12m, new DateOnly(2025, 3, 1)),
            new Disposal("P2", DisposalKind.Upgrade, 8m, new DateOnly(2025, 12, 31)),
            new Disposal("P3", DisposalKind.Transfer, 30m, null),
            new Disposal("P1", DisposalKind.ReplaceIndustry, 12m, new DateOnly(2025, 6, 1)),
        };
        Assert.Equal(20m, LowEfficiencyLand.FreedMu(disposals, new DateOnly(2025, 12, 31)));
        Assert.Equal(12m, LowEfficiencyLand.FreedMu(disposals, new DateOnly(2025, 12, 30)));
    }

    [Fact]
    public void Low_efficiency_land_is_proposed_for_class_d_low_tax_or_twelve_idle_months()
    {
        Assert.Equal([LowEfficiencyReason.ClassD, LowEfficiencyReason.LowTax, LowEfficiencyReason.Idle], LowEfficiencyLand.Reasons("D", 4.9m, 5m, 12));
        Assert.Empty(LowEfficiencyLand.Reasons("C", 5m, 5m, 11));   // exactly at the threshold is not below it
        Assert.Empty(LowEfficiencyLand.Reasons(null, null, 5m, 0));
    }

    /// <summary>Three firms, two in parks: 2 ÷ 3 by count; value added 300 + 500 of 1 000 = 0.8.</summary>
    [Fact]
    public void The_park_share_counts_firms_and_value_added()
    {
        var (byCount, byValue) = ParkShare.Of([(true, 300m), (true, 500m), (false, 200m)]);
        Assert.Equal(2m / 3m, byCount);
        Assert.Equal(0.8m, byValue);
        Assert.Equal((null, null), ParkShare.Of([]));
    }

    [Fact]
    public void A_micro_park_firm_exits_after_two_failing_runs_in_a_row()
    {
        var standard = new MicroParkStandard(new HashSet<string> { "C34", "C38" }, MinTaxPerMu: 10m, WorstClass: "C");
        Assert.Empty(MicroParks.Fails(standard, new MicroParkFirmFacts("C3411", 10m, "C")));
        Assert.Equal(["industry", "tax-per-mu", "class"], MicroParks.Fails(standard, new MicroParkFirmFacts("C2611", 9.99m, "D")));
        Assert.Equal(["tax-per-mu"], MicroParks.Fails(standard, new MicroParkFirmFacts("C3811", null, "A")));   // unknown: failed
        Assert.False(MicroParks.MustExit([false]));
        Assert.False(MicroParks.MustExit([false, true, false]));
        Assert.True(MicroParks.MustExit([true, false, false]));
    }

    /// <summary>
    /// Target 10 in 2025: three cases closed in 2025 count (3 ÷ 10 = 0.3); at the end of 2025 the one closed in 2026 and the
    /// one still in progress were open (2); the one opened in 2026 was not there yet.
    /// </summary>
    [Fact]
    public void A_campaign_counts_the_cases_closed_within_its_year()
    {
        Assert.False(Rectification.CanMove(RectificationState.Closed, RectificationState.InProgress));
        Assert.True(Rectification.CanMove(RectificationState.Open, RectificationState.Closed));
        DateOnly D(string s) => DateOnly.Parse(s);
        var progress = Rectification.Progress(CampaignKind.ScatteredPolluting, 2025, 10,
        [
            (D("2025-01-05"), D("2025-02-01")), (D("2025-01-05"), D("2025-07-01")), (D("2025-03-01"), D("2025-12-31")),
            (D("2025-03-01"), D("2026-01-01")), (D("2025-06-01"), null), (D("2026-02-01"), null),
        ]);
        Assert.Equal((3, 2, 0.3m), (progress.Closed, progress.Open, progress.Share));
        Assert.Equal(RectificationState.InProgress, Rectification.After(RectificationState.Open, RectificationStep.Started));
        Assert.NotNull(Rectification.Refusal(RectificationState.InProgress, RectificationStep.Closed, ClosureKind.ShutDown, evidence: 0));
        Assert.Null(Rectification.Refusal(RectificationState.InProgress, RectificationStep.Closed, ClosureKind.ShutDown, evidence: 1));
    }

    private static ParcelStep Step(ParcelEvent e, string on, ParcelState state = ParcelState.InProduction, string holder = "H", string? lessee = null,
        decimal? mu = null, DisposalKind? disposal = null, string? remedy = null) =>
        new(e, DateOnly.Parse(on), state, holder, lessee, mu, disposal, remedy);

    /// <summary>
    /// A 40 亩 parcel held by H. On 2024-07-01 L1 leases 10 亩, on 2025-03-01 L2 leases 5 亩; L1 leaves on 2025-09-30. At the end
    /// of 2024: H 40 − 10 = 30, L1 10. At the end of 2025: H 40 − 5 = 35, L2 5. After its repossession no one holds it.
    /// </summary>
    [Fact]
    public void A_firms_land_comes_from_the_parcels_it_holds_or_leases_on_the_day()
    {
        IReadOnlyList<ParcelStep> steps =
        [
            Step(ParcelEvent.Grant, "2020-01-01", ParcelState.Granted), Step(ParcelEvent.Lease, "2024-07-01", lessee: "L1", mu: 10m),
            Step(ParcelEvent.Lease, "2025-03-01", lessee: "L2", mu: 5m), Step(ParcelEvent.EndLease, "2025-09-30", lessee: "L1"),
            Step(ParcelEvent.Repossess, "2026-05-01", ParcelState.Repossessed),
        ];
        var end2024 = ParcelHistory.FirmLand([("P", 40m, steps)], new DateOnly(2024, 12, 31));
        Assert.Equal([new LandShare("P", 30m, false)], end2024["H"]);
        Assert.Equal([new LandShare("P", 10m, true)], end2024["L1"]);
        var end2025 = ParcelHistory.FirmLand([("P", 40m, steps)], new DateOnly(2025, 12, 31));
        Assert.Equal((35m, 5m), (end2025["H"].Single().Mu, end2025["L2"].Single().Mu));
        Assert.False(end2025.ContainsKey("L1"));
        Assert.Empty(ParcelHistory.FirmLand([("P", 40m, steps)], new DateOnly(2026, 12, 31)));
        Assert.Empty(ParcelHistory.FirmLand([("P", 40m, steps)], new DateOnly(2019, 12, 31)));   // not granted yet
    }

    [Fact]
    public void Leases_stay_within_the_parcel_and_go_to_firms_other_than_the_holder()
    {
        var now = ParcelHistory.Standing("P", [Step(ParcelEvent.Grant, "2020-01-01"), Step(ParcelEvent.Lease, "2021-01-01", lessee: "L1", mu: 30m)])!;
        Assert.Null(ParcelHistory.Refusal(now, Step(ParcelEvent.Lease, "2022-01-01", lessee: "L2", mu: 10m), 40m, []));
        Assert.NotNull(ParcelHistory.Refusal(now, Step(ParcelEvent.Lease, "2022-01-01", lessee: "L2", mu: 10.01m), 40m, []));
        Assert.NotNull(ParcelHistory.Refusal(now, Step(ParcelEvent.Lease, "2022-01-01", lessee: "H", mu: 1m), 40m, []));
        Assert.NotNull(ParcelHistory.Refusal(now, Step(ParcelEvent.Lease, "2022-01-01", lessee: "L1", mu: 1m), 40m, []));
        Assert.NotNull(ParcelHistory.Refusal(now, Step(ParcelEvent.EndLease, "2022-01-01", lessee: "L2"), 40m, []));
    }

    /// <summary>
    /// Confirmed low-efficiency on 2025-02-01, a 收回 of 18 亩 begun on 2025-04-01 and completed on 2026-01-15: at the end of 2025
    /// it frees nothing (under way); from 2026-01-15 it frees 18 亩 and the parcel is repossessed.
    /// </summary>
    [Fact]
    public void A_disposal_frees_its_mu_only_once_completed()
    {
        var start = Step(ParcelEvent.StartDisposal, "2025-04-01", mu: 18m, disposal: DisposalKind.Reclaim);
        var before = ParcelHistory.Standing("P", [Step(ParcelEvent.Grant, "2020-01-01")])!;
        Assert.NotNull(ParcelHistory.Refusal(before, start, 18m, []));   // not confirmed as low-efficiency yet
        IReadOnlyList<ParcelStep> steps =
        [
            Step(ParcelEvent.Grant, "2020-01-01"), Step(ParcelEvent.MarkLowEfficiency, "2025-02-01"), start,
            Step(ParcelEvent.CompleteDisposal, "2026-01-15", ParcelHistory.AfterDisposal(ParcelState.InProduction, DisposalKind.Reclaim)),
        ];
        var end2025 = ParcelHistory.Standing("P", steps, new DateOnly(2025, 12, 31))!;
        Assert.Equal(0m, LowEfficiencyLand.FreedMu(end2025.Disposals, new DateOnly(2025, 12, 31)));
        Assert.NotNull(end2025.OpenDisposal);
        Assert.NotNull(ParcelHistory.Refusal(end2025, Step(ParcelEvent.Repossess, "2026-01-02", ParcelState.Repossessed), 18m, []));   // complete the 收回 instead
        var done = ParcelHistory.Standing("P", steps)!;
        Assert.Equal(18m, LowEfficiencyLand.FreedMu(done.Disposals, new DateOnly(2026, 1, 15)));
        Assert.Equal((ParcelState.Repossessed, false), (done.State, done.LowEfficiency));
    }

    [Fact]
    public void A_breach_is_a_case_of_the_agreed_remedies_until_a_passed_review()
    {
        IReadOnlyList<string> remedies = ["违约金", "收回"];
        var breached = ParcelHistory.Standing("P", [Step(ParcelEvent.Grant, "2020-01-01"), Step(ParcelEvent.FailReview, "2026-02-01", ParcelState.InBreach)])!;
        var fine = Step(ParcelEvent.EnforceRemedy, "2026-03-01", ParcelState.InBreach, remedy: "违约金");
        Assert.Null(ParcelHistory.Refusal(breached, fine, 40m, remedies));
        Assert.NotNull(ParcelHistory.Refusal(breached, fine with { Remedy = "罚款" }, 40m, remedies));   // not agreed
        var after = ParcelHistory.Standing("P", [Step(ParcelEvent.Grant, "2020-01-01"), Step(ParcelEvent.FailReview, "2026-02-01", ParcelState.InBreach), fine])!;
        Assert.NotNull(ParcelHistory.Refusal(after, fine, 40m, remedies));   // once per breach
        Assert.Equal([("违约金", new DateOnly(2026, 3, 1))], after.OpenBreach!.Enforced);
        var cured = ParcelHistory.Standing("P", [Step(ParcelEvent.Grant, "2020-01-01"), Step(ParcelEvent.FailReview, "2026-02-01", ParcelState.InBreach), fine,
            Step(ParcelEvent.PassReview, "2027-02-01", ParcelState.Reviewed)])!;
        Assert.Null(cured.OpenBreach);
        Assert.Equal(new DateOnly(2027, 2, 1), cured.Breaches.Single().ClosedOn);
    }
}
