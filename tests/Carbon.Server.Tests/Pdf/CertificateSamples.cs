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
}
