using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Carbon.Domain.Supervision;
using Carbon.Server.Configuration;
using Carbon.Server.Demo;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Microsoft.Extensions.Options;

namespace Carbon.Server.Hosting;

/// <summary>
/// In demo mode, once the silo serves grains and the ledger holds no supervision case: a plan for three resin makers
/// (one case planned, one notified for a visit in a week) and two complaint cases — one on the demo filer's own firm,
/// inspected and waiting for the firm's statement, one with a rectification order running. All through the grains,
/// by the demo inspectors, so every step is on the ledger like any other.
/// </summary>
public sealed class DemoSupervisionStartup(
    IHostApplicationLifetime lifetime, IOptions<CarbonOptions> options, IGrainFactory grains, SupervisionReads reads, RegistryReads registry,
    ReportingClock clock, ILogger<DemoSupervisionStartup> log)
    : DemoSeedAfterStart(lifetime, options, log)
{
    protected override string What => "the supervision cases";

    protected override async Task SeedAsync()
    {
        if ((await reads.ListCasesAsync()).Count > 0)
        {
            return;
        }
        var inspector = Caller.Of("inspector", Role.Inspector);
        var today = clock.Today;
        var resin = (await registry.LoadRegistryAsync()).Where(r => r.Profile.IndustryCode == "C2651")
            .Select(r => r.Identity.Uscc).Order(StringComparer.Ordinal).Take(4).ToList();
        if (resin.Count < 4)
        {
            return;
        }
        var plan = await grains.GetGrain<ISupervisionPlanGrain>(Guid.NewGuid().ToString("N")).CreateAsync(new CreatePlan(today.Year, PlanKind.KeyArea,
            $"{today.Year}年化工行业能耗限额专项监察（演示）",
            resin.Take(3).Select(u => new PlanTarget(Uscc.Parse(u), "GB 21257-2024 聚氯乙烯单耗", InspectionMode.OnSite, [])).ToArray(), null, null, inspector));
        if (plan.View is { } p)
        {
            await Step(p.CaseIds[1], StepKind.Notified, text: "监察通知书（演示）", date: today.AddDays(7));
        }

        // A complaint on the demo filer's firm: visited by two inspectors, a metering finding, heard next.
        var own = await Open(DemoDistrict.Uscc(0), "群众反映二级计量缺失（演示）");
        await Step(own, StepKind.Notified, text: "监察通知书（演示）", date: today);
        await Step(own, StepKind.OnSite, text: "现场检查笔录：主要次级用能单位电表配备不全（演示）", inspectors: ["inspector", "inspector2"]);
        await Step(own, StepKind.Finding, finding: new FindingInput(FindingCategory.Metering, "4.3.2",
            "主要次级用能单位电力计量器具配备率 80%，低于 GB 17167-2006 表3 要求的 100%", 80m, 100m, "%", []));
        await Step(own, StepKind.Hearing);

        // A resin maker under a rectification order, its report due in 30 days.
        var ordered = await Open(resin[3], "举报：在用淘汰变压器（演示）");
        await Step(ordered, StepKind.Notified, date: today);
        await Step(ordered, StepKind.OnSite, text: "现场检查笔录（演示）", inspectors: ["inspector", "inspector2"]);
        await Step(ordered, StepKind.Finding, finding: new FindingInput(FindingCategory.PhasedOutEquipment, "b1-007",
            "在用 SL7-1000/10 配电变压器 1 台，属第一批淘汰目录", null, null, null, []));
        await Step(ordered, StepKind.Hearing);
        await Step(ordered, StepKind.Statement, text: "企业负责人表示已采购 SCB13 变压器（记录）");
        await Step(ordered, StepKind.Order, text: "限期整改通知书：30日内更换淘汰变压器（演示）", date: today.AddDays(30));
        log.LogInformation("--demo: a supervision plan and two complaint cases");

        async Task<string> Open(string uscc, string reason)
        {
            var id = Guid.NewGuid().ToString("N");
            await grains.GetGrain<ISupervisionCaseGrain>(id).OpenAsync(new OpenCase(Uscc.Parse(uscc), today.Year, InspectionMode.OnSite,
                InspectionTrigger.Complaint, null, [], reason, inspector));
            return id;
        }

        async Task Step(string id, StepKind kind, string? text = null, DateOnly? date = null, string[]? inspectors = null, FindingInput? finding = null)
        {
            var answer = await grains.GetGrain<ISupervisionCaseGrain>(id)
                .RecordAsync(new CaseStepCommand(kind, today, text, date, inspectors, null, null, finding, null, inspector));
            if (answer.Result != CaseResult.Ok)
            {
                throw new InvalidOperationException($"demo step {kind}: {answer.Message}");
            }
        }
    }
}
