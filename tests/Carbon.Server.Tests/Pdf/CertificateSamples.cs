using Carbon.Certificates;

namespace Carbon.Server.Tests.Pdf;

/// <summary>Sample certificate data: a firm name with rare characters (堃喆珺镕) and figures that exercise rounding.</summary>
internal static class CertificateSamples
{
    public const string Name = "宁波鄞州堃喆珺镕绿色制造有限公司";
    public const string Uscc = "91330212MA2H4XYZ3K";

    /// <summary>20:00 UTC on 27 November is 04:00 on 28 November in Beijing, the date the certificate must show.</summary>
    public static readonly DateTimeOffset IssuedAt = new(2026, 11, 27, 20, 0, 0, TimeSpan.Zero);

    public static CertificateHeader Header(string number, DateOnly? validUntil = null) =>
        new(number, IssuedAt, validUntil, "宁波市鄞州区经济和信息化局", $"https://carbon.yinzhou.gov.cn/verify/{number}?h=3f9a1c0b7d2e");

    public static GreenFactoryCertificateData GreenFactory(string number = "GF-2026-000123") =>
        new(Header(number, new DateOnly(2029, 11, 27)), Uscc, Name, 2026, "GB/T 36132-2025", "gbt36132-2025@1.2.0", 85.37m, 70m,
        [
            new("能源低碳化", 30m, 25.5m),
            new("资源高效化", 20m, 17.25m),
            new("生产洁净化", 20m, 16m),
            new("产品绿色化", 15m, 13.124m),
            new("用地集约化", 15m, 13.5m),
        ]);

    public static MuYieldNoticeData MuYield(string number = "MN-2025-000045") =>
        new(Header(number, new DateOnly(2026, 12, 31)), Uscc, Name, 2025, "鄞州区工业企业亩均效益综合评价办法", "district-default@4.0",
            "规上工业企业", 87.65m, 12, 356, "A", null,
            [
                new("亩均税收", "万元/亩", 38.4512m, 24.097m, 35m, 53.55m),
                new("亩均营业收入", "万元/亩", 410m, 352.5m, 0m, 0m),
                new("亩均增加值", "万元/亩", 160.2m, 120m, 20m, 26.7m),
                new("单位能耗增加值", "万元/tce", 2.35m, 1.8m, 15m, 19.58m),
                new("单位排放增加值", "万元/t", null, 520m, 10m, 8.4m),
                new("全员劳动生产率", "万元/人", 45.6m, 38m, 10m, 12m),
                new("R&D经费支出占主营业务收入之比", "ratio", 0.0345m, 0.021m, 10m, 16.43m),
            ],
            new NoticeTariffLine("A", 0.0512m, 0m, 0m, 0m, 100m));

    public static AnnualReportData AnnualReport(string number = "AR-2026-000007") =>
        new(Header(number), Uscc, Name, 2026,
            new ReportFigures(2026, 11234.5678m, 12345.678m, 29876.54m, 123456m, 45678.9m, 0.270271m, 0.654056m, 2.702701m),
            new ReportFigures(2020, 12100m, 13050.25m, 33210.75m, 150234m, 38000m, 0.343428m, 0.873967m, 3.953526m),
            [
                new("单位增加值能耗（等价值）", 0.213012m),
                new("单位增加值二氧化碳排放", 0.251625m),
                new("单位增加值用水量", null),
            ],
            Enumerable.Range(1, 12)
                .Select(m => m == 8 ? new MonthPoint(m, null, null) : new MonthPoint(m, 950m + m * 23.5m, 2450.5m + m * 61m))
                .ToList(),
            "2020年可比价 (comparable 2020 prices)", "factors-2026.1",
            [
                "GB/T 2589-2020 §3.9 折标准煤系数, 附录A (当量值)",
                "GB/T 32150-2015 燃料燃烧排放 (AD × NCV × CC × OF × 44/12); 缺省值 GB/T 32151 / 发改委行业指南",
                "降低率 = 1 − I(当期) / I(2020), 浙江省工业领域碳达峰实施方案口径",
            ]);

    public const string District = "宁波市鄞州区人民政府";
    public const string PlanName = "鄞州区绿色制造与工业低碳发展“十四五”规划";

    /// <summary>
    /// The district plan 2021—2025 (基期 2020) evaluated for 2023 (mid-term) or 2024 (annual): ten targets, ratio and
    /// level units mixed, one without progress (no baseline), three 滞后, one past its target and one going backwards;
    /// four responsible units; six key figures. Hand-checked for 2023 (projection factor (2025 − 2020) ÷ (2023 − 2020) = 5/3):
    /// 能耗降低 0.1185 ÷ 0.16 = 0.740625, projected 0.1185 × 5/3 = 0.1975 ≥ 0.16; 亩均税收 (44.85 − 32.5) ÷ (49 − 32.5)
    /// = 0.748485, projected 32.5 + 12.35 × 5/3 = 53.0833; 绿色工厂 68 ÷ 64 = 1.0625; 低效用地 2 650 × 5/3 = 4 416.67 &lt; 5 000
    /// (滞后); 清洁能源 (0.108 − 0.12) ÷ 0.13 = −0.092308. Tasks: 34 in all, 12 done, 16 on schedule, 5 slipping, 3 overdue;
    /// mean done weighted by tasks of the units that reported (71.43 × 14 + 62.5 × 9 + 48 × 6) ÷ 29 = 63.8110 %.
    /// </summary>
    public static PlanEvaluationData PlanEvaluation(bool midTerm, string? number = null) =>
        new(Header(number ?? (midTerm ? "PE-2024-000002" : "PE-2025-000003")), District, "plan-yz-2021", PlanName, 2020, 2025,
            midTerm ? 2023 : 2024, midTerm, midTerm ? new DateOnly(2024, 3, 31) : new DateOnly(2025, 3, 31),
            [
                new("规上工业单位增加值能耗降低率", "ratio", 0.16m, 0m, 0.1185m, 0.740625m, 0.1975m, "按期可达"),
                new("规上工业单位增加值二氧化碳排放降低率", "ratio", 0.18m, 0m, 0.0825m, 0.458333m, 0.1375m, "滞后"),
                new("规上工业亩均税收", "万元/亩", 49m, 32.5m, 44.85m, 0.748485m, 53.0833m, "按期可达"),
                new("规上工业亩均增加值", "万元/亩", 180m, 138.2m, 171.405m, 0.794378m, 193.5417m, "按期可达"),
                new("省级以上绿色工厂", "家", 100m, 36m, 104m, 1.0625m, 149.3333m, "达成"),
                new("低效用地再开发", "亩", 5000m, 0m, 2650m, 0.53m, 4416.6667m, "滞后"),
                new("工业园区（小微园）", "个", 30m, 18m, 27m, 0.75m, 33m, "按期可达"),
                new("规上工业企业数字化改造覆盖率", "ratio", 0.8m, null, 0.62m, null, null, "无基期"),
                new("工业固体废物综合利用率", "ratio", 0.95m, 0.91m, 0.9345m, 0.6125m, 0.950833m, "按期可达"),
                new("清洁能源消费占比", "ratio", 0.25m, 0.12m, 0.108m, -0.092308m, 0.1m, "滞后"),
            ],
            [
                new("区经济和信息化局", 14, 6, 5, 2, 1, 71.43m),
                new("区发展和改革局", 9, 3, 5, 1, 0, 62.5m),
                new("区自然资源和规划分局", 6, 1, 3, 2, 2, 48m),
                new("区生态环境分局", 5, 2, 3, 0, 0, null),
            ],
            [
                new("新增绿色工厂", "Green factories", "12 家"),
                new("腾出低效用地", "Land freed", "862.50 亩"),
                new("亩均整治提升", "Rectified", "37 / 45 家"),
                new("节能监察案件", "Supervision cases", "58 件"),
                new("政策兑现", "Policy outlay", "12,345.60 万元"),
                new("整改率", "Rectification rate", "82.22%"),
            ]);

    /// <summary>A 节能监察 document of a case (责令整改通知书, step 3) with two findings, one measured against its limit.</summary>
    public static SupervisionDocumentData SupervisionDocument(string number = "SD-2026-000011") =>
        new(Header(number), Uscc, Name, 2026, "责令限期整改通知书", "Rectification order", "sv-2026-0007", 3, "现场监察",
            new DateOnly(2026, 6, 12), new DateOnly(2026, 9, 30), "整改期限", ["王建国（执法证号 33020001）", "李敏（执法证号 33020017）"],
            [
                new(1, "能耗限额", "GB 21258-2017 §4.1", "单位产品综合能耗超过限定值", "412.5 kgce/t > 390 kgce/t"),
                new(2, "淘汰设备", "高耗能落后机电设备（产品）淘汰目录（第四批）", "在用 Y 系列电机 3 台", null),
            ],
            "请于整改期限前完成整改并书面报告整改情况。", "《中华人民共和国节约能源法》第十六条、《浙江省实施〈中华人民共和国节约能源法〉办法》", "特此通知。");

    /// <summary>The district's 年度节能监察报告 with three cases listed.</summary>
    public static SupervisionReportData SupervisionReport(string number = "SR-2026-000001") =>
        new(Header(number), "宁波市鄞州区经济和信息化局", 2026, new DateOnly(2026, 11, 27), 12, 10, 2, 4, 3, 5, 1, 0.8333m, 1,
            [new("已立案", 2), new("整改中", 4), new("已整改", 5), new("已移送", 1)],
            [new("能耗限额", 6), new("淘汰设备", 3), new("能源计量", 2)],
            [
                new(Name, Uscc, "现场监察", "能耗超限额", "整改中", 2, new DateOnly(2026, 9, 30)),
                new("宁波鄞州示例机械有限公司", "91330212MA2H5ABC1D", "书面监察", "年度计划", "已整改", 1, null),
                new("宁波鄞州示例纺织有限公司", "91330212MA2H6DEF2E", "现场监察", "举报", "已移送", 3, new DateOnly(2026, 8, 15)),
            ]);
}
