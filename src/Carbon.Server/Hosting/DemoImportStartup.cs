using Carbon.Domain.Access;
using Carbon.Server.Configuration;
using Carbon.Server.Demo;
using Carbon.Server.Features.Intake;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Carbon.Sheets;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Hosting;

/// <summary>
/// In demo mode, once the silo serves grains and no file was ever imported: the demo filer's 205-1 forms for January and
/// February of this year, uploaded and checked but not confirmed. January balances; February's coal does not close (a
/// refused cell). The import page shows the check, and the person trying the demo confirms it — or not: nothing is written
/// until then.
/// </summary>
public sealed class DemoImportStartup(
    IHostApplicationLifetime lifetime, IOptions<CarbonOptions> options, IGrainFactory grains, IntakeReads reads, ImportService imports,
    ReportingClock clock, ILogger<DemoImportStartup> log)
    : DemoSeedAfterStart(lifetime, options, log)
{
    protected override string What => "the import job";

    protected override async Task SeedAsync()
    {
        if ((await reads.ListAsync(take: 1)).Count > 0 || clock.CurrentMonth.Month < 3)
        {
            return;
        }
        var firm = DemoDistrict.Uscc(0);
        var year = clock.Today.Year;
        var file = SheetFiles.Write(SheetFormat.Xlsx,
        [
            Sheet($"{year}-01", firm, $"{year}年1月", 120m, 100m),   // 120 + 400 − 420 = 100
            Sheet($"{year}-02", firm, $"{year}年2月", 100m, 90m),    // 100 + 400 − 420 = 80, not 90: refused at column 9
        ]);
        var filer = Caller.Of("filer", Role.Filer, [DemoDistrict.Uscc(0), DemoDistrict.Uscc(1)]);
        var name = $"205-1-{year}-01-02（演示 demo）.xlsx";
        var check = await imports.CheckAsync(name, file, filer);
        await grains.GetGrain<IImportJobGrain>(Guid.NewGuid().ToString("N"))
            .CreateAsync(new ImportUpload(name, file, check.Sha256, check.Preview.Kind), new ImportCommit(check.Firms, check.Preview), filer);
        log.LogInformation("--demo: a 205-1 import waiting for confirmation");
    }

    /// <summary>A 205-1 form of one month: coal (opening and closing given), natural gas and electricity, and 能源合计.</summary>
    private static GridOut Sheet(string name, string uscc, string period, decimal opening, decimal closing) => new(name,
    [
        new object?[] { "能源购进、消费与库存" },
        new object?[] { "统一社会信用代码：", uscc, null, null, null, null, null, null, null, null, null, "报告期：", period },
        new object?[] { "能源名称", "计量单位", "代码", "期初库存量", "购进量", "金额（千元）", "消费量合计", "工业生产消费", "#用作原材料", "非工业生产消费",
            "#运输工具消费", "期末库存量", "采用折标系数", "参考折标系数" },
        new object?[] { "甲", "乙", "丙", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "丁" },
        new object?[] { "原煤", "吨", "01", opening, 400m, 200m, 420m, 400m, null, 20m, null, closing, 0.7143m, 0.7143m },
        new object?[] { "天然气", "万立方米", "15", 0m, 4m, 120m, 4m, 4m, null, null, null, 0m, 12.143m, 12.143m },
        new object?[] { "电力", "万千瓦时", "34", 0m, 90m, 630m, 90m, 90m, null, null, null, 0m, 1.229m, 1.229m },
        // 420 × 0.7143 + 4 × 12.143 + 90 × 1.229 = 459.188; 400 × 0.7143 + 48.572 + 110.61 = 444.902
        new object?[] { "能源合计", "吨标准煤", "40", null, null, null, 459.19m, 444.90m },
        new object?[] { "单位负责人：（演示）" },
    ], 0);
}
