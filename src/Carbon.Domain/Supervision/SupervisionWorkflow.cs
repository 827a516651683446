using Carbon.Domain.Access;

namespace Carbon.Domain.Supervision;

/// <summary>A step the rules refuse: the field it concerns and why, in the user's words.</summary>
public sealed record StepRefusal(string Field, string Message);

/// <summary>The case after a step, or why the step was refused (the case is then unchanged).</summary>
public sealed record StepResult(SupervisionCase? Case, StepRefusal? Refusal)
{
    public static StepResult Refuse(string field, string message) => new(null, new StepRefusal(field, message));
}

/// <summary>An alert a case raises because a time limit is near or past (shown on the dashboard and the case).</summary>
public sealed record CaseAlert(string Code, string Message, DateOnly Due, bool Overdue);

/// <summary>
/// The supervision workflow as a state machine over <see cref="CaseStep"/>s: each step is checked against the state, the
/// actor's role and the time limits, then folded into the case. Legal basis of each rule in its comment.
/// </summary>
public static class SupervisionWorkflow
{
    /// <summary>《节能监察办法》 (NDRC 2016 令第33号): an on-site inspection is notified in writing at least 5 days ahead.</summary>
    public const int NoticeDays = 5;

    /// <summary>《节能监察办法》: the 限期整改通知书 or 节能监察建议书 is served within 20 days after the inspection ends.</summary>
    public const int DocumentDays = 20;

    /// <summary>On-site inspection by at least two inspectors (执法人员不少于两人, as in administrative inspection practice).</summary>
    public const int MinInspectors = 2;

    /// <summary>Days before a deadline when its alert starts.</summary>
    public const int WarningDays = 5;

    private static readonly IReadOnlySet<StepKind> FirmSteps = new HashSet<StepKind> { StepKind.Statement, StepKind.RectificationReport };

    /// <summary>Applies <paramref name="step"/> to <paramref name="c"/> on <paramref name="today"/>, or says why not.</summary>
    public static StepResult Apply(SupervisionCase c, CaseStep step, DateOnly today)
    {
        if (RoleRefusal(step) is { } role)
        {
            return StepResult.Refuse("actor", role);
        }
        if (!c.IsOpen)
        {
            return StepResult.Refuse("state", $"案件已{(c.State == CaseState.Closed ? "结案" : "撤销")}，不能再记录 (the case is {Token(c.State)})");
        }
        if (step.On > today)
        {
            return StepResult.Refuse("on", $"日期 {step.On:yyyy-MM-dd} 晚于今天 (a step cannot be dated in the future)");
        }
        if (c.Steps.Count > 0 && step.On < c.Steps[^1].On)
        {
            return StepResult.Refuse("on", $"日期 {step.On:yyyy-MM-dd} 早于上一步 {c.Steps[^1].On:yyyy-MM-dd} (steps are recorded in time order)");
        }
        return step.Kind switch
        {
            StepKind.Notified => Notify(c, step),
            StepKind.DocumentReview => From(c, step, [CaseState.Notified], c with { State = CaseState.DocumentReview }),
            StepKind.OnSite => OnSite(c, step),
            StepKind.Finding => AddFinding(c, step),
            StepKind.Hearing => From(c, step, [CaseState.DocumentReview, CaseState.OnSite],
                c with { State = CaseState.Hearing, InspectionEndedOn = step.On }),
            StepKind.Statement => Statement(c, step),
            StepKind.Compliant => Compliant(c, step),
            StepKind.Advice => Advice(c, step),
            StepKind.AdviceClosed => From(c, step, [CaseState.AdviceIssued], c with { State = CaseState.Closed, Outcome = CaseOutcome.Advised }),
            StepKind.Order => Order(c, step),
            StepKind.RectificationReport => Report(c, step),
            StepKind.ReInspection => ReInspection(c, step),
            StepKind.ReInspected => ReInspected(c, step),
            StepKind.Referred => Refer(c, step, today),
            StepKind.ReferralClosed => CloseReferral(c, step),
            StepKind.Withdrawn => Withdraw(c, step),
            _ => StepResult.Refuse("kind", $"不能记录这一步 ({step.Kind})"),
        };
    }

    /// <summary>Applies the steps in order from an opened case; the first refusal stops (a stored case never refuses).</summary>
    public static StepResult Replay(CaseHeader header, IReadOnlyList<CaseStep> steps)
    {
        var c = SupervisionCase.Open(header, steps[0]);
        foreach (var step in steps.Skip(1))
        {
            var result = Apply(c, step, DateOnly.MaxValue);
            if (result.Case is null)
            {
                return result;
            }
            c = result.Case;
        }
        return new StepResult(c, null);
    }

    /// <summary>
    /// The time limits running on a case on <paramref name="today"/>: the 20-day limit for the document after the
    /// inspection, the rectification deadline (report due; passed without a report: refer), the re-inspection due.
    /// </summary>
    public static IReadOnlyList<CaseAlert> Alerts(SupervisionCase c, DateOnly today)
    {
        var alerts = new List<CaseAlert>();
        void Add(string code, string message, DateOnly due)
        {
            if (today.AddDays(WarningDays) >= due)
            {
                alerts.Add(new CaseAlert(code, message, due, today > due));
            }
        }
        switch (c.State)
        {
            case CaseState.Notified when c.VisitOn is { } visit:
                Add("visit-due", $"通知的现场检查日 {visit:yyyy-MM-dd} (the notified visit)", visit);
                break;
            case CaseState.Hearing when c.InspectionEndedOn is { } ended:
                Add("document-due", $"检查结束后 {DocumentDays} 日内送达整改通知书或建议书 (the order or advice is due)", ended.AddDays(DocumentDays));
                break;
            case CaseState.RectificationOrdered when c.Deadline is { } deadline && !c.ReportFiled:
                Add(today > deadline ? "refer" : "report-due",
                    today > deadline ? $"整改期限 {deadline:yyyy-MM-dd} 已过且无整改报告：移送处罚 (deadline passed: refer)"
                                     : $"整改期限 {deadline:yyyy-MM-dd}，企业尚未报送整改报告 (rectification report due)", deadline);
                break;
            case CaseState.RectificationOrdered when c.Deadline is { } deadline:
                Add("reinspection-due", $"整改报告已报送，期限 {deadline:yyyy-MM-dd} 后复查 (re-inspection due)", deadline);
                break;
        }
        return alerts;
    }

    public static string Token(CaseState state) => state switch
    {
        CaseState.DocumentReview => "document-review",
        CaseState.OnSite => "on-site",
        CaseState.AdviceIssued => "advice-issued",
        CaseState.RectificationOrdered => "rectification-ordered",
        CaseState.ReInspection => "re-inspection",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static string? RoleRefusal(CaseStep step)
    {
        var inspectorOrDistrict = step.ActorRole is Role.Inspector or Role.DistrictOfficial or Role.System;
        return step.Kind switch
        {
            StepKind.RectificationReport when step.ActorRole != Role.Filer => "整改报告由企业报送 (the firm files its rectification report)",
            StepKind.Statement when step.ActorRole != Role.Filer && !inspectorOrDistrict => "陈述意见由企业提出或由监察员记录 (the firm states its view)",
            _ when !FirmSteps.Contains(step.Kind) && !inspectorOrDistrict => "只有节能监察员或区经信局可以记录这一步 (inspectors and the district only)",
            _ => null,
        };
    }

    private static StepResult From(SupervisionCase c, CaseStep step, CaseState[] from, SupervisionCase next) =>
        from.Contains(c.State)
            ? new StepResult(next with { Steps = [.. c.Steps, step] }, null)
            : StepResult.Refuse("state", $"案件处于 {Token(c.State)}，不能 {Describe(step.Kind)} (not allowed from {Token(c.State)})");

    private static StepResult Notify(SupervisionCase c, CaseStep step)
    {
        if (c.Header.Mode == InspectionMode.OnSite && step.Date is null)
        {
            return StepResult.Refuse("date", "现场监察须在通知书中写明检查日期 (an on-site notice names the visit day)");
        }
        if (step.Date is { } visit)
        {
            if (visit < step.On)
            {
                return StepResult.Refuse("date", "检查日期早于通知日期 (the visit is before the notice)");
            }
            if (NeedsNotice(c) && visit.DayNumber - step.On.DayNumber < NoticeDays)
            {
                return StepResult.Refuse("date",
                    $"现场监察应提前 {NoticeDays} 日书面通知：通知 {step.On:yyyy-MM-dd}，检查 {visit:yyyy-MM-dd} (notice less than {NoticeDays} days ahead)");
            }
        }
        return From(c, step, [CaseState.Planned], c with { State = CaseState.Notified, NoticeOn = step.On, VisitOn = step.Date });
    }

    private static StepResult OnSite(SupervisionCase c, CaseStep step)
    {
        var inspectors = (step.Inspectors ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).Count();
        if (inspectors < MinInspectors)
        {
            return StepResult.Refuse("inspectors", $"现场检查须不少于 {MinInspectors} 名监察人员 (at least {MinInspectors} inspectors on site)");
        }
        if (string.IsNullOrWhiteSpace(step.Text))
        {
            return StepResult.Refuse("text", "须记录现场检查笔录 (the on-site record is needed)");
        }
        if (NeedsNotice(c) && c.NoticeOn is { } notice && step.On.DayNumber - notice.DayNumber < NoticeDays)
        {
            return StepResult.Refuse("on",
                $"现场检查距书面通知不足 {NoticeDays} 日：通知 {notice:yyyy-MM-dd}，检查 {step.On:yyyy-MM-dd} (the visit is less than {NoticeDays} days after the notice)");
        }
        return From(c, step, [CaseState.Notified, CaseState.DocumentReview], c with { State = CaseState.OnSite, VisitOn = step.On });
    }

    private static StepResult AddFinding(SupervisionCase c, CaseStep step)
    {
        if (step.Finding is not { } f)
        {
            return StepResult.Refuse("finding", "须写明发现的问题 (a finding is needed)");
        }
        if (string.IsNullOrWhiteSpace(f.RuleRef) || string.IsNullOrWhiteSpace(f.Text))
        {
            return StepResult.Refuse("finding", "问题须引用规则并说明 (a finding cites its rule and says what is wrong)");
        }
        var numbered = f with { Number = c.Findings.Count + 1 };
        return From(c, step with { Finding = numbered }, [CaseState.DocumentReview, CaseState.OnSite], c with { Findings = [.. c.Findings, numbered] });
    }

    private static StepResult Statement(SupervisionCase c, CaseStep step) =>
        string.IsNullOrWhiteSpace(step.Text)
            ? StepResult.Refuse("text", "须记录企业的陈述意见 (the firm's statement is needed)")
            : From(c, step, [CaseState.Hearing], c with { Heard = true });

    private static StepResult Compliant(SupervisionCase c, CaseStep step) =>
        c.Findings.Count > 0
            ? StepResult.Refuse("state", $"已记录 {c.Findings.Count} 个问题，不能认定合格 (findings were recorded: order rectification or give advice)")
            : From(c, step, [CaseState.Hearing], c with { State = CaseState.Closed, Outcome = CaseOutcome.Compliant });

    private static StepResult Advice(SupervisionCase c, CaseStep step)
    {
        if (HearingRefusal(c, step) is { } refusal)
        {
            return refusal;
        }
        return string.IsNullOrWhiteSpace(step.Text)
            ? StepResult.Refuse("text", "须写明监察建议 (the advice is needed)")
            : From(c, step, [CaseState.Hearing], c with { State = CaseState.AdviceIssued });
    }

    private static StepResult Order(SupervisionCase c, CaseStep step)
    {
        if (HearingRefusal(c, step) is { } refusal)
        {
            return refusal;
        }
        if (c.Findings.Count == 0)
        {
            return StepResult.Refuse("state", "没有记录问题，不能责令整改 (no finding to rectify)");
        }
        if (step.Date is not { } deadline || deadline <= step.On)
        {
            return StepResult.Refuse("date", "整改期限须晚于送达日期 (the deadline is after the day the order is served)");
        }
        return From(c, step, [CaseState.Hearing], c with { State = CaseState.RectificationOrdered, Deadline = deadline });
    }

    /// <summary>The firm is heard before a document is served, and it is served within 20 days of the inspection's end.</summary>
    private static StepResult? HearingRefusal(SupervisionCase c, CaseStep step)
    {
        if (c.State != CaseState.Hearing)
        {
            return null;   // From() refuses with the state
        }
        if (!c.Heard)
        {
            return StepResult.Refuse("state", "出具文书前须听取企业陈述意见 (the firm is heard first)");
        }
        if (c.InspectionEndedOn is { } ended && step.On.DayNumber - ended.DayNumber > DocumentDays)
        {
            return StepResult.Refuse("on",
                $"应在检查结束（{ended:yyyy-MM-dd}）后 {DocumentDays} 日内送达，{step.On:yyyy-MM-dd} 已超期 (served more than {DocumentDays} days after the inspection)");
        }
        return null;
    }

    private static StepResult Report(SupervisionCase c, CaseStep step)
    {
        if (c.State == CaseState.RectificationOrdered && c.Deadline is { } deadline && step.On > deadline)
        {
            return StepResult.Refuse("on", $"整改期限 {deadline:yyyy-MM-dd} 已过 (the deadline has passed; the case is referred)");
        }
        return string.IsNullOrWhiteSpace(step.Text)
            ? StepResult.Refuse("text", "须说明整改情况 (the report says what was done)")
            : From(c, step, [CaseState.RectificationOrdered], c with { ReportFiled = true });
    }

    private static StepResult ReInspection(SupervisionCase c, CaseStep step) =>
        c.State == CaseState.RectificationOrdered && !c.ReportFiled
            ? StepResult.Refuse("state", "企业尚未报送整改报告；逾期未整改的移送处罚 (no rectification report yet; past the deadline the case is referred)")
            : From(c, step, [CaseState.RectificationOrdered], c with { State = CaseState.ReInspection });

    private static StepResult ReInspected(SupervisionCase c, CaseStep step)
    {
        if (step.Passed is not { } passed)
        {
            return StepResult.Refuse("passed", "须写明复查结论 (pass or fail)");
        }
        if (string.IsNullOrWhiteSpace(step.Text))
        {
            return StepResult.Refuse("text", "须写明复查意见 (the re-inspection opinion is needed)");
        }
        return From(c, step, [CaseState.ReInspection], passed
            ? c with { State = CaseState.Closed, Outcome = CaseOutcome.Rectified }
            : c with { State = CaseState.Referred });
    }

    /// <summary>A rectification order whose deadline passed without a report is referred for penalty (节约能源法 Art. 83 practice).</summary>
    private static StepResult Refer(SupervisionCase c, CaseStep step, DateOnly today)
    {
        if (c.State == CaseState.RectificationOrdered && (c.ReportFiled || c.Deadline is not { } deadline || step.On <= deadline))
        {
            return StepResult.Refuse("state", c.ReportFiled
                ? "企业已报送整改报告：先复查 (the firm reported: re-inspect first)"
                : $"整改期限 {c.Deadline:yyyy-MM-dd} 未过 (the deadline has not passed)");
        }
        return string.IsNullOrWhiteSpace(step.Text)
            ? StepResult.Refuse("text", "须写明移送理由 (the referral's reason is needed)")
            : From(c, step, [CaseState.RectificationOrdered], c with { State = CaseState.Referred });
    }

    private static StepResult CloseReferral(SupervisionCase c, CaseStep step) =>
        string.IsNullOrWhiteSpace(step.Number)
            ? StepResult.Refuse("number", "须填写处罚决定书文号 (the penalty decision's number)")
            : From(c, step, [CaseState.Referred], c with { State = CaseState.Closed, Outcome = CaseOutcome.Penalised });

    private static StepResult Withdraw(SupervisionCase c, CaseStep step) =>
        string.IsNullOrWhiteSpace(step.Text)
            ? StepResult.Refuse("text", "撤销须说明理由 (a withdrawal needs a reason)")
            : new StepResult(c with { State = CaseState.Withdrawn, Outcome = CaseOutcome.Withdrawn, Steps = [.. c.Steps, step] }, null);

    private static bool NeedsNotice(SupervisionCase c) => c.Header.Trigger == InspectionTrigger.Plan;

    public static string Describe(StepKind kind) => kind switch
    {
        StepKind.Opened => "立案 open",
        StepKind.Notified => "送达监察通知书 notify",
        StepKind.DocumentReview => "书面审查 review documents",
        StepKind.OnSite => "现场检查 inspect on site",
        StepKind.Finding => "记录问题 record a finding",
        StepKind.Hearing => "听取陈述 open the hearing",
        StepKind.Statement => "陈述意见 state the firm's view",
        StepKind.Compliant => "认定合格 close as compliant",
        StepKind.Advice => "出具节能监察建议书 give advice",
        StepKind.AdviceClosed => "建议结案 close after advice",
        StepKind.Order => "下达限期整改通知书 order rectification",
        StepKind.RectificationReport => "报送整改报告 report the rectification",
        StepKind.ReInspection => "开始复查 start the re-inspection",
        StepKind.ReInspected => "复查结论 record the re-inspection",
        StepKind.Referred => "移送处罚 refer for penalty",
        StepKind.ReferralClosed => "处罚结案 close with the penalty decision",
        StepKind.Withdrawn => "撤销 withdraw",
        _ => kind.ToString(),
    };
}
