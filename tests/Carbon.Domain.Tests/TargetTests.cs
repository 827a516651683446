using Carbon.Domain.Targets;

namespace Carbon.Domain.Tests;

public class TargetTests
{
    private static PlanTarget T(TargetKind kind, decimal target) => new("t", "t", "m", null, kind, target, "u", "VERIFIED", "test");

    [Fact]
    public void A_level_target_projects_the_line_from_the_baseline_through_the_latest_year()
    {
        // 2020: 20, 2023: 30, target 49 by 2025. Progress (30 − 20)/(49 − 20) = 10/29 = 0.344828;
        // projection 20 + 10 × (2025 − 2020)/(2023 − 2020) = 20 + 16.6667 = 36.6667 < 49 → off track.
        var p = TargetTracking.Track(T(TargetKind.Level, 49m), 2020, 2025, 2023, 20m, 30m);
        Assert.Equal(0.344828m, Math.Round(p.Progress!.Value, 6));
        Assert.Equal(36.666667m, Math.Round(p.Projection!.Value, 6));
        Assert.Equal(TargetStatus.OffTrack, p.Status);
    }

    [Fact]
    public void A_reduction_starts_from_zero_in_the_baseline_year()
    {
        // −12 % by 2023, target −16 % by 2025: progress 0.12/0.16 = 0.75; projection 0.12 × 5/3 = 0.20 ≥ 0.16 → on track.
        var p = TargetTracking.Track(T(TargetKind.Reduction, 0.16m), 2020, 2025, 2023, null, 0.12m);
        Assert.Equal(0m, p.Baseline);
        Assert.Equal(0.75m, p.Progress);
        Assert.Equal(0.2m, Math.Round(p.Projection!.Value, 10));
        Assert.Equal(TargetStatus.OnTrack, p.Status);
    }

    [Fact]
    public void In_the_target_year_the_latest_value_decides()
    {
        Assert.Equal(TargetStatus.Achieved, TargetTracking.Track(T(TargetKind.Reduction, 0.16m), 2020, 2025, 2025, null, 0.17m).Status);
        Assert.Equal(TargetStatus.Missed, TargetTracking.Track(T(TargetKind.Level, 49m), 2020, 2025, 2025, 20m, 40m).Status);
    }

    [Fact]
    public void Without_data_there_is_no_value_and_without_a_baseline_no_projection()
    {
        var none = TargetTracking.Track(T(TargetKind.Count, 100m), 2020, 2025, 2024, null, null);
        Assert.Equal(TargetStatus.NoData, none.Status);
        Assert.Null(none.Latest);
        var share = TargetTracking.Track(T(TargetKind.Share, 0.8m), 2020, 2025, 2024, null, 0.5m);
        Assert.Equal(TargetStatus.NoBaseline, share.Status);
        Assert.Null(share.Projection);
        Assert.Equal(TargetStatus.Achieved, TargetTracking.Track(T(TargetKind.Share, 0.8m), 2020, 2025, 2024, null, 0.85m).Status);
    }
}
