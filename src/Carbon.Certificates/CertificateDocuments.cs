namespace Carbon.Certificates;

// What each certificate shows: plain, immutable data, frozen when the certificate is issued and stored with it, so
// the same data always renders the same PDF bytes. Money in 万元; figures already rounded for display.

/// <summary>What every certificate carries: its number, issue date, validity, issuer and the URL that verifies it.</summary>
public sealed record CertificateHeader(
    string Number,
    DateTimeOffset IssuedAt,
    DateOnly? ValidUntil,
    string Issuer,
    string VerificationUrl);

/// <summary>绿色工厂证书: the firm, the edition it was graded against, and its scores.</summary>
public sealed record GreenFactoryCertificateData(
    CertificateHeader Header,
    string Uscc,
    string EnterpriseName,
    int Year,
    string Edition,
    string RuleSetVersion,
    decimal TotalScore,
    decimal PassScore,
    IReadOnlyList<CategoryScoreLine> Categories);

/// <summary>One scored category (一级指标 / 维度) of a green-factory grade.</summary>
public sealed record CategoryScoreLine(string Name, decimal Weight, decimal Score);

/// <summary>
/// 亩均效益综合评价结果告知书 (一企一单): indicators, benchmarks, scores, class and tariff of one firm. <see cref="ClassNote"/>
/// says where the class comes from when it is not the firm's own evaluation (a 混合型企业's merged evaluation).
/// </summary>
public sealed record MuYieldNoticeData(
    CertificateHeader Header,
    string Uscc,
    string EnterpriseName,
    int Year,
    string MethodName,
    string MethodVersion,
    string Population,
    decimal TotalScore,
    int? Rank,
    int RankedInPopulation,
    string? Class,
    string? ExemptReason,
    IReadOnlyList<NoticeIndicatorLine> Indicators,
    NoticeTariffLine? Tariff,
    string? ClassNote = null);

public sealed record NoticeIndicatorLine(string Name, string Unit, decimal? Value, decimal Benchmark, decimal Weight, decimal Score);

public sealed record NoticeTariffLine(
    string Class,
    decimal ElectricityYuanPerKwh,
    decimal WaterYuanPerT,
    decimal GasYuanPerM3,
    decimal SewageYuanPerT,
    decimal LandUseTaxReliefPercent);

/// <summary>
/// 年度能源与碳排放报告: the year's figures against 2020, a 12-month trend, the factor set and clauses. Value added and the
/// intensities are on <see cref="PriceBasis"/>. <see cref="CoveredMonths"/> is null for a whole year; a partial report
/// lists the months it covers (compared with months 1 to the last of them in 2020) and says so on its face.
/// </summary>
public sealed record AnnualReportData(
    CertificateHeader Header,
    string Uscc,
    string EnterpriseName,
    int Year,
    ReportFigures Current,
    ReportFigures Baseline,
    IReadOnlyList<ReportReductionLine> Reductions,
    IReadOnlyList<MonthPoint> Months,
    string PriceBasis,
    string FactorSetVersion,
    IReadOnlyList<string> Clauses,
    IReadOnlyList<int>? CoveredMonths = null);

/// <summary>
/// A year's totals: 综合能耗 (tce, 当量值 and 等价值), CO2 (t), water (m³), value added (万元, on the report's price basis),
/// and the intensities per 万元 of that value added.
/// </summary>
public sealed record ReportFigures(
    int Year,
    decimal EnergyCalorificTce,
    decimal EnergyEquivalentTce,
    decimal Co2T,
    decimal WaterM3,
    decimal ValueAdded,
    decimal? EnergyTcePer10kYuan,
    decimal? Co2TPer10kYuan,
    decimal? WaterM3Per10kYuan);

/// <summary>A reduction against 2020 (fraction: 0.16 = 16 % lower), with its label (e.g. "单位增加值能耗").</summary>
public sealed record ReportReductionLine(string Name, decimal? Reduction);

/// <summary>One month of the trend chart (month 1..12; null where nothing was filed).</summary>
public sealed record MonthPoint(int Month, decimal? EnergyEquivalentTce, decimal? Co2T);

/// <summary>
/// 节能监察文书 of one step of a case: <see cref="Title"/> names it (监察通知书, 现场检查笔录, 限期整改通知书, 节能监察建议书,
/// 复查意见书), the case and step it records, the dates, the inspectors, the findings with the rules they cite, the text
/// of the step and its legal basis.
/// </summary>
public sealed record SupervisionDocumentData(
    CertificateHeader Header,
    string Uscc,
    string EnterpriseName,
    int Year,
    string Title,
    string TitleEnglish,
    string CaseId,
    int Step,
    string Mode,
    DateOnly On,
    DateOnly? Date,
    string? DateLabel,
    IReadOnlyList<string> Inspectors,
    IReadOnlyList<DocumentFindingLine> Findings,
    string? Text,
    string LegalBasis,
    string Closing);

/// <summary>A finding as a document lists it: number, category, the rule cited, what was found, measured against the limit.</summary>
public sealed record DocumentFindingLine(int Number, string Category, string RuleRef, string Text, string? Measured);

/// <summary>
/// 年度节能监察报告 of the district: the year's cases, inspections and visits, the rectification rate, cases by state,
/// findings by category, and every case with its firm, mode, trigger, state and findings, as of <see cref="AsOf"/>.
/// <see cref="EnterpriseName"/> is the subject the register shows: the district (the issuer), not a firm.
/// </summary>
public sealed record SupervisionReportData(
    CertificateHeader Header,
    string EnterpriseName,
    int Year,
    DateOnly AsOf,
    int Cases,
    int Inspected,
    int Visited,
    int Orders,
    int Advice,
    int Rectified,
    int Referred,
    decimal? RectificationRate,
    int Overdue,
    IReadOnlyList<CountLine> ByState,
    IReadOnlyList<CountLine> FindingsByCategory,
    IReadOnlyList<ReportCaseLine> CaseList);

/// <summary>A named count (a state, a finding category).</summary>
public sealed record CountLine(string Name, int Count);

/// <summary>A case as the annual report lists it.</summary>
public sealed record ReportCaseLine(string EnterpriseName, string Uscc, string Mode, string Trigger, string State, int Findings, DateOnly? Deadline);

/// <summary>
/// 规划实施评估报告 of the district plan: the year's annual evaluation (年度评估) or, when <see cref="MidTerm"/>, the
/// mid-term one (中期评估) — every target's progress and projection, the tasks by responsible unit, and the year's key
/// figures, as of <see cref="AsOf"/>. <see cref="EnterpriseName"/> is the issuer (the district), as on
/// <see cref="SupervisionReportData"/>, so the register can show it like any other certificate.
/// </summary>
public sealed record PlanEvaluationData(
    CertificateHeader Header,
    string EnterpriseName,
    string PlanId,
    string PlanName,
    int BaselineYear,
    int TargetYear,
    int Year,
    bool MidTerm,
    DateOnly AsOf,
    IReadOnlyList<PlanTargetLine> Targets,
    IReadOnlyList<UnitTaskLine> TasksByUnit,
    IReadOnlyList<KeyFigureLine> YearFigures);

/// <summary>
/// A plan target as the evaluation lists it. <see cref="Unit"/> "ratio" means a fraction (0.16 = 16 %), shown as a
/// percentage; <see cref="Progress"/> is a fraction of the way from baseline to target (may be below 0 or above 1);
/// <see cref="Status"/> is already in Chinese: 达成 / 按期可达 / 滞后 / 未达成 / 无基期 / 无数据.
/// </summary>
public sealed record PlanTargetLine(string Name, string Unit, decimal Target, decimal? Baseline, decimal? Latest, decimal? Progress,
    decimal? Projection, string Status);

/// <summary>
/// A responsible unit's tasks: how many, done, on schedule, slipping (a stage goal past its date), with reports
/// overdue, and the mean % done (0..100; null when no task has reported).
/// </summary>
public sealed record UnitTaskLine(string Unit, int Tasks, int Done, int OnSchedule, int Slipping, int OverdueReports, decimal? MeanPercentDone);

/// <summary>A key figure of the year (green factories, land freed, rectification, supervision cases, policy outlay…), already formatted.</summary>
public sealed record KeyFigureLine(string Name, string English, string Value);
