using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Carbon.Server.Hosting;

/// <summary>
/// Completes the generated OpenAPI document without touching the endpoints: licence and tag descriptions, each
/// operation's error responses (from <see cref="Errors"/>, keyed by the endpoints' <c>WithName</c>), camelCase query
/// names, and an example on every response — generated from the schema, so it follows the DTOs as they change.
/// </summary>
public static class CarbonOpenApi
{
    private const string Uscc = "91350100M000100Y43", RunId = "0f8fad5bd9cb469fa16570867728950e";

    /// <summary>A problem the service answers with: the status, the field its <c>errors</c> names, and the message.</summary>
    private sealed record Problem(int Status, string Field, string Message);

    private static Problem Bad(string field, string message) => new(400, field, message);
    private static Problem NotFound(string field, string message) => new(404, field, message);
    private static Problem Conflict(string field, string message) => new(409, field, message);

    private static readonly Problem NoCase = NotFound("id", $"无此案件 {RunId} (no case)");
    private static readonly Problem NoImport = NotFound("id", $"无此导入任务 {RunId} (no import job)");
    private static readonly Problem NoParcel = NotFound("parcel", "无此地块 YZ-001 (no such parcel)");
    private static readonly Problem NoRectification = NotFound("id", $"无此整治案件 {RunId} (no such case)");
    private static readonly Problem NoMicroPark = NotFound("code", "无此小微企业园 XW-01 (no such micro-park)");
    private static readonly Problem NoEnterprise = NotFound("uscc", $"未登记企业 {Uscc} (no enterprise registered with USCC {Uscc})");
    private static readonly Problem NoPark = NotFound("code", "未登记园区 YZ-DEMO (no park registered with code YZ-DEMO)");
    private static readonly Problem NoRun = NotFound("id", $"无此评价记录 {RunId} (no evaluation run {RunId})");
    private static readonly Problem NoApplication = NotFound("id", $"无此申报 {RunId} (no application {RunId})");
    private static readonly Problem NoCertificate = NotFound("number", "登记簿中无证书 AR-2025-000001 (no certificate AR-2025-000001)");
    private static readonly Problem NoAccount = NotFound("id", "无此账号 3f2504e0-4f89-11d3-9a0c-0305e82c3301 (no account)");
    private static readonly Problem BadUscc = Bad("uscc", "校验码错误：应为 '3' (check character should be '3', got 'Y')");
    private static readonly Problem BadYear = Bad("year", "year 应为 2020 至 2025 之间的年份 (year must be 2020..2025)");
    private static readonly Problem Decided = Conflict("id", "申报已批准 (already approved)");

    /// <summary>
    /// The 4xx answers of each operation, read from its handler. An empty list means the handler has none of its own; the
    /// document then states the bare 400 Kestrel gives a malformed request. An operation missing here fails OpenApiTests.
    /// </summary>
    private static readonly Dictionary<string, Problem[]> Errors = new()
    {
        ["RegisterPark"] = [Bad("kind", "未知园区类型 'zone' (kind must be one of industrial-park, …)"), Conflict("code", "园区 YZ-DEMO 已登记 (park YZ-DEMO is already registered)")],
        ["GetPark"] = [NoPark],
        ["RegisterEnterprise"] = [Bad("landAreaMu", "用地面积不能为负 (landAreaMu cannot be negative)"), Conflict("uscc", $"企业 {Uscc} 已登记 (enterprise {Uscc} is already registered)")],
        ["GetEnterprise"] = [BadUscc, NoEnterprise],
        ["ReviseEnterprise"] = [Bad("reason", "档案已有第2版，修订必须说明原因 (a revision must give a reason)"), NoEnterprise],
        ["FileMonth"] = [Bad("energy[1].unit", "单位 't' 不适用于 natural-gas (unit does not fit the carrier; use one of m3, 10k-m3)"), NoEnterprise],
        ["GetFiling"] = [Bad("month", "'2023-13' 不是 yyyy-MM 格式的月份 (month must be yyyy-MM)"), NotFound("revision", "2023-03 无第3版 (no revision 3 of 2023-03)")],
        ["EnterpriseMetrics"] = [BadYear, NoEnterprise],
        ["ParkMetrics"] = [BadYear, NoPark],
        ["DistrictMetrics"] = [BadYear],
        ["DistrictTargets"] = [Bad("plan", "未知目标方案 'x' (unknown plan; one of …)")],
        ["RunEvaluation"] = [Bad("method", "未知评价办法 'x' (unknown method; one of huangyan-2022, …)")],
        ["ListEvaluations"] = [],
        ["GetEvaluation"] = [NoRun],
        ["EvaluationEnterprises"] = [Bad("pageSize", "pageSize 为 1 至 500 (pageSize is 1..500)"), NoRun],
        ["EvaluationEnterprise"] = [NoRun],
        ["EvaluationParks"] = [NoRun],
        ["EvaluationMethods"] = [],
        ["GreenFactoryRuleSets"] = [],
        ["GreenFactoryRegister"] = [Bad("all", "'maybe' 不是有效的 all (not a valid all)")],
        ["SubmitGreenFactoryApplication"] = [Bad("answers[0].evidence", "声称满足的要求须说明佐证材料 (a claim needs an evidence note)"), NoEnterprise],
        ["GetGreenFactoryApplication"] = [NoApplication],
        ["VerifyGreenFactoryApplication"] = [Bad("decisions[0].comment", "不予认可须说明理由 (a rejection needs a comment)"), NoApplication, Decided],
        ["DecideGreenFactoryApplication"] = [Bad("approve", "approve 必填 (approve is true or false)"), NoApplication, Decided],
        ["ReinstateGreenFactoryApplication"] = [Bad("reason", "恢复发证须说明理由 (a reinstatement needs a reason)"), NoApplication,
            Conflict("id", $"申报 {RunId} 的证书 GF-2025-000001 未被吊销，无需恢复 (its certificate is not revoked)")],
        ["IssueCertificate"] = [Bad("year", "年度报告须指定 year (an annual report needs a year)"), NoEnterprise,
            Conflict("applicationId", "申报状态为 submitted，仅已批准的申报可发证 (only an approved application gets a certificate)")],
        ["ListCertificates"] = [],
        ["CertificatePublicKey"] = [],
        ["CertificatePublicKeys"] = [],
        ["VerifyCertificate"] = [Bad("file", "请上传证书 PDF 文件 (upload the certificate PDF as a form file)")],
        ["StartCertificateBatch"] = [Bad("evaluationId", "亩均告知书须指定 evaluationId (a notice needs the evaluation run)"), NoRun,
            Conflict("Carbon:PublicBaseUrl", "Carbon:PublicBaseUrl 仍是本机地址 http://localhost:5214，… (set Carbon:PublicBaseUrl to the address the public will use)")],
        ["CertificateBatch"] = [NotFound("id", $"无此批次 {RunId} (no batch)")],
        ["GetCertificatePdf"] = [NoCertificate],
        ["CertificateStatus"] = [NoCertificate],
        ["RevokeCertificate"] = [Bad("reason", "吊销须说明理由 (a revocation needs a reason)"), NoCertificate,
            Conflict("number", "证书 AR-2025-000001 已于 2025-06-30 吊销 (already revoked)")],
        ["ListEnterprises"] = [Bad("pageSize", "pageSize 为 1 至 500 (pageSize is 1..500)")],
        ["ListParks"] = [],
        ["ListFilings"] = [BadUscc, NoEnterprise],
        ["MissingFilings"] = [Bad("month", "month 必填，格式 yyyy-MM (month is required, yyyy-MM)")],
        ["ListGreenFactoryApplications"] = [Bad("status", "status 为 submitted, verifying, approved, rejected 之一 (status is one of these)")],
        ["Setup"] = [Bad("password", "Passwords must have at least one digit ('0'-'9')."), NotFound("code", "设置码无效或已使用 (the setup code is unknown or was used)")],
        ["CreateToken"] = [Bad("userName", "登录名必填 (userName is required)")],
        ["SignIn"] = [Bad("userName", "登录名必填 (userName is required)")],
        ["SignOut"] = [],
        ["GetOwnAccount"] = [NoAccount],
        ["ListOwnTokens"] = [],
        ["RevokeOwnToken"] = [NotFound("id", "无此令牌 carbon_Ab12Cd34 (no such token of yours)")],
        ["CreateAccount"] = [Bad("profile.firms", "企业填报员须指定至少一家企业 (a filer needs at least one firm)"),
            Conflict("userName", "登录名 zhang 已存在 (userName zhang is taken)")],
        ["ListAccounts"] = [],
        ["GetAccount"] = [NoAccount],
        ["ReviseAccount"] = [Bad("role", "角色必填 (role is required)"), NoAccount],
        ["DisableAccount"] = [Bad("reason", "须说明原因 (a reason is required)"), NoAccount, Conflict("id", "不能停用自己的账号 (you cannot disable your own account)")],
        ["EnableAccount"] = [Bad("reason", "须说明原因 (a reason is required)"), NoAccount],
        ["ResetPassword"] = [NoAccount],
        ["ListAudit"] = [Bad("pageSize", "pageSize 为 1 至 500 (pageSize is 1..500)")],
        ["SupervisionRules"] = [],
        ["SupervisionProposals"] = [Bad("year", "year 应在 2022 至 2027 之间")],
        ["CreateSupervisionPlan"] = [Bad("targets", "计划须列明对象企业 (targets are needed)"), NotFound("targets[0].uscc", $"未登记企业 {Uscc} (no enterprise with this USCC)")],
        ["DrawSupervisionPlan"] = [Bad("inspectorsPerFirm", "名录中无冲突的监察员不足 2 名 (fewer than 2 inspectors without a conflict)")],
        ["ListSupervisionPlans"] = [],
        ["FollowUpSupervisionPlan"] = [Bad("year", "2026 年之前没有需要整改复查的企业 (no earlier violators or open cases)")],
        ["GetSupervisionPlan"] = [NotFound("id", $"无此计划 {RunId} (no plan)")],
        ["OpenSupervisionCase"] = [Bad("reason", "须说明立案缘由 (a reason is needed)"), NoEnterprise],
        ["ListSupervisionCases"] = [],
        ["GetSupervisionCase"] = [NoCase],
        ["RecordSupervisionStep"] = [Bad("date", "现场监察应提前 5 日书面通知：通知 2026-11-28，检查 2026-12-02 (notice less than 5 days ahead)"), NoCase],
        ["AttachSupervisionEvidence"] = [Bad("file", "请以 multipart/form-data 上传一个文件 (one file, multipart/form-data)"), NoCase],
        ["GetSupervisionEvidence"] = [NotFound("sha256", "本案无此证据文件 (no such evidence file)")],
        ["SupervisionQuotaChecks"] = [NoCase],
        ["SupervisionChecks"] = [Bad("meters[0].tier", "tier 必填：entry, secondary, equipment")],
        ["DeclareInspectorConflict"] = [Bad("reason", "'Reason' must not be empty."), NoEnterprise],
        ["ListInspectorConflicts"] = [],
        ["SupervisionReport"] = [BadYear],
        ["UploadImport"] = [Bad("file", "未识别的表格：既没有205-1表的“甲 乙 丙”列标，也没有 Carbon 模板的 uscc、month 列")],
        ["ListImports"] = [],
        ["ImportTemplate"] = [],
        ["GetImport"] = [NoImport],
        ["CommitImport"] = [NoImport],
        ["RejectedImportRows"] = [NoImport],
        ["ListAlerts"] = [BadYear],
        ["AddAlertNote"] = [Bad("text", "须填写说明 (say something)"), NotFound("subject", "无此预警，或已解除 (no such alert, or it is no longer raised)")],
        ["SetEnergyBudget"] = [Bad("reason", "须说明依据 (say on what basis)"), NoEnterprise],
        ["GetEnergyBudget"] = [NoEnterprise],
        ["RecordEnergyReport"] = [Bad("submittedOn", "submittedOn 必填，格式 yyyy-MM-dd (the day it was handed in)"), NoEnterprise],
        ["GetEnergyReport"] = [NoEnterprise],
        ["UploadBudgets"] = [Bad("用能预算!C3", "tce 应在 0 至 1 亿之间 (tce must be above 0 and at most 100 000 000)")],
        ["BudgetTemplate"] = [],
        ["ListOwnMessages"] = [],
        ["RegisterParcel"] = [Bad("obligations", "标准地须约定指标 (a standard-land grant carries its obligations)"),
            NotFound("holder", "未登记企业 9133021213967419XF (no enterprise with this USCC)"), Conflict("code", "地块 YZ-001 已登记 (parcel YZ-001 is registered)")],
        ["ListParcels"] = [],
        ["GetParcel"] = [NoParcel],
        ["RecordParcelEvent"] = [Bad("on", "on 必填 (the day it happened)"), NoParcel,
            Conflict("event", "地块处于 granted，不能 produce；可以：start, transfer, repossess (not in this state)")],
        ["ParcelReview"] = [BadYear, NoParcel, Conflict("parcel", "地块 YZ-001 的供地合同没有约定指标，无需达产复核 (no obligations to review)")],
        ["RecordParcelReview"] = [Bad("document", "须给出复核文件 (the review's document)"), NoParcel,
            Conflict("year", "floor-area-ratio 无法测算（缺少数据），不能通过复核 (a clause cannot be measured: a review cannot pass)")],
        ["LowEfficiencyLand"] = [],
        ["RectificationCampaigns"] = [Bad("year", "year 应在 2020 至 2026 之间")],
        ["ListRectificationCases"] = [Bad("state", "state 为 open, in-progress 或 closed")],
        ["OpenRectificationCase"] = [Bad("supervisionCaseId", "用能问题须关联节能监察案件 supervisionCaseId (an energy-use problem names its supervision case)"),
            NotFound("uscc", "未登记企业 9133021213967419XF (no enterprise with this USCC)")],
        ["GetRectificationCase"] = [NoRectification],
        ["RecordRectificationStep"] = [Bad("closure", "销号须说明结果 closure: rectified, relocated-into-park, merged 或 shut-down"), NoRectification,
            Conflict("evidence", "销号须附至少一份证据 (a closure cites at least one evidence file)")],
        ["AttachRectificationEvidence"] = [Bad("file", "请以 multipart/form-data 上传一个文件 (one file, multipart/form-data)"), NoRectification],
        ["GetRectificationEvidence"] = [NotFound("sha256", "本案无此证据文件 (no such evidence file)")],
        ["RegisterMicroPark"] = [Bad("worstClass", "worstClass 为 A, B, C 或 D"), Conflict("code", "小微企业园 XW-01 已登记 (registered)")],
        ["ListMicroParks"] = [],
        ["GetMicroPark"] = [NoMicroPark],
        ["MicroParkEntry"] = [Bad("uscc", "uscc 必填 (the applicant's USCC)"), NoMicroPark, Conflict("uscc", "9133021213967419XF 已在园内 (already in the park)")],
        ["MicroParkReview"] = [Bad("on", "on 必填 (the day of the review)"), NoMicroPark],
        ["PublishPolicy"] = [Bad("rules[0].value", "value 为 A, B, C 或 D"), Conflict("id", "政策 ZC-2026-01 已发布；新版本请用新编号 (published; a new version is a new policy)")],
        ["ListPolicies"] = [],
        ["PolicyOutlay"] = [],
        ["NotifyPolicies"] = [],
        ["GetPolicy"] = [NotFound("policy", "无此政策 ZC-2026-01 (no such policy)")],
        ["ApplyForPolicy"] = [Bad("uscc", "uscc 必填 (the firm applying)"), NotFound("uscc", "未登记企业 9133021213967419XF，或您不能为其申报 (no firm of yours)"),
            Conflict("uscc", "不符合申报条件：亩均评价 C 类；B 类及以上可享受 (class C; qualifies when class B or better) (not eligible)")],
        ["RecordPolicyApplicationStep"] = [Bad("text", "须写明意见、理由或兑付凭证 (a comment, the reason, or the payment's reference)"),
            NotFound("id", "无此申报 (no such application)"), Conflict("step", "申报处于 applied，不能 paid (not in this state)")],
        ["ListRequests"] = [],
        ["FileRequest"] = [Bad("category", "category 为 policy, land, utilities, finance, talent, approval, infrastructure 或 other"),
            NotFound("uscc", "未登记企业 9133021213967419XF，或您不能为其提出诉求 (no firm of yours)")],
        ["GetRequest"] = [NotFound("id", "无此诉求 (no such request)")],
        ["RecordRequestStep"] = [Bad("text", "'Text' must not be empty."), NotFound("id", "无此诉求 (no such request)"),
            Conflict("step", "诉求当前为 filed，不能 replied (not from this state)")],
        ["AttachToRequest"] = [Bad("file", "请以 multipart/form-data 上传一个文件 (one file, multipart/form-data)"), NotFound("id", "无此诉求 (no such request)")],
        ["GetRequestAttachment"] = [NotFound("sha256", "本诉求无此附件 (no such attachment)")],
        ["ListPlanTasks"] = [Bad("plan", "未知规划 'x' (unknown plan; one of …)")],
        ["CreatePlanTask"] = [Bad("targets", "规划 district-2025 无目标 'x' (no such target)")],
        ["GetPlanTask"] = [NotFound("id", "无此任务 (no such task)")],
        ["ReportOnPlanTask"] = [Bad("period", "period 为 YYYY-MM（按月）或 YYYY-Qn（按季）"), NotFound("id", "无此任务 (no such task)"),
            Conflict("period", "2026-10 已报送 (already reported)")],
        ["DistrictClusters"] = [Bad("year", "year 应为 2020 至今年 (year must be 2020..this year)")],
        ["DistrictTrajectory"] = [Bad("year", "year 应为 2020 至今年 (year must be 2020..this year)")],
        ["RunReminders"] = [],
        ["UploadGridElectricity"] = [Bad("供电公司用电量!A2", "未登记企业 9133021213967419XF，请先登记 (no enterprise registered with USCC 9133021213967419XF; register it first)")],
        ["GridElectricityTemplate"] = [],
        ["Export"] = [Bad("kind", "kind 为 filings, metrics, evaluation, certificates, supervision-cases 之一")],
        ["ExportArchive"] = [Bad("year", "year 应为 2020 至 2026 之间的年份 (year must be 2020..2026)")],
        ["GetEquipmentRegister"] = [NoEnterprise],
        ["PutEquipmentRegister"] = [Bad("lines[0].model", "'Model' must not be empty."), NoEnterprise],
        ["GetMeterRegister"] = [NoEnterprise],
        ["PutMeterRegister"] = [Bad("lines[0].tier", "tier 必填：entry, secondary, equipment"), NoEnterprise],
    };

    /// <summary>Operations that read an uploaded file from the form themselves (no IFormFile parameter: that would answer 415 before the access check).</summary>
    private static readonly HashSet<string> Uploads = ["AttachSupervisionEvidence", "UploadImport", "UploadBudgets", "UploadGridElectricity",
        "AttachRectificationEvidence", "AttachToRequest"];

    private const string Pem = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE…\n-----END PUBLIC KEY-----\n";

    /// <summary>Successful answers that are not JSON: these handlers return raw results, which carry no content type.</summary>
    private static readonly Dictionary<string, Func<(string Type, OpenApiMediaType Media)>> NotJson = new()
    {
        ["GetCertificatePdf"] = () => ("application/pdf", new() { Schema = Binary(), Examples = new Dictionary<string, IOpenApiExample>
            { ["issued"] = new OpenApiExample { Summary = "The PDF as issued", ExternalValue = "/api/certificates/AR-2025-000001" } } }),
        ["CertificatePublicKey"] = () => ("application/x-pem-file", new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String }, Example = Pem }),
        ["ImportTemplate"] = () => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new() { Schema = Binary() }),
        ["BudgetTemplate"] = () => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new() { Schema = Binary() }),
        ["GridElectricityTemplate"] = () => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new() { Schema = Binary() }),
        ["RejectedImportRows"] = () => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new() { Schema = Binary() }),
        ["Export"] = () => ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", new() { Schema = Binary() }),
        ["ExportArchive"] = () => ("application/zip", new() { Schema = Binary() }),
    };

    private static readonly Dictionary<string, string> Tags = new()
    {
        ["Accounts 账号"] = "账号 First setup, sign-in (API token or cookie), one's own tokens, accounts with a role and scope (managed by the " +
                          "district), and the audit trail. Every other operation says which roles may call it.",
        ["Parks 园区"] = "工业园区 Industrial parks: register one; enterprises join a park by its code.",
        ["Enterprises 企业"] = "企业档案 Enterprises by USCC (统一社会信用代码): register, read, revise; every revision keeps who, when and why.",
        ["Filings 月度填报"] = "月度填报 A month's energy by carrier, water, pollutants, output, value added, tax, staff and R&D (money in 万元). " +
                           "A revision needs a reason; nothing filed is lost.",
        ["Metrics 指标"] = "指标 Energy (GB/T 2589), CO2 (GB/T 32150), water, intensities per 万元 of value added and reduction vs 2020, " +
                         "for an enterprise, a park or the district; `trace=true` shows every factor and clause.",
        ["Evaluations 亩均评价"] = "亩均评价 Score every firm for a year with a method from factors/methods; a run is stored and never changes.",
        ["Targets 规划目标"] = "规划目标 The district plan's targets: baseline, latest, target, progress, projection, on or off track.",
        ["Supervision 节能监察"] = "节能监察 Energy-saving supervision (《节能监察办法》 NDRC 2016 令第33号): plans with the data's proposals and a " +
                                "reproducible 双随机 draw, cases from notice to re-inspection or referral with every step, evidence files, " +
                                "and checks against energy quotas, phased-out equipment catalogues and GB 17167 metering rates.",
        ["Imports 数据导入"] = "数据导入 Statistics form 205-1 《能源购进、消费与库存》, Carbon's template and the online monitoring system's monthly " +
                             "records, as XLSX or CSV: every firm-month checked the way a filing is (same words), 205-1 balance checks, a job to " +
                             "confirm, the refused rows back with an 错误 column.",
        ["Alerts 预警"] = "预警 Early warning, derived from the filings on every read: 应报未报 (amber the day after the district's deadline, red ten " +
                          "days after), the 双控晴雨表 of district, parks and key firms, 用能预算, jumps, data quality against 205-1 and the grid " +
                          "company, and the annual 能源利用状况报告; firms explain, officials acknowledge; daily reminders by message and email.",
        ["Land 工业用地"] = "工业用地全生命周期 Industrial parcels from grant to repossession: the register, supply modes, 标准地 obligations, every " +
                          "event on the ledger, transfers that carry the obligations, leases (a firm's 亩均 land comes from here), the 达产 " +
                          "review clause by clause with the breach's remedies, and low-efficiency land proposed, confirmed and disposed of.",
        ["Two small 两小整治"] = "两小整治 The \"two small\" campaigns as plan targets: rectification cases (低散乱污, 落后产能, 低效区块, 小微企业园) " +
                              "from opening to closure with evidence, progress by town and park; micro-enterprise parks with their entry " +
                              "standard, entry reviews and the exit of firms below it in two evaluations in a row.",
        ["Policies 惠企政策"] = "惠企政策 Business-support policies published as data with their eligibility rules; every firm matched and told " +
                              "why (and what would qualify it); 政策直兑: one-step application, approval or rejection, payout; outlay by policy, park and class; " +
                              "诉求直办: a firm's requests routed to a unit and answered, with response-time figures.",
        ["Plan 规划实施"] = "规划实施 The plan's targets broken down into tasks and projects (项目化、清单化) with responsible units, stage goals and " +
                          "monthly or quarterly reports; overdue reports and slipping stages raise alerts.",
        ["Green factory 绿色工厂"] = "绿色工厂 GB/T 36132 applications: rule sets, apply, verify, approve, reinstate after a revocation, " +
                                  "and the register of certified firms.",
        ["Archives 归档"] = "年度归档 A year of the ledger as one zip for auditors and archivists: every filing revision, evaluations, " +
                           "certificates with their PDFs, supervision cases, the audit trail; a manifest of every file's SHA-256 signed with " +
                           "the certificate key, checked offline with openssl or `verify-archive`.",
        ["Certificates 证书"] = "证书 Signed PDFs (green-factory certificates, 亩均 notices, annual reports): issue (one live per firm, kind " +
                              "and year), list, verify, revoke. The QR code opens the human-readable page /verify/{number}.",
    };

    public static IServiceCollection AddCarbonOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            Complete(doc);
            return Task.CompletedTask;
        }));

    private static void Complete(OpenApiDocument doc)
    {
        doc.Info.Title = "Carbon — 绿色制造与碳达峰核算 API";
        doc.Info.Description = "Monthly filings in; GB/T 2589 energy, GB/T 32150 CO2, water, intensities and reduction vs 2020 out. " +
                               "Errors are RFC 9457 problem details whose `errors` are keyed by the field's JSON path, e.g. `energy[1].unit`.";
        doc.Info.License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" };
        foreach (var server in doc.Servers ?? [])
        {
            // Relative (just the path base): right on any host and port, and the linter refuses localhost and a trailing '/'.
            var path = Uri.TryCreate(server.Url, UriKind.Absolute, out var url) ? url.AbsolutePath.TrimEnd('/') : "";
            server.Url = path.Length == 0 ? "/" : path;
            server.Description = "This service, wherever it serves this document (`dotnet run` listens on http://localhost:5214)";
        }
        var schemas = (doc.Components ??= new()).Schemas ??= new Dictionary<string, IOpenApiSchema>();
        schemas["HttpValidationProblemDetails"] = ProblemSchema();
        doc.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
        {
            ["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "carbon_…",
                Description = "An API token from POST /api/auth/token (令牌), sent as Authorization: Bearer carbon_…",
            },
            ["cookie"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = "carbon.auth",
                Description = "The sign-in cookie POST /api/auth/sign-in sets (the web pages)",
            },
        };
        foreach (var tag in doc.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            tag.Description = Tags.GetValueOrDefault(tag.Name ?? "");
        }
        foreach (var (path, item) in doc.Paths)
        {
            foreach (var (method, op) in item.Operations ?? [])
            {
                Secure(op, doc, Http.AccessMatrix.Rules.GetValueOrDefault(Http.AccessMatrix.Key(method.Method, path)));
            }
        }
        foreach (var op in doc.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            foreach (var p in (op.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query))
            {
                p.Name = char.ToLowerInvariant(p.Name![0]) + p.Name[1..]; // [AsParameters] records keep C# casing
            }
            Describe(op, doc);
            foreach (var media in op.Responses!.Values.SelectMany(r => r.Content?.Values ?? []).Where(m => m.Example is null && m.Examples is null))
            {
                media.Example = media.Schema is null ? null : Example.Of(media.Schema, schemas, null, []);
            }
        }
        schemas.Remove("IFormFile"); // Describe replaced the request bodies that used it
    }

    private static void Describe(OpenApiOperation op, OpenApiDocument doc)
    {
        var id = op.OperationId ?? "";
        if (Uploads.Contains(id) && op.RequestBody is null)
        {
            op.RequestBody = new OpenApiRequestBody
            {
                Required = true, Content = new Dictionary<string, OpenApiMediaType> { ["multipart/form-data"] = new() },
            };
        }
        var responses = op.Responses ??= [];
        var problem = new OpenApiSchemaReference("HttpValidationProblemDetails", doc);
        if (Errors.TryGetValue(id, out var errors) && errors.Length == 0)
        {
            responses["400"] = new OpenApiResponse { Description = "Malformed HTTP request, rejected by the server before the endpoint runs (no body)" };
        }
        foreach (var p in errors ?? [])
        {
            responses[p.Status.ToString()] = ProblemResponse(p.Status, problem, p.Field, p.Message);
        }
        if (op.RequestBody?.Content?.ContainsKey("application/json") == true)
        {
            responses["415"] = ProblemResponse(415, problem, null, null); // what minimal APIs answer to a body of another type
        }
        foreach (var (type, media) in op.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())
        {
            media.Schema = type switch // the verify handler reads the form's first file or the raw body; IFormFile describes neither
            {
                "application/json" => media.Schema,
                "multipart/form-data" => new OpenApiSchema { Type = JsonSchemaType.Object, Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = Binary() } },
                _ => Binary(),
            };
        }
        if (NotJson.TryGetValue(id, out var content) && responses.GetValueOrDefault("200") is OpenApiResponse ok)
        {
            var (type, media) = content();
            ok.Content = new Dictionary<string, OpenApiMediaType> { [type] = media };
        }
    }

    /// <summary>
    /// The operation's row of the access matrix: public operations say so with an empty requirement; the others accept the
    /// bearer token or the cookie, list the roles in the description, and answer 401 and 403 as problem details.
    /// </summary>
    private static void Secure(OpenApiOperation op, OpenApiDocument doc, Http.Access? rule)
    {
        if (rule is null || rule.Anonymous)
        {
            op.Security = [];
            return;
        }
        op.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", doc)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("cookie", doc)] = [] },
        ];
        op.Description = $"{op.Description}{(string.IsNullOrEmpty(op.Description) ? "" : "\n\n")}**Access 权限:** " +
                         $"{string.Join(", ", rule.Roles.Select(r => Domain.Access.Roles.Token(r)))} — {rule.Scope}";
        var problem = new OpenApiSchemaReference("HttpValidationProblemDetails", doc);
        var responses = op.Responses ??= [];
        responses["401"] = ProblemResponse(401, problem, null, "请先登录，或以 Authorization: Bearer 令牌调用 (sign in, or send a token)");
        responses["403"] = ProblemResponse(403, problem, null, "此操作仅限 区经信局 (your role may not do this)");
    }

    private static OpenApiSchema Binary() => new() { Type = JsonSchemaType.String, Format = "binary" };

    private static OpenApiResponse ProblemResponse(int status, IOpenApiSchema schema, string? field, string? message)
    {
        var (title, section) = status switch
        {
            400 => ("输入有误 (the request has invalid fields)", "15.5.1"),
            401 => ("未登录 (not signed in)", "15.5.2"),
            403 => ("无权限 (forbidden)", "15.5.4"),
            404 => ("未找到 (not found)", "15.5.5"),
            409 => ("冲突 (conflict)", "15.5.10"),
            _ => ("Unsupported Media Type", "15.5.16"),
        };
        var example = new JsonObject { ["type"] = $"https://tools.ietf.org/html/rfc9110#section-{section}", ["title"] = title, ["status"] = status };
        if (status is 401 or 403 or 404 or 409)
        {
            example["detail"] = message;
        }
        if (field is not null)
        {
            example["errors"] = new JsonObject { [field] = new JsonArray(message) };
        }
        example["traceId"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        return new OpenApiResponse
        {
            Description = status switch
            {
                415 => "The body is not JSON (Content-Type must be application/json)",
                401 => "Not signed in: no valid token or cookie",
                403 => "Signed in, but the account's role may not do this",
                _ => title,
            },
            Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = schema, Example = example } },
        };
    }

    /// <summary>RFC 9457 problem details; extension members (traceId) are allowed, as the RFC says.</summary>
    private static OpenApiSchema ProblemSchema()
    {
        OpenApiSchema Text() => new() { Type = JsonSchemaType.String | JsonSchemaType.Null };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details; `errors` maps a field's JSON path (`energy[1].unit`) to its messages.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text(), ["title"] = Text(), ["detail"] = Text(), ["instance"] = Text(), ["traceId"] = Text(),
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
                ["errors"] = new OpenApiSchema { Type = JsonSchemaType.Object,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } } },
            },
        };
    }

    /// <summary>A plausible instance of a schema: one item per array, every property, formats honoured.</summary>
    private static class Example
    {
        public static JsonNode? Of(IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> components, string? name, HashSet<string> seen)
        {
            if (schema is OpenApiSchemaReference reference)
            {
                var id = reference.Reference.Id!;
                if (!seen.Add(id) || !components.TryGetValue(id, out var target))
                {
                    return null; // a cycle: stop here rather than recurse forever
                }
                var node = Of(target, components, name, seen);
                seen.Remove(id);
                return node;
            }
            if ((schema.OneOf ?? schema.AnyOf ?? schema.AllOf)?.FirstOrDefault(s => s.Type != JsonSchemaType.Null) is { } branch)
            {
                return Of(branch, components, name, seen);
            }
            if (schema.Enum is { Count: > 0 } values)
            {
                return values.First(v => v is not null)?.DeepClone();
            }
            var type = (schema.Type ?? 0) & ~JsonSchemaType.Null;
            return type switch
            {
                JsonSchemaType.Object or 0 when schema.Properties is { Count: > 0 } properties =>
                    new JsonObject(properties.Select(p => KeyValuePair.Create(p.Key, Of(p.Value, components, p.Key, seen)))),
                JsonSchemaType.Object when schema.AdditionalProperties is { } value => new JsonObject { ["key"] = Of(value, components, null, seen) },
                JsonSchemaType.Array => schema.Items is null ? new JsonArray() : new JsonArray(Of(schema.Items, components, name, seen)),
                JsonSchemaType.String => String(schema.Format, name),
                JsonSchemaType.Boolean => true,
                JsonSchemaType.Integer => name?.ToLowerInvariant() switch { "year" => 2025, "month" or "throughmonth" => 3, _ => 1 },
                JsonSchemaType.Number => 12.5,
                0 when schema.Format is "double" or "float" or "decimal" => 12.5,
                0 when schema.Format is "int32" or "int64" => 1,
                _ => new JsonObject(),
            };
        }

        private static JsonNode String(string? format, string? name) => format switch
        {
            "date-time" => "2025-03-31T08:00:00+08:00",
            "date" => "2025-03-31",
            "uuid" => "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
            "binary" => "",
            _ => name switch
            {
                "uscc" => Uscc,
                "code" or "parkCode" or "park" => "YZ-DEMO",
                "id" or "runId" or "evaluationId" or "applicationId" => RunId,
                "number" => "AR-2025-000001",
                "month" => "2025-03",
                "carrier" => "electricity",
                "unit" => "kWh",
                _ => "string",
            },
        };
    }
}
