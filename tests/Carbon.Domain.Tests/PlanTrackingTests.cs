using Carbon.Domain.Policies;
using Carbon.Domain.Targets;

namespace Carbon.Domain.Tests;

public class PlanTrackingTests
{
    [Fact]
    public void Energy_intensity_gap_is_what_the_target_intensity_allows_at_todays_value_added()
    {
        // 2020: 10 000 tce for 20 000 万元 → 0.5 tce/万元; −16 % → 0.42 tce/万元.
        // Today 30 000 万元 may use 0.42 × 30 000 = 12 600 tce; it uses 13 000 → gap 400 tce.
        Assert.Equal(400m, TrajectorySplit.IntensityGap(10_000m, 20_000m, 13_000m, 30_000m, 0.16m));
        Assert.Null(TrajectorySplit.IntensityGap(10_000m, 0m, 13_000m, 30_000m, 0.16m));
        // Water −10 %: 2020 1 000 000 m³ → 900 000 allowed; 950 000 used → 50 000 m³ to save.
        Assert.Equal(50_000m, TrajectorySplit.ReductionGap(1_000_000m, 950_000m, 0.10m));
        // 亩均税收 49 万元/亩 on 1 000 亩 = 49 000 万元; 41 500 paid → 7 500 万元 short.
        Assert.Equal(7_500m, TrajectorySplit.LevelGap(49m, 1_000m, 41_500m));
    }

    [Fact]
    public void Shares_sum_to_the_gap_exactly_whatever_the_rule()
    {
        // 100 split three ways by equal weights: 33.3333 each, one step left over goes to the largest remainder (all equal:
        // the first), and the 0.0000…01 below a step to the largest weight: Σ = 100 exactly.
        var thirds = TrajectorySplit.Allocate(100m, [1m, 1m, 1m]);
        Assert.Equal(100m, thirds.Sum());
        Assert.All(thirds, s => Assert.InRange(s, 33.3333m, 33.3335m));

        var gap = 400.123456789m;
        var contributors = new[]
        {
            new Contributor("P1", 7_000m, 15_000m, 300m, 500m),
            new Contributor("P2", 3_000m, 12_000m, 0m, 20m),
            new Contributor("outside", 3_000m, 3_000m, 100.5m, null),
        };
        foreach (var rule in Enum.GetValues<SplitRule>())
        {
            var shares = TrajectorySplit.Split(gap, rule, contributors, 2020, 2023, 2025);
            Assert.Equal(gap, shares.Sum(s => s.Share));
        }
        // By consumption: 7 000 / 13 000 × 400.12… = 215.4510…; by distance P2 (already at the target) gets nothing.
        var byConsumption = TrajectorySplit.Split(gap, SplitRule.Consumption, contributors, 2020, 2023, 2025);
        Assert.Equal(215.451m, Math.Round(byConsumption[0].Share, 3));
        var byDistance = TrajectorySplit.Split(gap, SplitRule.BenchmarkDistance, contributors, 2020, 2023, 2025);
        Assert.Equal(0m, byDistance[1].Share);
        // Equal weights when nobody has any: 3 shares of one gap.
        var none = TrajectorySplit.Split(9m, SplitRule.BenchmarkDistance, contributors.Select(c => c with { Distance = 0m }).ToList(), 2020, 2023, 2025);
        Assert.Equal([3m, 3m, 3m], none.Select(s => s.Share));
    }

    [Fact]
    public void A_contributors_trajectory_is_its_yearly_closing_carried_to_the_target_year()
    {
        // P1: 500 in 2020, 300 in 2023: 200 ÷ 3 years = 66.67 a year, × 2 more years = 133.33 by 2025.
        // By distance P1's share of 400.5 is 300/400.5 × 400.5 = 300 > 133.33: not on track.
        var shares = TrajectorySplit.Split(400.5m, SplitRule.BenchmarkDistance,
            [new Contributor("P1", 0m, 0m, 300m, 500m), new Contributor("P2", 0m, 0m, 100.5m, 400m)], 2020, 2023, 2025);
        Assert.Equal(133.33m, Math.Round(shares[0].ProjectedClosing!.Value, 2));
        Assert.False(shares[0].OnTrack);
        // P2: 400 → 100.5 is 99.83 a year, 199.67 by 2025 ≥ its 100.5: on track.
        Assert.True(shares[1].OnTrack);
        // In the target year nothing more is closed.
        Assert.Equal(0m, TrajectorySplit.Split(1m, SplitRule.BenchmarkDistance, [new Contributor("P", 0m, 0m, 1m, 5m)], 2020, 2025, 2025)[0].ProjectedClosing);
    }

    private static readonly PlanTask Monthly = new("T1", "区经信局", ReportCadence.Monthly, new DateOnly(2026, 7, 1), new DateOnly(2026, 12, 31),
        [new StageGoal(1, "完成方案编制", new DateOnly(2026, 9, 30)), new StageGoal(2, "完成改造", new DateOnly(2026, 12, 31))]);

    [Fact]
    public void A_task_without_its_months_report_raises_an_overdue_alert_after_the_due_day()
    {
        // Monthly from July; reports due by the 10th of the next month. On 28 November: July–October are due
        // (11-10 the last); July, August and September were reported; October's is 18 days late.
        var reports = new[]
        {
            new TaskReport("2026-07", new DateOnly(2026, 8, 5), TaskProgress.OnSchedule, 10m, []),
            new TaskReport("2026-08", new DateOnly(2026, 9, 8), TaskProgress.OnSchedule, 25m, []),
            new TaskReport("2026-09", new DateOnly(2026, 10, 9), TaskProgress.OnSchedule, 40m, [1]),
        };
        var standing = PlanTasks.Standing(Monthly, reports, new DateOnly(2026, 11, 28), 10);
        var alert = Assert.Single(standing.Alerts);
        Assert.Equal(TaskAlertKind.ReportOverdue, alert.Kind);
        Assert.Equal("2026-10", alert.What);
        Assert.Equal(new DateOnly(2026, 11, 10), alert.Due);
        Assert.Equal(18, alert.DaysLate);
        Assert.Equal(40m, standing.PercentDone);
        // On the due day itself nothing is late yet.
        Assert.Empty(PlanTasks.Standing(Monthly, reports, new DateOnly(2026, 11, 10), 10).Alerts);
    }

    [Fact]
    public void A_stage_goal_past_its_date_and_never_reported_met_is_slipping_until_done()
    {
        var reports = new[] { new TaskReport("2026-Q3", new DateOnly(2026, 10, 9), TaskProgress.Behind, 30m, []) };
        var quarterly = Monthly with { Cadence = ReportCadence.Quarterly };
        // Q3 reported; Q4 is not due until 2027-01-10. Stage 1 (09-30) never said met: slipping by 59 days on 11-28.
        var standing = PlanTasks.Standing(quarterly, reports, new DateOnly(2026, 11, 28), 10);
        var slip = Assert.Single(standing.Alerts);
        Assert.Equal(TaskAlertKind.StageSlipping, slip.Kind);
        Assert.Equal(59, slip.DaysLate);
        Assert.True(standing.Slipping);
        // A report saying done clears every alert.
        var done = PlanTasks.Standing(quarterly, [.. reports, new TaskReport("2026-Q4", new DateOnly(2026, 11, 20), TaskProgress.Done, 100m, [])],
            new DateOnly(2026, 11, 28), 10);
        Assert.True(done.Done);
        Assert.Empty(done.Alerts);
        Assert.Equal("2026-Q4", PlanTasks.PeriodOf(ReportCadence.Quarterly, new DateOnly(2026, 11, 28)));
    }

    [Fact]
    public void Response_figures_count_hours_to_the_first_reply_against_the_limit()
    {
        var t0 = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(8));
        var requests = new[]
        {
            new RequestTimes(t0, t0.AddHours(20), "区资规分局", RequestCategory.Land),
            new RequestTimes(t0, t0.AddHours(100), "区资规分局", RequestCategory.Land),
            new RequestTimes(t0, t0.AddHours(150), "区经信局", RequestCategory.Policy),
            new RequestTimes(t0, null, "区经信局", RequestCategory.Finance),
            new RequestTimes(t0.AddDays(23), null, null, RequestCategory.Other),
        };
        // Replied 3 in 20, 100, 150 h: mean 90, median 100; within 5 days (120 h): 2 of 3.
        // Open 2: one 26 days old (overdue), one 3 days old (not yet).
        var f = ServiceRequests.Figures(requests, t0.AddDays(26), 5);
        Assert.Equal((5, 3, 2, 1), (f.Requests, f.Replied, f.Open, f.OverdueOpen));
        Assert.Equal(90m, f.MeanHours);
        Assert.Equal(100m, f.MedianHours);
        Assert.Equal(2m / 3m, f.WithinLimit);
        // Closed unanswered (a duplicate): neither open nor late.
        var closed = ServiceRequests.Figures([.. requests[..3], requests[3] with { Closed = true }], t0.AddDays(26), 5);
        Assert.Equal((0, 0), (closed.Open, closed.OverdueOpen));
    }

    [Fact]
    public void A_request_moves_filed_routed_replied_closed_and_may_be_sent_back()
    {
        Assert.Equal(RequestState.Routed, ServiceRequests.After(RequestState.Filed, RequestStep.Routed));
        Assert.Null(ServiceRequests.After(RequestState.Filed, RequestStep.Replied));
        Assert.Equal(RequestState.Replied, ServiceRequests.After(RequestState.Routed, RequestStep.Replied));
        Assert.Equal(RequestState.Routed, ServiceRequests.After(RequestState.Replied, RequestStep.Routed));
        Assert.Equal(RequestState.Closed, ServiceRequests.After(RequestState.Replied, RequestStep.Closed));
        Assert.Null(ServiceRequests.After(RequestState.Closed, RequestStep.Routed));
        Assert.Null(ServiceRequests.After(RequestState.Closed, RequestStep.Closed));
    }

    [Fact]
    public void A_group_is_evaluated_on_its_sums_and_a_firm_on_a_parcel_by_its_share_of_land()
    {
        // 960 万元 of tax on 30 + 10 亩 = 24 万元/亩, not the mean of 16 and 48 (32).
        var y = Carbon.Domain.MuYield.EvaluationObjects.Of([new("A", 30m, 480m, 3_000m, "B"), new("B", 10m, 480m, 3_000m, null)]);
        Assert.Equal((2, 40m, 24m, 150m), (y.Firms, y.LandMu, y.TaxPerMu, y.ValueAddedPerMu));
        Assert.Equal(1, y.Classes["—"]);
        // A firm with 50 亩 in all, 20 of them on this parcel: 2/5 of its 500 万元 tax counts here.
        var part = Carbon.Domain.MuYield.EvaluationObjects.OnParcel("A", 20m, 50m, 500m, 1_000m, "A");
        Assert.Equal((20m, 200m, 400m), (part.LandMu, part.TaxPaid, part.ValueAdded));
    }
}
