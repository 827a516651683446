using Carbon.Domain;
using Carbon.Domain.Access;
using Carbon.Domain.Accounting;
using Carbon.Domain.Factors;
using Carbon.Domain.Registry;
using Carbon.Domain.Supervision;
using Carbon.Certificates;
using Carbon.Server.Configuration;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Grains;

/// <summary>Why a certificate cannot be made: the request field concerned, the reason, and whether it names something absent.</summary>
public sealed record BuildProblem(string Field, string Message, bool NotFound);

/// <summary>
/// Gathers what a certificate shows from the grains (the enterprise's year, an evaluation run, an approved
/// application), so the data frozen with the certificate is exactly what the rest of the API reports.
/// </summary>
public sealed class CertificateDataBuilder(
    IGrainFactory grains, FactorSet factors, IOptions<CarbonOptions> options, SupervisionReads supervision, RegistryReads registry, ReportingClock clock)
{
    /// <summary>Certificates are issued by the district (checked at the door); the builder reads the firm on the service's behalf.</summary>
    private static readonly Caller Service = Caller.System("certificates");

    /// <summary>
    /// The year's figures against 2020, the 12-month trend, factor set and clauses. Refused if nothing was filed that
    /// year, or if a month is missing and the order did not say <paramref name="partial"/>; a partial report covers the
    /// months filed against the same months of 2020 (1 to the last month filed) and says so on its face.
    /// </summary>
    public async Task<(AnnualReportData? Data, BuildProblem? Problem)> AnnualReportAsync(CertificateHeader header, Uscc uscc, int year, bool partial)
    {
        var grain = grains.Enterprise(uscc);
        var view = await grain.GetAsync(Service);
        if (view is null)
        {
            return (null, new BuildProblem("uscc", $"未登记企业 {uscc} (no enterprise registered with this USCC)", true));
        }
        var totals = (await grain.GetTotalsAsync(new PeriodQuery(year, 12), Service))!;
        if (totals.CurrentMonths.Length == 0)
        {
            return (null, new BuildProblem("year", $"{year} 年无填报数据，不能出具年度报告 (nothing filed for {year})", false));
        }
        var missing = Enumerable.Range(1, 12).Except(totals.CurrentMonths).ToArray();
        if (missing.Length > 0 && !partial)
        {
            return (null, new BuildProblem("year",
                $"{year} 年缺 {string.Join("、", missing)}月 的填报，年度报告须涵盖全年；如需仅涵盖已填报月份的报告，请求中注明 partial: true " +
                $"(months missing in {year}: {string.Join(", ", missing.Select(m => MonthNames[m - 1]))}; send partial: true for a report of the months filed)",
                false));
        }
        var covered = missing.Length > 0 ? totals.CurrentMonths.Order().ToArray() : null;
        if (covered is not null && covered[^1] < 12)
        {
            // The same months of 2020, as the metrics API compares a period: 1 to the last month filed.
            totals = (await grain.GetTotalsAsync(new PeriodQuery(year, covered[^1]), Service))!;
        }
        // The same methodology calls as the metrics API, so the report shows what the API reports.
        var (region, basis) = (options.Value.GridRegion, options.Value.EnergyBasis);
        var accounts = PeriodAccounts.Compare(totals.Current, year, totals.Baseline, factors, region, basis);
        // 2020 as compared (its electricity at the compared year's grid factor under the fixed policy), so the CO2 on the
        // page and the intensity beside it agree.
        var (current, baseline, compare) = (accounts.Current, accounts.BaselineCompared, accounts.Comparison);
        var months = (await grain.GetMonthsAsync(year, Service))!.Select((t, i) =>
        {
            if (t is null)
            {
                return new MonthPoint(i + 1, null, null);
            }
            var a = Account.Compute(t, factors, year, region);
            return new MonthPoint(i + 1, R(a.Energy.EquivalentTce), R(a.Co2.TotalT));
        }).ToList();
        // Value added and every intensity on the comparison's one price basis, which the report prints.
        ReportFigures Figures(int y, Account a, decimal valueAdded, Intensities i) =>
            new(y, R(a.Energy.CalorificTce), R(a.Energy.EquivalentTce), R(a.Co2.TotalT), R(a.WaterM3), R(valueAdded), R(i.Energy(basis)),
                R(i.Co2TPer10kYuan), R(i.WaterM3Per10kYuan));
        return (new AnnualReportData(header, uscc.Value, view.Profile.Name, year,
            Figures(year, current, compare.CurrentValueAdded, compare.Current),
            Figures(IntensityAccounting.BaselineYear, baseline, compare.BaselineValueAdded, compare.Baseline),
            [
                new ReportReductionLine(basis == EnergyBasis.Calorific ? "单位增加值能耗（当量值）" : "单位增加值能耗（等价值）", R(compare.Reduction.EnergyIntensity)),
                new ReportReductionLine("单位增加值二氧化碳排放", R(compare.Reduction.Co2Intensity)),
                new ReportReductionLine("单位增加值用水量", R(compare.Reduction.WaterIntensity)),
            ],
            months,
            compare.PriceBasis == PriceBasis.Current ? "当年价 (current prices)"
                : compare.PriceProvisional
                    ? $"2020年可比价，{year}年价格指数未发布，暂用{compare.CurrentPriceIndex!.Factor.Year}年，初步数 (comparable 2020 prices, provisional)"
                    : "2020年可比价 (comparable 2020 prices)",
            factors.Version,
            [Clauses.Calorific, Clauses.Equivalent, Clauses.Combustion, Clauses.PurchasedElectricity, Clauses.PurchasedHeat, Clauses.Reduction],
            covered), null);
    }

    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    private static decimal R(decimal v) => Display.Round(v);

    private static decimal? R(decimal? v) => Display.Round(v);

    /// <summary>一企一单 of one firm in a finished evaluation run.</summary>
    public async Task<(MuYieldNoticeData? Data, BuildProblem? Problem)> MuYieldNoticeAsync(CertificateHeader header, string evaluationId, Uscc uscc)
    {
        var run = grains.GetGrain<IEvaluationGrain>(evaluationId);
        if (await run.GetSummaryAsync(Service) is not { } summary)
        {
            return (null, new BuildProblem("evaluationId", $"无此评价记录 {evaluationId} (no evaluation run)", true));
        }
        if (await run.GetFirmAsync(uscc.Value, Service) is not { } firm)
        {
            return (null, new BuildProblem("uscc", $"企业 {uscc} 未参加该次评价 (not evaluated in run {evaluationId})", true));
        }
        var t = firm.Tariff;
        return (new MuYieldNoticeData(header, uscc.Value, firm.Firm.Name, summary.Year, summary.MethodName, summary.MethodVersion,
            summary.Populations.First(p => p.Id == firm.Firm.Population).Name, firm.Firm.TotalScore, firm.Firm.Rank,
            firm.Firm.RankedInPopulation, firm.Firm.Class, firm.Firm.ExemptReason,
            firm.Indicators.Select(i => new NoticeIndicatorLine(i.Name, i.Unit, i.Value, i.Benchmark, i.Weight, i.Score)).ToList(),
            t is null ? null : new NoticeTariffLine(t.Class, t.ElectricityYuanPerKwh, t.WaterYuanPerT, t.GasYuanPerM3, t.SewageYuanPerT,
                t.LandUseTaxReliefPercent), ClassNote(firm.Firm)), null);
    }

    /// <summary>Where a 混合型企业's class comes from its parcel group's merged evaluation, the sentence that says so.</summary>
    private static string? ClassNote(EvaluationFirmView f) =>
        f is { ClassFrom: Domain.MuYield.ClassSource.Merged, ParcelGroup: { TotalScore: { } score, Rank: { } rank } g }
            ? $"混合型企业（地块组 {g.Code}，{g.Members.Length} 家）按合并评价确定类别：合并得分 {Display.Text(score, 2)}，" +
              $"第 {rank} 名 / 共 {g.RankedInPopulation} 家，{g.Class} 类；本企业独立评价得分 {Display.Text(f.TotalScore, 2)}，" +
              $"{f.AloneClass} 类（排名为本企业代替该组时的名次）。"
            : null;

    /// <summary>The certificate of an approved application, from its frozen grade.</summary>
    public async Task<(GreenFactoryCertificateData? Data, BuildProblem? Problem, int Year)> GreenFactoryAsync(
        CertificateHeader header, string applicationId, Uscc uscc)
    {
        var outcome = await grains.GetGrain<IGreenFactoryApplicationGrain>(applicationId).GetAsync(Service);
        if (outcome.View is not { } a)
        {
            return (null, new BuildProblem("applicationId", $"无此申报 {applicationId} (no application)", true), 0);
        }
        if (a.Uscc != uscc)
        {
            return (null, new BuildProblem("uscc", $"申报 {applicationId} 不属于企业 {uscc} (the application is another firm's)", false), 0);
        }
        if (a.Status != "approved" || !a.Frozen)
        {
            return (null, new BuildProblem("applicationId", $"申报状态为 {a.Status}，仅已批准的申报可发证 (only an approved application gets a certificate)", false), 0);
        }
        var g = a.Grade;
        return (new GreenFactoryCertificateData(header, uscc.Value, a.EnterpriseName, a.Year, g.Edition, g.RuleSetVersion, g.TotalScore,
            g.PassScore, g.Categories.Select(c => new CategoryScoreLine(c.Name, c.Weight, c.Score)).ToList()), null, a.Year);
    }

    /// <summary>
    /// The document of one step of a supervision case (<paramref name="caseStep"/> = "case id:step number", 1-based): a
    /// notice, an on-site record, an order, advice or a re-inspection opinion, with the case's findings as they stand.
    /// </summary>
    public async Task<(SupervisionDocumentData? Data, BuildProblem? Problem)> SupervisionDocumentAsync(CertificateHeader header, string caseStep, Uscc uscc)
    {
        var parts = caseStep.Split(':');
        if (parts is not [var caseId, var number] || !int.TryParse(number, out var index) || caseId.Length != 32 || !caseId.All(char.IsAsciiHexDigit))
        {
            return (null, new BuildProblem("caseStep", "caseStep 为“案件号:步骤序号” (case id and step number)", false));
        }
        var answer = await grains.GetGrain<ISupervisionCaseGrain>(caseId).GetAsync(Service);
        if (answer.View is not { } c || c.Uscc != uscc)
        {
            return (null, new BuildProblem("caseStep", $"无此案件 {caseId} (no case of this firm)", true));
        }
        if (index < 1 || index > c.Steps.Length)
        {
            return (null, new BuildProblem("caseStep", $"案件无第 {index} 步 (no step {index})", true));
        }
        var step = c.Steps[index - 1];
        const string law = "《中华人民共和国节约能源法》；《节能监察办法》（国家发展和改革委员会令2016年第33号）";
        (string Title, string English, string? DateLabel, string Closing, bool Findings)? kind = step.Kind switch
        {
            Domain.Supervision.StepKind.Notified => ("节能监察通知书", "Notice of energy-saving inspection",
                c.Mode == Domain.Supervision.InspectionMode.OnSite ? "现场检查日期" : null, "请贵单位按时接受监察，如实提供有关资料。", false),
            Domain.Supervision.StepKind.OnSite => ("节能监察现场检查笔录", "On-site inspection record", null,
                "以上笔录经被监察单位核对无误。", true),
            Domain.Supervision.StepKind.Order => ("限期整改通知书", "Rectification order", "整改期限",
                "请贵单位在整改期限内完成整改，并书面报送整改情况；逾期未整改的，依法移送处理。", true),
            Domain.Supervision.StepKind.Advice => ("节能监察建议书", "Energy-saving advice", null, "请贵单位研究采纳。", true),
            Domain.Supervision.StepKind.ReInspected => ("节能监察复查意见书", "Re-inspection opinion", null,
                step.Passed == true ? "经复查，整改已完成。" : "经复查，整改未到位，依法移送处理。", true),
            _ => null,
        };
        if (kind is not { } k)
        {
            return (null, new BuildProblem("caseStep", $"“{Domain.Supervision.SupervisionWorkflow.Describe(step.Kind)}”不出具文书 (this step has no document)", false));
        }
        var findings = k.Findings
            ? c.Findings.Select(f => new DocumentFindingLine(f.Number, f.Category.ChineseName(), f.RuleRef, f.Text,
                f.Measured is { } m ? $"{Display.Text(m, 3)} / {(f.Limit is { } lim ? Display.Text(lim, 3) : "—")} {f.Unit}".Trim() : null)).ToList()
            : [];
        return (new SupervisionDocumentData(header, uscc.Value, c.EnterpriseName, c.Year, k.Title, k.English, c.Id, index,
            c.Mode == Domain.Supervision.InspectionMode.OnSite ? "现场监察" : "书面监察", step.On, step.Date, step.Date is null ? null : k.DateLabel,
            step.Inspectors ?? [], findings, step.Text, law, k.Closing), null);
    }

    /// <summary>
    /// 年度节能监察报告: every case of <paramref name="year"/> replayed through the workflow and summed
    /// (<see cref="SupervisionSummary.Of"/>) as of today, with the cases that led to an order, advice or referral listed.
    /// Refused when the year has no case.
    /// </summary>
    public async Task<(SupervisionReportData? Data, BuildProblem? Problem)> SupervisionReportAsync(CertificateHeader header, int year)
    {
        var names = (await registry.LoadRegistryAsync()).ToDictionary(r => r.Identity.Uscc, r => r.Profile.Name, StringComparer.Ordinal);
        var cases = (await supervision.ListCasesAsync(year))
            .Select(r => SupervisionWorkflow.Replay(SupervisionCaseGrain.Header(r), r.Steps.Select(SupervisionCaseGrain.ToDomain).ToList()).Case)
            .OfType<SupervisionCase>()
            .ToList();
        if (cases.Count == 0)
        {
            return (null, new BuildProblem("year", $"{year} 年度无节能监察案件，无可报告 (no supervision case in {year})", false));
        }
        var today = clock.Today;
        var s = SupervisionSummary.Of(year, cases, today);
        static bool Documented(SupervisionCase c) => c.Steps.Any(t => t.Kind is StepKind.Order or StepKind.Advice or StepKind.Referred);
        var listed = cases.Where(Documented)
            .Select(c => new ReportCaseLine(names.GetValueOrDefault(c.Header.Uscc.Value, c.Header.Uscc.Value), c.Header.Uscc.Value,
                c.Header.Mode.ChineseName(), c.Header.Trigger.ChineseName(),
                c.Outcome is { } o ? $"{c.State.ChineseName()}（{o.ChineseName()}）" : c.State.ChineseName(),
                c.Findings.Count, c.State == CaseState.RectificationOrdered ? c.Deadline : null))
            .OrderBy(c => c.State, StringComparer.Ordinal).ThenBy(c => c.Uscc, StringComparer.Ordinal)
            .ToList();
        return (new SupervisionReportData(header, options.Value.Certificates.Issuer, year, today, s.Cases, s.Inspected, s.Visited, s.Orders, s.Advice, s.Rectified,
            s.Referred, s.RectificationRate, s.Overdue,
            s.ByState.Select(p => new CountLine(p.Key.ChineseName(), p.Value)).ToList(),
            s.FindingsByCategory.Select(p => new CountLine(p.Key.ChineseName(), p.Value)).ToList(),
            listed), null);
    }
}
