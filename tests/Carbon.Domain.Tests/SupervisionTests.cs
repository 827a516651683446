using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Carbon.Domain.Supervision;

namespace Carbon.Domain.Tests;

/// <summary>The 节能监察 state machine, every refusal it makes, the quota check, the equipment and metering checks, the draw.</summary>
public sealed class SupervisionTests
{
    private static readonly Uscc Firm = Uscc.Parse("91350100M000100Y43");
    private static readonly DateOnly Day0 = new(2026, 3, 2);

    private static SupervisionCase Open(InspectionMode mode = InspectionMode.OnSite, InspectionTrigger trigger = InspectionTrigger.Plan) =>
        SupervisionCase.Open(new CaseHeader("c1", Firm, 2026, mode, trigger, null), Step(StepKind.Opened, 0));

    private static CaseStep Step(StepKind kind, int day, Role role = Role.Inspector, string? text = "记录", DateOnly? date = null,
        string[]? inspectors = null, bool? passed = null, string? number = null, Finding? finding = null) =>
        new(kind, Day0.AddDays(day), role == Role.Filer ? "filer" : "insp-a", role, text, date, inspectors, passed, number, finding);

    private static readonly Finding QuotaFinding = new(0, FindingCategory.Quota, "gb16780-2021-clinker", "熟料单耗超过3级限定值", 121m, 117m, "kgce/t", []);

    private static SupervisionCase Must(SupervisionCase c, CaseStep step, int today = 400)
    {
        var r = SupervisionWorkflow.Apply(c, step, Day0.AddDays(today));
        Assert.True(r.Case is not null, r.Refusal?.Message);
        return r.Case!;
    }

    private static StepRefusal Refused(SupervisionCase c, CaseStep step, int today = 400)
    {
        var r = SupervisionWorkflow.Apply(c, step, Day0.AddDays(today));
        Assert.Null(r.Case);
        return r.Refusal!;
    }

    /// <summary>Notice day 1, visit day 6 (5 days later), hearing day 6, order day 10 with deadline day 40, report day 30, re-inspected day 41: closed, rectified.</summary>
    private static SupervisionCase Ordered()
    {
        var c = Must(Open(), Step(StepKind.Notified, 1, date: Day0.AddDays(6)));
        c = Must(c, Step(StepKind.DocumentReview, 2));
        c = Must(c, Step(StepKind.OnSite, 6, inspectors: ["insp-a", "insp-b"]));
        c = Must(c, Step(StepKind.Finding, 6, finding: QuotaFinding));
        c = Must(c, Step(StepKind.Hearing, 6));
        c = Must(c, Step(StepKind.Statement, 8, Role.Filer, "熟料线正在改造"));
        return Must(c, Step(StepKind.Order, 10, date: Day0.AddDays(40)));
    }

    [Fact]
    public void A_case_goes_from_plan_to_rectified()
    {
        var c = Ordered();
        Assert.Equal(CaseState.RectificationOrdered, c.State);
        Assert.Equal(Day0.AddDays(40), c.Deadline);
        Assert.Equal(1, Assert.Single(c.Findings).Number);
        c = Must(c, Step(StepKind.RectificationReport, 30, Role.Filer, "已更换篦冷机"));
        c = Must(c, Step(StepKind.ReInspection, 41));
        c = Must(c, Step(StepKind.ReInspected, 41, passed: true, text: "复查合格"));
        Assert.Equal(CaseState.Closed, c.State);
        Assert.Equal(CaseOutcome.Rectified, c.Outcome);
        Assert.Equal(11, c.Steps.Count);
    }

    /// <summary>
    /// The year's summary by hand. Four cases: (a) ordered, reported, re-inspected: rectified; (b) ordered, failed
    /// re-inspection: referred, then penalised; (c) ordered, deadline day 40, no report yet; (d) planned only.
    /// Cases 4; inspected 3 (a, b, c had a document review and a visit); visited 3; orders 3; rectified 1 (a);
    /// referred 1 (b); settled orders 2 (a closed, b closed; c still rectification-ordered), so the rate is 1 ÷ 2 = 0.5;
    /// findings: 3 quota. On day 45, c's deadline (day 40) has passed without a report: 1 overdue ("refer").
    /// </summary>
    [Fact]
    public void The_years_summary_counts_inspections_orders_and_the_rectification_rate()
    {
        var a = Must(Must(Must(Ordered(), Step(StepKind.RectificationReport, 30, Role.Filer, "已整改")), Step(StepKind.ReInspection, 41)),
            Step(StepKind.ReInspected, 41, passed: true));
        var b = Must(Must(Must(Ordered(), Step(StepKind.RectificationReport, 30, Role.Filer, "部分整改")), Step(StepKind.ReInspection, 41)),
            Step(StepKind.ReInspected, 41, passed: false));
        b = Must(b, Step(StepKind.ReferralClosed, 42, number: "鄞经信罚〔2026〕3号"));
        var c = Ordered();
        var d = Open();

        var s = SupervisionSummary.Of(2026, [a, b, c, d], Day0.AddDays(45));

        Assert.Equal((4, 3, 3), (s.Cases, s.Inspected, s.Visited));
        Assert.Equal((3, 0, 1, 1), (s.Orders, s.Advice, s.Rectified, s.Referred));
        Assert.Equal(0.5m, s.RectificationRate);
        Assert.Equal(3, s.FindingsByCategory[FindingCategory.Quota]);
        Assert.Equal(2, s.ByState[CaseState.Closed]);
        Assert.Equal(1, s.ByState[CaseState.RectificationOrdered]);
        Assert.Equal(1, s.ByState[CaseState.Planned]);
        Assert.Equal(1, s.Overdue);
        Assert.Null(SupervisionSummary.Of(2026, [c, d], Day0).RectificationRate);
    }

    [Fact]
    public void A_failed_re_inspection_is_referred_and_closed_with_the_decision()
    {
        var c = Must(Ordered(), Step(StepKind.RectificationReport, 30, Role.Filer, "部分整改"));
        c = Must(c, Step(StepKind.ReInspection, 41));
        c = Must(c, Step(StepKind.ReInspected, 41, passed: false, text: "未整改到位"));
        Assert.Equal(CaseState.Referred, c.State);
        Assert.Equal("number", Refused(c, Step(StepKind.ReferralClosed, 50)).Field);
        c = Must(c, Step(StepKind.ReferralClosed, 50, number: "鄞经信罚〔2026〕3号"));
        Assert.Equal(CaseOutcome.Penalised, c.Outcome);
    }

    [Fact]
    public void A_passed_deadline_without_a_report_means_referral()
    {
        var c = Ordered();
        // Report on day 41: the deadline (day 40) has passed.
        Assert.Equal("on", Refused(c, Step(StepKind.RectificationReport, 41, Role.Filer, "迟到的报告")).Field);
        // No report: no re-inspection, and no referral before the deadline.
        Refused(c, Step(StepKind.ReInspection, 41));
        Refused(c, Step(StepKind.Referred, 40, text: "逾期"));
        var referred = Must(c, Step(StepKind.Referred, 41, text: "逾期未整改"));
        Assert.Equal(CaseState.Referred, referred.State);
        // The timer says so from day 41.
        Assert.Contains(SupervisionWorkflow.Alerts(c, Day0.AddDays(41)), a => a is { Code: "refer", Overdue: true });
        Assert.Contains(SupervisionWorkflow.Alerts(c, Day0.AddDays(36)), a => a is { Code: "report-due", Overdue: false });
        Assert.Empty(SupervisionWorkflow.Alerts(c, Day0.AddDays(20)));
    }

    [Fact]
    public void An_on_site_notice_less_than_five_days_ahead_is_refused_unless_a_complaint()
    {
        // Notice day 1, visit day 5: 4 days.
        var refusal = Refused(Open(), Step(StepKind.Notified, 1, date: Day0.AddDays(5)));
        Assert.Equal("date", refusal.Field);
        Assert.Contains("5", refusal.Message);
        Must(Open(trigger: InspectionTrigger.Complaint), Step(StepKind.Notified, 1, date: Day0.AddDays(2)));
        Must(Open(trigger: InspectionTrigger.Random), Step(StepKind.Notified, 1, date: Day0.AddDays(1)));
        // An on-site notice names its day.
        Assert.Equal("date", Refused(Open(), Step(StepKind.Notified, 1)).Field);
        // A visit recorded before five days have passed is refused even if the notice named a later day.
        var c = Must(Open(), Step(StepKind.Notified, 1, date: Day0.AddDays(6)));
        Assert.Equal("on", Refused(c, Step(StepKind.OnSite, 4, inspectors: ["a", "b"])).Field);
    }

    [Fact]
    public void On_site_needs_two_inspectors_and_a_record()
    {
        var c = Must(Open(), Step(StepKind.Notified, 1, date: Day0.AddDays(6)));
        Assert.Equal("inspectors", Refused(c, Step(StepKind.OnSite, 6, inspectors: ["insp-a"])).Field);
        Assert.Equal("inspectors", Refused(c, Step(StepKind.OnSite, 6, inspectors: ["insp-a", "insp-a"])).Field);
        Assert.Equal("text", Refused(c, Step(StepKind.OnSite, 6, text: " ", inspectors: ["insp-a", "insp-b"])).Field);
        Must(c, Step(StepKind.OnSite, 6, inspectors: ["insp-a", "insp-b"]));
    }

    [Fact]
    public void The_firm_is_heard_and_the_document_served_within_twenty_days()
    {
        var c = Must(Open(InspectionMode.Written), Step(StepKind.Notified, 1));
        c = Must(c, Step(StepKind.DocumentReview, 2));
        c = Must(c, Step(StepKind.Finding, 3, finding: QuotaFinding));
        c = Must(c, Step(StepKind.Hearing, 4));
        // Not heard yet.
        Assert.Contains("陈述", Refused(c, Step(StepKind.Order, 5, date: Day0.AddDays(30))).Message);
        c = Must(c, Step(StepKind.Statement, 5, Role.Inspector, "企业放弃陈述（记录）"));
        // Day 25 is 21 days after the inspection ended on day 4.
        Assert.Equal("on", Refused(c, Step(StepKind.Order, 25, date: Day0.AddDays(60))).Field);
        Assert.Contains(SupervisionWorkflow.Alerts(c, Day0.AddDays(25)), a => a is { Code: "document-due", Overdue: true });
        // A deadline before the order is refused; findings forbid "compliant".
        Assert.Equal("date", Refused(c, Step(StepKind.Order, 24, date: Day0.AddDays(20))).Field);
        Refused(c, Step(StepKind.Compliant, 24));
        Must(c, Step(StepKind.Order, 24, date: Day0.AddDays(60)));
        var advised = Must(Must(c, Step(StepKind.Advice, 10, text: "建议加装二级计量")), Step(StepKind.AdviceClosed, 11));
        Assert.Equal(CaseOutcome.Advised, advised.Outcome);
    }

    [Fact]
    public void A_step_by_the_wrong_role_or_out_of_order_is_refused()
    {
        var c = Must(Open(), Step(StepKind.Notified, 1, date: Day0.AddDays(6)));
        Assert.Equal("actor", Refused(c, Step(StepKind.DocumentReview, 2, Role.Filer)).Field);
        Assert.Equal("actor", Refused(c, Step(StepKind.DocumentReview, 2, Role.ParkAdministrator)).Field);
        Assert.Equal("actor", Refused(c, Step(StepKind.DocumentReview, 2, Role.Auditor)).Field);
        Assert.Equal("state", Refused(c, Step(StepKind.Hearing, 2)).Field);
        Assert.Equal("state", Refused(c, Step(StepKind.Order, 2, date: Day0.AddDays(30))).Field);
        Assert.Equal("on", Refused(c, Step(StepKind.DocumentReview, 0)).Field);            // before the notice
        Assert.Equal("on", Refused(c, Step(StepKind.DocumentReview, 9), today: 8).Field);  // in the future
        var ordered = Ordered();
        Assert.Equal("actor", Refused(ordered, Step(StepKind.RectificationReport, 30, Role.Inspector)).Field);
        var withdrawn = Must(c, Step(StepKind.Withdrawn, 3, Role.DistrictOfficial, "企业已关停"));
        Assert.Equal(CaseState.Withdrawn, withdrawn.State);
        Assert.Equal("state", Refused(withdrawn, Step(StepKind.DocumentReview, 4)).Field);
        Assert.Equal("text", Refused(c, Step(StepKind.Withdrawn, 3, text: null)).Field);
    }

    [Fact]
    public void Replaying_the_stored_steps_gives_the_same_case()
    {
        var c = Ordered();
        var replayed = SupervisionWorkflow.Replay(c.Header, c.Steps);
        Assert.Equal(c.State, replayed.Case!.State);
        Assert.Equal(c.Deadline, replayed.Case.Deadline);
        Assert.Equal(c.Findings, replayed.Case.Findings);
    }

    private static readonly EnergyQuota Clinker = new("gb16780-2021-clinker", "GB 16780-2021", "水泥单位产品能源消耗限额", "水泥熟料", ["熟料"], ["C3011"],
        "单位熟料综合能耗", "kgce", "t", 100m, 107m, 117m, "生产系统", "UNVERIFIED", "test");

    [Fact]
    public void Unit_product_energy_is_the_months_energy_over_their_output()
    {
        // Jan 1 200 000 kgce / 10 000 t, Feb 1 250 000 / 10 000, Mar no output (left out):
        // (1 200 000 + 1 250 000) / 20 000 = 122.5 kgce/t > 117 (3级限定值) → exceeds; above grade 3 → grade null.
        var r = SupervisionChecks.Quota(Clinker, PlantStatus.Existing, [(1, 1_200_000m, 10_000m), (2, 1_250_000m, 10_000m), (3, 90_000m, 0m)])!;
        Assert.Equal(2, r.Months);
        Assert.Equal(122.5m, r.Value);
        Assert.Equal(117m, r.Limit);
        Assert.True(r.Exceeds);
        Assert.Null(r.Grade);
        // 1 040 000 / 10 000 = 104 kgce/t: grade 2 (≤ 107), under an existing plant's 117; a new plant's limit is 107.
        var ok = SupervisionChecks.Quota(Clinker, PlantStatus.NewOrExpanded, [(1, 1_040_000m, 10_000m)])!;
        Assert.Equal(104m, ok.Value);
        Assert.Equal(2, ok.Grade);
        Assert.Equal(107m, ok.Limit);
        Assert.False(ok.Exceeds);
        Assert.Null(SupervisionChecks.Quota(Clinker, PlantStatus.Existing, [(1, 5m, 0m)]));
    }

    [Fact]
    public void Declared_equipment_is_matched_by_model_prefix_and_power_range()
    {
        PhasedOutItem[] catalogue =
        [
            new("b1-001", "miit-1", "第一批", "工节〔2009〕67号", "电动机", "Y系列三相异步电动机", ["Y"], 0.55m, 315m),
            new("b1-010", "miit-1", "第一批", "工节〔2009〕67号", "变压器", "S7 配电变压器", ["S7", "SL7"], null, null),
        ];
        var found = SupervisionChecks.PhasedOut(
            [new("电动机", "y-160m-4", 11m, 3), new("电动机", "YE3-160M-4", 11m, 2), new("电动机", "Y355", 400m, 1), new("变压器", "SL7-500/10", null, 1)],
            catalogue);
        // y-160m-4 → Y (11 kW in range); YE3 is another series (a letter follows the Y); Y355 at 400 kW is out of range.
        Assert.Equal(["y-160m-4", "SL7-500/10"], found.Select(f => f.Equipment.Model));
        Assert.Equal("b1-010", found[^1].Item.Id);
    }

    [Fact]
    public void Metering_below_the_minimum_rate_is_a_gap()
    {
        MeteringRate[] rates = [new("electricity", "电力", 100m, 100m, 95m), new("steam", "蒸汽", 100m, 80m, null)];
        // Electricity equipment tier: 18 of 20 = 90 % < 95 %; steam secondary 4 of 5 = 80 % = 80 % (met); steam equipment: not required.
        var gaps = SupervisionChecks.Metering(
            [new("electricity", MeterTier.Equipment, 20, 18), new("steam", MeterTier.Secondary, 5, 4), new("steam", MeterTier.Equipment, 10, 0)], rates);
        var gap = Assert.Single(gaps);
        Assert.Equal(90m, gap.Found);
        Assert.Equal(95m, gap.Minimum);
    }

    [Fact]
    public void The_draw_is_reproducible_from_its_seed_and_respects_conflicts()
    {
        var pool = Enumerable.Range(0, 50).Select(i => $"F{i:00}").ToList();
        string[] roster = ["ann", "bo", "cai", "dan", "eve"];
        var conflicts = new HashSet<(string, string)>(pool.Select(p => ("ann", p)).Concat(pool.Select(p => ("bo", p))).Take(60));
        var a = RandomDraw.Draw(20261202, pool, 8, roster, 2, conflicts);
        // Same seed, pool and roster in another order: the same draw.
        var b = RandomDraw.Draw(20261202, Enumerable.Reverse(pool), 8, roster.Reverse(), 2, conflicts);
        Assert.Equal(a.Select(d => $"{d.Uscc}:{string.Join(',', d.Inspectors)}"), b.Select(d => $"{d.Uscc}:{string.Join(',', d.Inspectors)}"));
        Assert.Equal(8, a.Select(d => d.Uscc).Distinct().Count());
        Assert.All(a, d => Assert.Equal(2, d.Inspectors.Distinct().Count()));
        Assert.All(a, d => Assert.DoesNotContain(d.Inspectors, i => conflicts.Contains((i, d.Uscc))));
        // Another seed, another draw.
        Assert.NotEqual(a.Select(d => d.Uscc), RandomDraw.Draw(7, pool, 8, roster, 2, conflicts).Select(d => d.Uscc));
        // Too few inspectors without a conflict: refused, not a silent single-inspector draw.
        Assert.Throws<InvalidOperationException>(() => RandomDraw.Draw(1, ["F00"], 1, ["ann", "bo", "cai"], 2, conflicts));
    }
}
