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

    /// <summary>Target 10 in 2025: three cases closed in 2025 count, one closed in 2026 does not, two are open.</summary>
    [Fact]
    public void A_campaign_counts_the_cases_closed_within_its_year()
    {
        Assert.False(Rectification.CanMove(RectificationState.Closed, RectificationState.InProgress));
        Assert.True(Rectification.CanMove(RectificationState.Open, RectificationState.Closed));
        var progress = Rectification.Progress(CampaignKind.ScatteredPolluting, 2025, 10,
        [
            (RectificationState.Closed, new DateOnly(2025, 2, 1)), (RectificationState.Closed, new DateOnly(2025, 7, 1)),
            (RectificationState.Closed, new DateOnly(2025, 12, 31)), (RectificationState.Closed, new DateOnly(2026, 1, 1)),
            (RectificationState.Open, null), (RectificationState.InProgress, null),
        ]);
        Assert.Equal((3, 2, 0.3m), (progress.Closed, progress.Open, progress.Share));
    }
}
