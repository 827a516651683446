namespace Carbon.Domain.Supervision;

/// <summary>
/// 年度节能监察报告 in figures: the cases of a year, the inspections carried out (书面 or 现场) and the visits among
/// them, cases by state, findings by category, orders (限期整改), advice (监察建议), rectified, referred (移送处罚),
/// the rectification rate (rectified ÷ orders settled, i.e. no longer awaiting report or re-inspection; null before any
/// is) and the time limits overdue on the day it is made.
/// </summary>
public sealed record SupervisionSummary(
    int Year,
    int Cases,
    int Inspected,
    int Visited,
    IReadOnlyDictionary<CaseState, int> ByState,
    IReadOnlyDictionary<FindingCategory, int> FindingsByCategory,
    int Orders,
    int Advice,
    int Rectified,
    int Referred,
    decimal? RectificationRate,
    int Overdue)
{
    /// <summary>
    /// Sums a year's cases, the account of the year's plan (《工业节能监察办法（征求意见稿）》 MIIT 2022 Art. 3: an annual plan). A case counts as
    /// inspected once it had a document review or a visit; as referred once it was referred or closed with a penalty.
    /// </summary>
    public static SupervisionSummary Of(int year, IEnumerable<SupervisionCase> cases, DateOnly today)
    {
        var all = cases.ToList();
        static bool Has(SupervisionCase c, StepKind k) => c.Steps.Any(s => s.Kind == k);
        var ordered = all.Where(c => Has(c, StepKind.Order)).ToList();
        var rectified = ordered.Count(c => c.Outcome == CaseOutcome.Rectified);
        var settled = ordered.Count(c => c.State is not (CaseState.RectificationOrdered or CaseState.ReInspection));
        return new SupervisionSummary(year, all.Count,
            all.Count(c => Has(c, StepKind.DocumentReview) || Has(c, StepKind.OnSite)),
            all.Count(c => Has(c, StepKind.OnSite)),
            all.GroupBy(c => c.State).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            all.SelectMany(c => c.Findings).GroupBy(f => f.Category).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            ordered.Count,
            all.Count(c => Has(c, StepKind.Advice)),
            rectified,
            all.Count(c => Has(c, StepKind.Referred) || c.Outcome == CaseOutcome.Penalised),
            settled == 0 ? null : decimal.Round((decimal)rectified / settled, 4),
            all.Sum(c => SupervisionWorkflow.Alerts(c, today).Count(a => a.Overdue)));
    }
}
