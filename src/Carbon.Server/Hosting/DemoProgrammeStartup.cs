using System.Text;
using Carbon.Domain.Access;
using Carbon.Domain.LandUse;
using Carbon.Domain.Registry;
using Carbon.Server.Configuration;
using Carbon.Server.Demo;
using Carbon.Server.Features.Programme;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Hosting;

/// <summary>
/// In demo mode, once the parcels are seeded and no rectification case exists: the 2024 and 2025 亩均 runs (the micro-park's
/// dynamic review reads them), cases in every campaign and every state — open, in progress, overdue, closed with evidence
/// in each way — and a micro-park whose firms were reviewed on entry, one of them below its standard in both runs.
/// </summary>
public sealed class DemoProgrammeStartup(
    IHostApplicationLifetime lifetime, IOptions<CarbonOptions> options, IGrainFactory grains, ProgrammeReads reads, LandReads land,
    EvaluationReads evaluations, RegistryReads registry, ProgrammeService programme, ILogger<DemoProgrammeStartup> log)
    : DemoSeedAfterStart(lifetime, options, log)
{
    private static readonly Caller Seed = Caller.System(DemoDistrict.Actor);

    protected override string What => "the rectification cases and micro-parks";

    protected override async Task SeedAsync()
    {
        if ((await reads.ListCasesAsync()).Count > 0)
        {
            return;
        }
        for (var i = 0; i < 120 && (await land.ListAsync()).Count < 9; i++)
        {
            await Task.Delay(500);   // the runs below read the parcels' land
        }
        if ((await evaluations.ListRunsAsync()).Count == 0)
        {
            foreach (var year in new[] { 2024, 2025 })
            {
                await grains.GetGrain<IEvaluationGrain>(Guid.NewGuid().ToString("N")).RunAsync(year, "district-default", Seed);
            }
        }
        var firms = (await registry.LoadRegistryAsync()).ToDictionary(r => r.Identity.Uscc, r => r.Identity.ParkCode, StringComparer.Ordinal);

        async Task<string> OpenAsync(string campaign, int? firm, string? block, string town, ProblemCategory[] problems, string unit, string measures,
            DateOnly opened, DateOnly deadline)
        {
            var uscc = firm is { } f ? DemoDistrict.Uscc(f) : null;
            var id = Guid.NewGuid().ToString("N");
            var answer = await grains.GetGrain<IRectificationCaseGrain>(id).OpenAsync(new OpenRectification(campaign, uscc is null ? null : Uscc.Parse(uscc),
                block, town, uscc is null ? "YZ-JIANGSHAN" : firms.GetValueOrDefault(uscc), problems, null, unit, measures, deadline, opened, Seed));
            return answer.Result == ProgrammeResult.Done ? id : throw new InvalidOperationException(answer.Message);
        }
        async Task StepAsync(string id, RectificationStep kind, DateOnly on, string text, ClosureKind? closure = null)
        {
            var evidence = Array.Empty<string>();
            if (closure is not null)
            {
                var file = await grains.GetGrain<IRectificationCaseGrain>(id).AttachAsync("整治验收记录（演示）.txt", "text/plain; charset=utf-8",
                    Encoding.UTF8.GetBytes($"整治验收记录（演示）\n案件 {id}\n{on:yyyy-MM-dd} {text}\n"), Seed);
                evidence = [file!.Sha256];
            }
            var answer = await grains.GetGrain<IRectificationCaseGrain>(id).RecordAsync(new RectificationStepCommand(kind, on, text, closure, evidence, Seed));
            if (answer.Result != ProgrammeResult.Done)
            {
                throw new InvalidOperationException(answer.Message);
            }
        }
        DateOnly D(int y, int m, int d) => new(y, m, d);

        // 低散乱污: every state, closed in each way.
        var a = await OpenAsync("scattered-polluting", 21, null, "姜山镇", [ProblemCategory.Pollution, ProblemCategory.Unlicensed], "姜山镇人民政府",
            "拆除露天喷漆工位，办理排污许可", D(2025, 3, 1), D(2025, 9, 30));
        await StepAsync(a, RectificationStep.Started, D(2025, 3, 20), "已停用露天喷漆工位");
        await StepAsync(a, RectificationStep.Closed, D(2025, 9, 12), "验收合格，排污许可已取得", ClosureKind.Rectified);
        var b = await OpenAsync("scattered-polluting", 33, null, "五乡镇", [ProblemCategory.Safety, ProblemCategory.Relocation], "五乡镇人民政府",
            "搬入五乡小微企业园，原作坊关停", D(2025, 6, 1), D(2026, 3, 31));
        await StepAsync(b, RectificationStep.Started, D(2025, 7, 1), "已签订入园协议");
        await StepAsync(b, RectificationStep.Closed, D(2026, 3, 18), "已搬迁入园投产", ClosureKind.RelocatedIntoPark);
        var c = await OpenAsync("scattered-polluting", 47, null, "姜山镇", [ProblemCategory.Pollution], "区生态环境分局",
            "无治理设施的熔炼炉关停", D(2026, 1, 8), D(2026, 4, 30));
        await StepAsync(c, RectificationStep.Closed, D(2026, 4, 22), "熔炉拆除，营业执照注销", ClosureKind.ShutDown);
        var overdue = await OpenAsync("scattered-polluting", 52, null, "五乡镇", [ProblemCategory.Safety, ProblemCategory.BlockGovernance], "五乡镇人民政府",
            "消防通道整治、危化品仓储规范", D(2026, 2, 10), D(2026, 8, 31));
        await StepAsync(overdue, RectificationStep.Started, D(2026, 3, 1), "已清理消防通道");
        await StepAsync(overdue, RectificationStep.Progressed, D(2026, 7, 15), "危化品仓库改造施工中");
        await OpenAsync("scattered-polluting", 0, null, "姜山镇", [ProblemCategory.Pollution], "姜山镇人民政府",
            "废气收集处理设施提标", D(2026, 10, 12), D(2027, 3, 31));
        await OpenAsync("scattered-polluting", 64, null, "东吴镇", [ProblemCategory.Unlicensed], "区市场监管局", "办理营业执照或关停", D(2026, 11, 2), D(2027, 2, 28));

        // 落后产能: one merged away, one under way.
        var d = await OpenAsync("backward-capacity", 15, null, "姜山镇", [ProblemCategory.BackwardCapacity], "区经信局", "淘汰2台落后冲天炉", D(2025, 4, 1), D(2025, 12, 31));
        await StepAsync(d, RectificationStep.Started, D(2025, 5, 1), "冲天炉停用");
        await StepAsync(d, RectificationStep.Closed, D(2025, 11, 20), "并入同行业龙头企业，设备拆除", ClosureKind.Merged);
        var e = await OpenAsync("backward-capacity", 18, null, "五乡镇", [ProblemCategory.BackwardCapacity], "区经信局", "淘汰高耗能电机 14 台", D(2026, 3, 1), D(2026, 12, 31));
        await StepAsync(e, RectificationStep.Started, D(2026, 4, 1), "已更换 6 台");

        // 低效区块 and 小微企业园: blocks and parks as the subject.
        var f = await OpenAsync("low-efficiency-blocks", null, "姜山镇工业街区 A 区", "姜山镇", [ProblemCategory.BlockGovernance], "姜山镇人民政府",
            "区块有机更新：拆除违建 3 200 m²，整合 8 宗零星用地", D(2025, 5, 1), D(2026, 6, 30));
        await StepAsync(f, RectificationStep.Started, D(2025, 6, 1), "违建拆除完成");
        await StepAsync(f, RectificationStep.Closed, D(2026, 6, 18), "通过区块整治验收", ClosureKind.Rectified);
        var g = await OpenAsync("low-efficiency-blocks", null, "姜山镇工业街区 B 区", "姜山镇", [ProblemCategory.BlockGovernance, ProblemCategory.Safety],
            "姜山镇人民政府", "道路与管网改造，消防整治", D(2026, 3, 1), D(2027, 6, 30));
        await StepAsync(g, RectificationStep.Started, D(2026, 4, 10), "管网改造开工");
        var h = await OpenAsync("micro-parks", null, "五乡智造小微企业园", "五乡镇", [ProblemCategory.Relocation], "五乡镇人民政府",
            "建设标准厂房 8.6 万 m²，承接搬迁入园企业", D(2024, 3, 1), D(2025, 12, 31));
        await StepAsync(h, RectificationStep.Started, D(2024, 5, 1), "开工建设");
        await StepAsync(h, RectificationStep.Closed, D(2025, 11, 28), "竣工验收并获评三星级小微企业园", ClosureKind.Rectified);
        await OpenAsync("micro-parks", null, "姜山镇小微企业园（二期）", "姜山镇", [ProblemCategory.Relocation], "姜山镇人民政府", "改造提升老旧厂房",
            D(2026, 9, 1), D(2027, 12, 31));

        // The micro-park: its firms in the 五乡 park reviewed on entry; one admitted before the runs here now fails both.
        var park = await grains.GetGrain<IMicroParkGrain>("XW-WUXIANG-01").RegisterAsync(new RegisterMicroPark("五乡智造小微企业园", "宁波五乡园区运营有限公司",
            "政府主导、国资运营", 86_000m, 3, "五乡镇", "YZ-WUXIANG", [], 3m, "C", Seed));
        if (park.Park is not { } view)
        {
            throw new InvalidOperationException(park.Message);
        }
        var members = firms.Where(x => x.Value == "YZ-WUXIANG").Select(x => Uscc.Parse(x.Key)).Take(12).ToList();
        var byFirm = await programme.ChecksAsync(view, members);
        var checks = members.Select(m => (Firm: m, Checks: byFirm[m])).ToList();
        var failing = checks.FirstOrDefault(x => x.Checks.Length == 2 && x.Checks.All(k => k.Fails.Length > 0));
        if (failing.Checks is not null)
        {
            await grains.GetGrain<IMicroParkGrain>(view.Code).RecordAsync(new MicroParkFirmCommand(MicroParkEvent.Admit, failing.Firm, D(2023, 3, 1),
                "2022年评价达标，准入（演示：入园时的评价不在本账本中）", Seed));
        }
        foreach (var (m, _) in checks.Where(x => failing.Checks is null || x.Firm != failing.Firm))
        {
            await programme.EntryAsync(view.Code, m, D(2026, 2, 1), Seed);
        }
        log.LogInformation("--demo: 13 rectification cases in 4 campaigns, micro-park XW-WUXIANG-01 with {Firms} applicants reviewed", checks.Count);
    }
}
