using System.Security.Claims;
using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Carbon.Domain.Supervision;
using Carbon.Server.Accounts;
using Carbon.Server.Factors;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Supervision;

/// <summary>
/// 节能监察: the rules an inspection checks, plans (with the data's proposals and the 双随机 draw), cases and their steps,
/// evidence files, the automatic checks, and inspectors' declared conflicts. The workflow's rules are the domain's
/// (<see cref="SupervisionWorkflow"/>); see docs/supervision.md.
/// </summary>
public static class SupervisionEndpoints
{

    public static IEndpointRouteBuilder MapSupervision(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/supervision").WithTags("Supervision 节能监察");
        group.MapGet("/rules", Rules).WithName("SupervisionRules")
            .WithSummary("监察规则 Quotas (单位产品能耗限额), phased-out equipment catalogues, GB 17167 metering rates, with status and source");
        group.MapGet("/proposals", ProposalsAsync).WithName("SupervisionProposals")
            .WithSummary("建议对象 Firms the data proposes for a year's plan, each with its reasons");
        group.MapPost("/plans", CreatePlanAsync).WithName("CreateSupervisionPlan")
            .WithSummary("制定计划 A plan with its target firms; a case is opened for each, all or none");
        group.MapPost("/plans/draw", DrawAsync).WithName("DrawSupervisionPlan")
            .WithSummary("双随机 Draw firms and inspectors at random, reproducibly from the recorded seed, excluding declared conflicts");
        group.MapPost("/plans/follow-up", FollowUpAsync).WithName("FollowUpSupervisionPlan")
            .WithSummary("整改复查 The year's plan re-inspecting earlier years' violators (orders, advice, referrals) and cases still open");
        group.MapGet("/plans", ListPlansAsync).WithName("ListSupervisionPlans").WithSummary("监察计划 Every plan, newest first");
        group.MapGet("/plans/{id}", GetPlanAsync).WithName("GetSupervisionPlan").WithSummary("计划 A plan and its cases (as far as the caller may see)");
        group.MapPost("/cases", OpenCaseAsync).WithName("OpenSupervisionCase")
            .WithSummary("立案 A case outside a plan: a complaint, a case investigation, a single check");
        group.MapGet("/cases", ListCasesAsync).WithName("ListSupervisionCases")
            .WithSummary("监察案件 The cases the caller may see with state, deadline and alerts (a firm: its own)");
        group.MapGet("/cases/{id}", GetCaseAsync).WithName("GetSupervisionCase")
            .WithSummary("案件 State, dates, findings, every step with actor and time, alerts");
        group.MapPost("/cases/{id}/steps", RecordAsync).WithName("RecordSupervisionStep")
            .WithSummary("记录一步 Notice, document review, on-site record, finding, hearing, statement, advice, order, report, re-inspection, referral, withdrawal");
        group.MapPost("/cases/{id}/evidence", AttachAsync).WithName("AttachSupervisionEvidence").DisableAntiforgery()
            .WithSummary("证据 Upload a file (≤ 10 MB); findings and reports cite it by SHA-256");
        group.MapGet("/cases/{id}/evidence/{sha256}", EvidenceAsync).WithName("GetSupervisionEvidence").WithSummary("证据文件 An evidence file");
        group.MapGet("/cases/{id}/quota-checks", QuotaChecksAsync).WithName("SupervisionQuotaChecks")
            .WithSummary("能耗限额核查 The firm's 单位产品能耗 from its filings against each matching quota (?plant=new for 准入值)");
        group.MapPost("/checks", Checks).WithName("SupervisionChecks")
            .WithSummary("设备与计量核查 Declared equipment against the 淘汰 catalogues; the meter register against GB 17167-2006");
        group.MapGet("/report", ReportAsync).WithName("SupervisionReport")
            .WithSummary("年度监察报告 A year's inspections, findings by category, orders, rectification rate, referrals");
        group.MapPost("/conflicts", DeclareConflictAsync).WithName("DeclareInspectorConflict")
            .WithSummary("回避声明 The calling inspector declares a conflict with a firm; draws never assign them together");
        group.MapGet("/conflicts", ListConflictsAsync).WithName("ListInspectorConflicts").WithSummary("回避声明 Every declared conflict");
        var registers = api.MapGroup("/enterprises/{uscc}").WithTags("Supervision 节能监察");
        registers.MapGet("/equipment", GetEquipmentAsync).WithName("GetEquipmentRegister")
            .WithSummary("设备台账 The firm's equipment list and the lines on a phased-out catalogue");
        registers.MapPut("/equipment", PutEquipmentAsync).WithName("PutEquipmentRegister")
            .WithSummary("申报设备台账 Replace the equipment list (the firm declares it, or an inspector records it); every revision is kept");
        registers.MapGet("/meters", GetMetersAsync).WithName("GetMeterRegister")
            .WithSummary("计量器具配备 The firm's meter register and the tiers below GB 17167-2006's rates");
        registers.MapPut("/meters", PutMetersAsync).WithName("PutMeterRegister")
            .WithSummary("申报计量器具配备 Replace the meter register; every revision is kept");
        return api;
    }

    private static IFirmRegistersGrain Registers(IGrainFactory grains, string uscc) =>
        grains.GetGrain<IFirmRegistersGrain>(Uscc.TryParse(uscc, null, out var u) ? u.Value : "0");

    private static ProblemHttpResult NoFirm(string uscc) => Problems.NotFound("uscc", $"未登记企业 {uscc}，或您无权查看 (no such firm of yours)");

    internal static async Task<Results<Ok<EquipmentRegisterResponse>, ProblemHttpResult>> GetEquipmentAsync(string uscc, IGrainFactory grains,
        SupervisionService service, ClaimsPrincipal user) =>
        await Registers(grains, uscc).GetAsync(user.RequiredCaller()) is { } v ? TypedResults.Ok(service.Equipment(v)) : NoFirm(uscc);

    internal static async Task<Results<Ok<EquipmentRegisterResponse>, ProblemHttpResult>> PutEquipmentAsync(string uscc, EquipmentRegisterRequest body,
        IGrainFactory grains, SupervisionService service, ClaimsPrincipal user) =>
        await Registers(grains, uscc).SaveEquipmentAsync(SupervisionService.ToLines(body.Lines), body.Reason?.Trim(), user.RequiredCaller()) is { } v
            ? TypedResults.Ok(service.Equipment(v)) : NoFirm(uscc);

    internal static async Task<Results<Ok<MeterRegisterResponse>, ProblemHttpResult>> GetMetersAsync(string uscc, IGrainFactory grains,
        SupervisionService service, ClaimsPrincipal user) =>
        await Registers(grains, uscc).GetAsync(user.RequiredCaller()) is { } v ? TypedResults.Ok(service.Meters(v)) : NoFirm(uscc);

    internal static async Task<Results<Ok<MeterRegisterResponse>, ProblemHttpResult>> PutMetersAsync(string uscc, MeterRegisterRequest body,
        IGrainFactory grains, SupervisionService service, ClaimsPrincipal user) =>
        await Registers(grains, uscc).SaveMetersAsync(
                (body.Lines ?? []).Select(m => new MeterLine(m!.Energy!.Trim(), m.Tier!.Value, m.Required!.Value, m.Equipped!.Value)).ToArray(),
                body.Reason?.Trim(), user.RequiredCaller()) is { } v
            ? TypedResults.Ok(service.Meters(v)) : NoFirm(uscc);

    internal static Ok<RulesResponse> Rules(SupervisionCatalog catalog) => TypedResults.Ok(new RulesResponse(
        catalog.Rules.Quotas.Select(q => new QuotaRuleResponse(q.Id, q.Standard, q.Title, q.Product, q.EnergyUnit, q.ProductUnit, q.Grade1, q.Grade2,
            q.Grade3, q.Status, q.Source)).ToArray(),
        catalog.Rules.PhasedOut.Select(i => new PhasedOutRuleResponse(i.Id, i.BatchName, i.Document, i.Category, i.Type, i.Models.ToArray(), i.PowerMinKw,
            i.PowerMaxKw)).ToArray(),
        catalog.Rules.MeteringRates.ToArray(), catalog.Rules.MeteringStandard));

    internal static async Task<Results<Ok<Proposal[]>, ValidationProblem>> ProposalsAsync(int? year, SupervisionService service,
        Configuration.ReportingClock clock)
    {
        var y = year ?? clock.Today.Year;
        if (y < Configuration.ReportingClock.FirstMonth.Year + 2 || y > clock.Today.Year + 1)
        {
            return Problems.Field("year", $"year 应在 {Configuration.ReportingClock.FirstMonth.Year + 2} 至 {clock.Today.Year + 1} 之间");
        }
        return TypedResults.Ok((await service.ProposalsAsync(y)).ToArray());
    }

    internal static async Task<Results<Created<PlanView>, ProblemHttpResult>> CreatePlanAsync(PlanRequest body, IGrainFactory grains, ClaimsPrincipal user)
    {
        var id = Guid.NewGuid().ToString("N");
        var answer = await grains.GetGrain<ISupervisionPlanGrain>(id).CreateAsync(new CreatePlan(body.Year!.Value, body.Kind!.Value, body.Name!.Trim(),
            body.Targets!.Select(t => new PlanTarget(Uscc.Parse(t!.Uscc!), t.Reason!.Trim(), t.Mode!.Value, [])).ToArray(), null, null,
            user.RequiredCaller()));
        return answer.Result == CaseResult.Ok ? TypedResults.Created($"/api/supervision/plans/{id}", answer.View!) : Problem(answer.Result, answer.Field, answer.Message);
    }

    internal static async Task<Results<Created<PlanView>, ProblemHttpResult>> DrawAsync(DrawRequest body, SupervisionService service, ClaimsPrincipal user)
    {
        var answer = await service.DrawAsync(body, user.RequiredCaller());
        return answer.Result == CaseResult.Ok
            ? TypedResults.Created($"/api/supervision/plans/{answer.View!.Id}", answer.View)
            : Problem(answer.Result, answer.Field, answer.Message);
    }

    internal static async Task<Results<Created<PlanView>, ProblemHttpResult>> FollowUpAsync(FollowUpRequest body, SupervisionService service,
        IGrainFactory grains, ClaimsPrincipal user)
    {
        var targets = await service.FollowUpTargetsAsync(body.Year!.Value);
        if (targets.Count == 0)
        {
            return Problem(CaseResult.Refused, "year", $"{body.Year} 年之前没有需要整改复查的企业 (no earlier violators or open cases)");
        }
        var id = Guid.NewGuid().ToString("N");
        var answer = await grains.GetGrain<ISupervisionPlanGrain>(id)
            .CreateAsync(new CreatePlan(body.Year.Value, PlanKind.FollowUp, body.Name!.Trim(), targets.ToArray(), null, null, user.RequiredCaller()));
        return answer.Result == CaseResult.Ok ? TypedResults.Created($"/api/supervision/plans/{id}", answer.View!) : Problem(answer.Result, answer.Field, answer.Message);
    }

    internal static async Task<Ok<PlanView[]>> ListPlansAsync(SupervisionReads reads, IGrainFactory grains)
    {
        var plans = new List<PlanView>();
        foreach (var p in await reads.ListPlansAsync())
        {
            if (await grains.GetGrain<ISupervisionPlanGrain>(p.Id).GetAsync() is { } view)
            {
                plans.Add(view);
            }
        }
        return TypedResults.Ok(plans.ToArray());
    }

    internal static async Task<Results<Ok<PlanWithCases>, ProblemHttpResult>> GetPlanAsync(string id, IGrainFactory grains, SupervisionService service,
        ClaimsPrincipal user)
    {
        var plan = IsId(id) ? await grains.GetGrain<ISupervisionPlanGrain>(id).GetAsync() : null;
        return plan is null
            ? Problems.NotFound("id", $"无此计划 {id} (no plan {id})")
            : TypedResults.Ok(new PlanWithCases(plan, (await service.ListCasesAsync(user.RequiredCaller(), planId: id)).ToArray()));
    }

    internal static async Task<Results<Created<SupervisionCaseView>, ProblemHttpResult>> OpenCaseAsync(OpenCaseRequest body, IGrainFactory grains,
        ClaimsPrincipal user)
    {
        var id = Guid.NewGuid().ToString("N");
        var answer = await grains.GetGrain<ISupervisionCaseGrain>(id).OpenAsync(new OpenCase(Uscc.Parse(body.Uscc!), body.Year!.Value, body.Mode!.Value,
            body.Trigger!.Value, null, [], body.Reason, user.RequiredCaller()));
        return answer.Result == CaseResult.Ok
            ? TypedResults.Created($"/api/supervision/cases/{id}", answer.View!)
            : Problem(answer.Result, answer.Field, answer.Message);
    }

    internal static async Task<Ok<CaseRow[]>> ListCasesAsync(int? year, SupervisionService service, ClaimsPrincipal user) =>
        TypedResults.Ok((await service.ListCasesAsync(user.RequiredCaller(), year)).ToArray());

    internal static async Task<Results<Ok<SupervisionCaseView>, ProblemHttpResult>> GetCaseAsync(string id, IGrainFactory grains, ClaimsPrincipal user) =>
        Answer(await Case(grains, id).GetAsync(user.RequiredCaller()));

    internal static async Task<Results<Ok<SupervisionCaseView>, ProblemHttpResult>> RecordAsync(string id, StepRequest body, IGrainFactory grains,
        ClaimsPrincipal user)
    {
        var f = body.Finding;
        return Answer(await Case(grains, id).RecordAsync(new CaseStepCommand(body.Kind!.Value, body.On!.Value, body.Text, body.Date,
            body.Inspectors?.Select(i => i!).ToArray(), body.Passed, body.Number,
            f is null ? null : new FindingInput(f.Category!.Value, f.RuleRef!, f.Text!, f.Measured, f.Limit, f.Unit,
                (f.Evidence ?? []).Select(e => e!.ToLowerInvariant()).ToArray()),
            body.Evidence?.Select(e => e!.ToLowerInvariant()).ToArray(), user.RequiredCaller())));
    }

    internal static async Task<Results<Created<EvidenceView>, ProblemHttpResult, ValidationProblem>> AttachAsync(string id, HttpRequest request,
        IGrainFactory grains, ClaimsPrincipal user) =>
        await EvidenceUpload.AttachAsync(request, f => Case(grains, id).AttachAsync(f.Name, f.ContentType, f.Content, user.RequiredCaller()),
            v => $"/api/supervision/cases/{id}/evidence/{v.Sha256}",
            () => Problems.NotFound("id", $"无此案件 {id}，或您不能为其上传证据 (no case {id} you may add evidence to)"));

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> EvidenceAsync(string id, string sha256, IGrainFactory grains,
        SupervisionReads reads, ClaimsPrincipal user)
    {
        if ((await Case(grains, id).GetAsync(user.RequiredCaller())).Result != CaseResult.Ok
            || await reads.FindEvidenceAsync(sha256.ToLowerInvariant()) is not { } file || file.CaseId != id)
        {
            return Problems.NotFound("sha256", $"本案无此证据文件 (no such evidence file in case {id})");
        }
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    internal static async Task<Results<Ok<QuotaCheckResponse[]>, ProblemHttpResult>> QuotaChecksAsync(string id, string? plant, IGrainFactory grains,
        SupervisionService service, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        var answer = await Case(grains, id).GetAsync(caller);
        if (answer.View is not { } view)
        {
            return Problem(answer.Result, answer.Field, answer.Message);
        }
        var checks = await service.QuotaChecksAsync(view, caller, plant == "new" ? PlantStatus.NewOrExpanded : PlantStatus.Existing);
        return checks is null ? Problems.NotFound("uscc", $"未登记企业 {view.Uscc}") : TypedResults.Ok(checks.ToArray());
    }

    internal static async Task<Results<Ok<SupervisionReport>, ValidationProblem>> ReportAsync(int? year, SupervisionService service,
        Configuration.ReportingClock clock, ClaimsPrincipal user)
    {
        var y = year ?? clock.Today.Year;
        if (y < Configuration.ReportingClock.FirstMonth.Year || y > clock.Today.Year)
        {
            return Problems.Field("year", $"year 应在 {Configuration.ReportingClock.FirstMonth.Year} 至 {clock.Today.Year} 之间");
        }
        return TypedResults.Ok(await service.ReportAsync(y, user.RequiredCaller()));
    }

    internal static Ok<ChecksResponse> Checks(ChecksRequest body, SupervisionService service) => TypedResults.Ok(service.Check(body));

    internal static async Task<Results<Created<ConflictResponse>, ProblemHttpResult>> DeclareConflictAsync(ConflictRequest body, LedgerWriter writer,
        IGrainFactory grains, TimeProvider clock, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        if (caller.Role != Role.Inspector)
        {
            return Problems.Forbidden("回避声明由监察员本人作出 (an inspector declares its own conflicts)");
        }
        var uscc = Uscc.Parse(body.Uscc!);
        if (await grains.Enterprise(uscc).GetAsync(caller) is null)
        {
            return Problems.NotFound("uscc", $"未登记企业 {uscc} (no enterprise with this USCC)");
        }
        var record = new InspectorConflictRecord { Inspector = caller.Account, Uscc = uscc.Value, Reason = body.Reason!.Trim(), DeclaredAt = clock.GetUtcNow() };
        await writer.WriteAsync(db =>
        {
            db.InspectorConflicts.Add(record);
            db.AuditEvents.Add(new AuditEventRecord
            {
                At = record.DeclaredAt, Actor = caller.Account, Action = "supervision.conflict", Subject = uscc.Value, Detail = record.Reason,
            });
        });
        return TypedResults.Created("/api/supervision/conflicts", new ConflictResponse(record.Inspector, record.Uscc, record.Reason, record.DeclaredAt));
    }

    internal static async Task<Ok<ConflictResponse[]>> ListConflictsAsync(SupervisionReads reads) =>
        TypedResults.Ok((await reads.ListConflictsAsync()).OrderBy(c => c.DeclaredAt)
            .Select(c => new ConflictResponse(c.Inspector, c.Uscc, c.Reason, c.DeclaredAt)).ToArray());

    private static ISupervisionCaseGrain Case(IGrainFactory grains, string id) => grains.GetGrain<ISupervisionCaseGrain>(IsId(id) ? id : "0");

    private static bool IsId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigit);

    private static Results<Ok<SupervisionCaseView>, ProblemHttpResult> Answer(CaseAnswer a) =>
        a.Result == CaseResult.Ok ? TypedResults.Ok(a.View!) : Problem(a.Result, a.Field, a.Message);

    private static ProblemHttpResult Problem(CaseResult result, string? field, string? message) => result switch
    {
        CaseResult.NotFound or CaseResult.UnknownEnterprise => Problems.NotFound(field ?? "id", message ?? "not found"),
        CaseResult.Conflict => Problems.Conflict(field ?? "id", message ?? "conflict"),
        _ => TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field ?? "request"] = [message ?? "refused"] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "输入有误 (the request has invalid fields)",
        }),
    };
}

/// <summary>A plan and the cases of it the caller may see.</summary>
public sealed record PlanWithCases(PlanView Plan, CaseRow[] Cases);
