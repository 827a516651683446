using Carbon.Domain.Access;

namespace Carbon.Server.Http;

/// <summary>Who may pass one door: anyone, or signed-in accounts of some roles; and, in words, the scope rule on data.</summary>
public sealed record Access(bool Anonymous, IReadOnlyList<Role> Roles, string Scope)
{
    public static Access Public(string scope = "公开 (public)") => new(true, [], scope);

    public static Access Signed(string scope, params Role[] roles) => new(false, roles, scope);
}

/// <summary>
/// The access matrix: every endpoint of the service, keyed "METHOD /route", with the roles that may call it and the rule
/// on data its handler and grains apply. The service applies it to each endpoint at start; an endpoint without a row is
/// closed to everyone (and fails AccessMatrixTests). docs/security.md prints it.
/// </summary>
public static class AccessMatrix
{
    private const Role Filer = Role.Filer, Park = Role.ParkAdministrator, Official = Role.DistrictOfficial, Inspector = Role.Inspector,
        Evaluator = Role.Evaluator, Auditor = Role.Auditor;

    private static readonly Role[] FirmReaders = [Filer, Park, Official, Inspector, Auditor];
    private static readonly Role[] DistrictReaders = [Official, Inspector, Auditor];
    private static readonly Role[] Everyone = [Filer, Park, Official, Inspector, Evaluator, Auditor];

    private const string OwnFirm = "本企业（填报员）、本园区企业（园区管理员）、全区（经信局、监察、审计）；其他企业 404 (own firm / own parks' firms / district; others 404)";
    private const string OwnPark = "本园区（园区管理员）、全区；其他园区 404 (own parks / district; others 404)";
    private const string District = "全区 (the district)";
    private const string OwnParcel = "本企业持有的地块（填报员）、本园区的地块（园区管理员）、全区；其他 404 (own firms' / own parks' parcels / district; others 404)";
    private const string OwnCase = "本企业的整治案件（填报员）、本园区的（园区管理员）、全区；其他 404 (own firm's / own parks' cases / district; others 404)";
    private const string OwnMicroPark = "有本企业入驻的（填报员，只见本企业）、本园区内的（园区管理员）、全区；其他 404 (hosting own firms / in own parks / district; others 404)";
    private const string OwnRequest = "本企业的诉求（填报员）、本园区企业的（园区管理员）、全区；其他 404 (own firm's / own parks' firms' / district; others 404)";
    private const string PlanReaders = "规划任务清单：园区、经信局、监察、审计 (the plan's task list: parks and district roles)";
    private const string Listed = "列表只含调用者可见的记录 (lists hold only what the caller may see)";

    public static readonly IReadOnlyDictionary<string, Access> Rules = new Dictionary<string, Access>(StringComparer.Ordinal)
    {
        // Documentation, the front page and public verification.
        ["GET /"] = Access.Public("首页：登录后按角色显示 (the front page; by role once signed in)"),
        ["POST /"] = Access.Public(),
        ["GET /sign-in"] = Access.Public(),
        ["POST /sign-in"] = Access.Public("凭账号密码登录；多次失败锁定 (credentials; lockout after failures)"),
        ["POST /sign-out"] = Access.Public("退出登录 (ends the cookie, if any)"),
        ["GET /health/live"] = Access.Public("健康检查：进程存活，不含任何数据 (liveness; no data)"),
        ["GET /health/ready"] = Access.Public("健康检查：台账、因子、节点就绪，不含任何企业数据 (readiness; no firm's data)"),
        ["GET /_framework/opaque-redirect"] = Access.Public("Blazor 增强导航的跳转 (enhanced navigation's redirect helper)"),

        // Web pages: the same roles and scope as the API they show.
        ["GET /firms"] = Access.Signed(Listed, FirmReaders),
        ["POST /firms"] = Access.Signed(Listed, FirmReaders),
        ["GET /firms/{UsccText}"] = Access.Signed(OwnFirm, FirmReaders),
        ["POST /firms/{UsccText}"] = Access.Signed(OwnFirm, FirmReaders),
        ["GET /firms/{UsccText}/trace"] = Access.Signed(OwnFirm, FirmReaders),
        ["POST /firms/{UsccText}/trace"] = Access.Signed(OwnFirm, FirmReaders),
        ["GET /firms/{UsccText}/filings/{MonthText}"] = Access.Signed(OwnFirm, FirmReaders),
        ["POST /firms/{UsccText}/filings/{MonthText}"] = Access.Signed("本企业（填报员）、经信局 (own firm / district officials)", FirmReaders),
        ["GET /district"] = Access.Signed(District + "；园区管理员：本园区 (park administrators: their parks)", Park, Official, Inspector, Auditor),
        ["POST /district"] = Access.Signed(District, Park, Official, Inspector, Auditor),
        ["GET /evaluations"] = Access.Signed(District, Park, Official, Inspector, Auditor),
        ["POST /evaluations"] = Access.Signed(District + "（运行评价仅经信局 running one: officials）", Park, Official, Inspector, Auditor),
        ["GET /evaluations/{Id}"] = Access.Signed(Listed, Park, Official, Inspector, Auditor),
        ["POST /evaluations/{Id}"] = Access.Signed(Listed, Park, Official, Inspector, Auditor),
        ["GET /evaluations/{Id}/firms/{UsccText}"] = Access.Signed(OwnFirm + "（一企一单）", FirmReaders),
        ["POST /evaluations/{Id}/firms/{UsccText}"] = Access.Signed(OwnFirm, FirmReaders),
        ["GET /green-factory"] = Access.Signed(Listed + "；评价机构只见指派给它的 (evaluators: assigned ones)", Everyone),
        ["POST /green-factory"] = Access.Signed(Listed, Everyone),
        ["GET /green-factory/{Id}"] = Access.Signed(OwnFirm + "；评价机构：指派的 (evaluators: assigned)", Everyone),
        ["POST /green-factory/{Id}"] = Access.Signed("核查：指派的评价机构、经信局；决定：经信局 (verify: assigned evaluator or officials; decide: officials)", Everyone),
        ["GET /accounts"] = Access.Signed(District, Official),
        ["GET /archives"] = Access.Signed(District + "：下载年度签名归档 (download a year's signed archive)", Official, Auditor),
        ["POST /archives"] = Access.Signed(District, Official, Auditor),
        ["POST /accounts"] = Access.Signed(District, Official),
        ["GET /certificates"] = Access.Signed(Listed, FirmReaders),
        ["POST /certificates"] = Access.Signed(Listed + "（出具、吊销仅经信局 issuing and revoking: officials）", FirmReaders),
        ["GET /supervision"] = Access.Signed(Listed + "（企业只见本企业案件；计划与抽取仅监察员、经信局 plans and draws: inspectors, officials）", FirmReaders),
        ["POST /supervision"] = Access.Signed("制定计划、抽取、立案：监察员、经信局 (inspectors and officials act)", FirmReaders),
        ["GET /supervision/cases/{Id}"] = Access.Signed(OwnFirm, FirmReaders),
        ["POST /supervision/cases/{Id}"] = Access.Signed("监察员、经信局记录步骤；企业陈述意见、报送整改报告 (the firm: its own case)", FirmReaders),
        ["GET /supervision/plans/{Id}"] = Access.Signed(Listed, Official, Inspector, Auditor),
        ["POST /supervision/plans/{Id}"] = Access.Signed(Listed, Official, Inspector, Auditor),
        ["GET /imports"] = Access.Signed("本人上传的（经信局：全部） (one's own uploads; officials: all)", Filer, Official),
        ["POST /imports"] = Access.Signed("本企业（填报员，他企业的行被退回）、经信局 (a filer's own firms; officials)", Filer, Official),
        ["GET /imports/{Id}"] = Access.Signed("上传者本人、经信局；其他 404 (the uploader / officials; others 404)", Filer, Official),
        ["POST /imports/{Id}"] = Access.Signed("上传者本人、经信局；其他 404 (the uploader / officials; others 404)", Filer, Official),
        ["GET /alerts"] = Access.Signed(Listed, FirmReaders),
        ["GET /land"] = Access.Signed(Listed, FirmReaders),
        ["POST /land"] = Access.Signed(Listed + "（登记地块仅经信局 registering: officials）", FirmReaders),
        ["GET /land/{Parcel}"] = Access.Signed(OwnParcel, FirmReaders),
        ["GET /rectification"] = Access.Signed(Listed, FirmReaders),
        ["POST /rectification"] = Access.Signed(Listed + "（立案：经信局、本园区管理员 opening: officials, park administrators）", FirmReaders),
        ["GET /rectification/{Id}"] = Access.Signed(OwnCase, FirmReaders),
        ["POST /rectification/{Id}"] = Access.Signed(OwnCase + "（记录：经信局、本园区管理员 recording: officials, the park's administrator）", FirmReaders),
        ["GET /policies"] = Access.Signed(Listed, Everyone),
        ["POST /policies"] = Access.Signed(Listed, Everyone),
        ["GET /policies/{Policy}"] = Access.Signed("政策公开；企业匹配按调用者可见范围 (firms as far as the caller may see)", Everyone),
        ["POST /policies/{Policy}"] = Access.Signed("申报：本企业（填报员）；审核与兑现：经信局 (applying: own firm; deciding: officials)", Everyone),
        ["GET /plan"] = Access.Signed(PlanReaders, Park, Official, Inspector, Auditor),
        ["POST /plan"] = Access.Signed(PlanReaders + "（分解与报送：经信局 listing and reporting: officials）", Park, Official, Inspector, Auditor),
        ["GET /requests"] = Access.Signed(OwnRequest, FirmReaders),
        ["POST /requests"] = Access.Signed(OwnRequest + "（提出：本企业；交办答复：经信局 filing: own firm; routing, replies: officials）", FirmReaders),
        ["GET /requests/{Id}"] = Access.Signed(OwnRequest, FirmReaders),
        ["POST /requests/{Id}"] = Access.Signed(OwnRequest + "（交办答复：经信局；办结或退回：本企业 routing, replies: officials; closing or sending back: own firm）", FirmReaders),
        ["GET /micro-parks"] = Access.Signed(Listed, FirmReaders),
        ["POST /micro-parks"] = Access.Signed(Listed + "（登记仅经信局 registering: officials）", FirmReaders),
        ["GET /micro-parks/{MicroPark}"] = Access.Signed(OwnMicroPark, FirmReaders),
        ["POST /micro-parks/{MicroPark}"] = Access.Signed(OwnMicroPark + "（审核仅经信局 reviews: officials）", FirmReaders),
        ["POST /land/{Parcel}"] = Access.Signed(OwnParcel + "（记录事项与复核仅经信局 recording: officials）", FirmReaders),
        ["GET /messages"] = Access.Signed("本账号的消息 (one's own messages)", Everyone),
        ["POST /messages"] = Access.Signed("本账号的消息 (one's own messages)", Everyone),
        ["POST /alerts"] = Access.Signed("企业说明本企业的预警、登记本企业能源利用状况报告；经信局说明或确认、上传预算与供电公司数据 " +
            "(the firm explains its own alerts and records its report; officials also acknowledge and upload budgets and grid figures)", FirmReaders),
        ["GET /operations"] = Access.Signed("运行状况：节点、grain 数量、热点 grain、台账写入 (operations: silos, grain counts, hot grains, ledger writer)", Official),
        ["POST /operations"] = Access.Signed("页面无表单 (the page has no forms)", Official),

        // Operations: the Prometheus scrape endpoint, mapped only when Carbon:Telemetry:Prometheus is true (see Optional).
        ["GET /metrics"] = Access.Signed("运维指标（Prometheus 文本格式），以经信局账号的令牌抓取；仅在 Carbon:Telemetry:Prometheus 为 true 时存在 " +
            "(operations metrics in Prometheus text format, scraped with a district official's API token; exists only when Carbon:Telemetry:Prometheus is true)", Official),
        ["GET /certificates/batches/{Id}"] = Access.Signed(District, Official),
        ["POST /certificates/batches/{Id}"] = Access.Signed(District, Official),
        ["GET /openapi/{documentName}.json"] = Access.Public(),
        ["GET /scalar/{documentName?}"] = Access.Public(),
        ["GET /scalar/scalar.js"] = Access.Public(),
        ["GET /scalar/scalar.aspnetcore.js"] = Access.Public(),
        ["GET /scalar/favicon.svg"] = Access.Public(),
        ["GET /verify"] = Access.Public(),
        ["POST /verify"] = Access.Public(),
        ["GET /verify/{number}"] = Access.Public(),
        ["GET /api/certificates/public-key"] = Access.Public(),
        ["GET /api/certificates/public-keys"] = Access.Public(),
        ["POST /api/certificates/verify"] = Access.Public(),
        ["GET /api/certificates/{number}/status"] = Access.Public(),
        ["GET /api/green-factory/register"] = Access.Public("公开的绿色工厂名录 (the public register of green factories)"),

        // Accounts and sign-in.
        ["POST /api/setup"] = Access.Public("仅空库、仅一次，凭启动时打印的设置码 (an empty ledger only, once, with the printed setup code)"),
        ["POST /api/auth/token"] = Access.Public("凭账号密码换取令牌；多次失败锁定 (credentials for a token; lockout after failures)"),
        ["POST /api/auth/sign-in"] = Access.Public("凭账号密码登录（Cookie）(credentials for a cookie)"),
        ["POST /api/auth/sign-out"] = Access.Signed("本人 (oneself)", Everyone),
        ["GET /api/account"] = Access.Signed("本人 (oneself)", Everyone),
        ["GET /api/account/tokens"] = Access.Signed("本人的令牌 (one's own tokens)", Everyone),
        ["DELETE /api/account/tokens/{id}"] = Access.Signed("本人的令牌；他人的 404 (one's own tokens; others 404)", Everyone),
        ["POST /api/accounts"] = Access.Signed(District, Official),
        ["GET /api/accounts"] = Access.Signed(District, Official),
        ["GET /api/accounts/{id}"] = Access.Signed(District, Official),
        ["PUT /api/accounts/{id}"] = Access.Signed(District, Official),
        ["POST /api/accounts/{id}/disable"] = Access.Signed(District, Official),
        ["POST /api/accounts/{id}/enable"] = Access.Signed(District, Official),
        ["POST /api/accounts/{id}/password"] = Access.Signed(District, Official),
        ["GET /api/audit"] = Access.Signed(District, Official, Auditor),
        ["GET /api/archives/{year}"] = Access.Signed(District + "：一年的全部台账记录，签名归档 (a year of the whole ledger, signed)", Official, Auditor),

        // Registry.
        ["POST /api/parks"] = Access.Signed(District, Official),
        ["GET /api/parks"] = Access.Signed(Listed, Park, Official, Inspector, Auditor),
        ["GET /api/parks/{code}"] = Access.Signed(OwnPark, Park, Official, Inspector, Auditor),
        ["POST /api/enterprises"] = Access.Signed(District, Official),
        ["GET /api/enterprises"] = Access.Signed(Listed, FirmReaders),
        ["GET /api/enterprises/{uscc}"] = Access.Signed(OwnFirm, FirmReaders),
        ["PUT /api/enterprises/{uscc}"] = Access.Signed("本企业（填报员）、经信局；其他 404 (own firm / district officials)", Filer, Official),

        // Filings and metrics.
        ["PUT /api/enterprises/{uscc}/filings/{month}"] = Access.Signed("本企业（填报员）、经信局；其他 404 (own firm / district officials)", Filer, Official),
        ["GET /api/enterprises/{uscc}/filings/{month}"] = Access.Signed(OwnFirm, FirmReaders),
        ["GET /api/enterprises/{uscc}/filings"] = Access.Signed(OwnFirm, FirmReaders),
        ["GET /api/filings/missing"] = Access.Signed("本园区企业（园区管理员）、全区 (own parks' firms / district)", Park, Official, Inspector, Auditor),
        ["GET /api/enterprises/{uscc}/metrics"] = Access.Signed(OwnFirm, FirmReaders),
        ["GET /api/parks/{code}/metrics"] = Access.Signed(OwnPark, Park, Official, Inspector, Auditor),
        ["GET /api/district/metrics"] = Access.Signed(District, DistrictReaders),
        ["GET /api/district/targets"] = Access.Signed(District, DistrictReaders),

        // 亩均 evaluation.
        ["POST /api/evaluations"] = Access.Signed(District, Official),
        ["GET /api/evaluations"] = Access.Signed(District, Park, Official, Inspector, Auditor),
        ["GET /api/evaluations/{id}"] = Access.Signed(District, Park, Official, Inspector, Auditor),
        ["GET /api/evaluations/{id}/enterprises"] = Access.Signed(Listed, FirmReaders),
        ["GET /api/evaluations/{id}/enterprises/{uscc}"] = Access.Signed(OwnFirm + "（一企一单）", FirmReaders),
        ["GET /api/evaluations/{id}/parks"] = Access.Signed(Listed, Park, Official, Inspector, Auditor),
        ["GET /api/evaluation-methods"] = Access.Signed("方法说明 (method descriptions)", Everyone),

        // Green factories.
        ["GET /api/green-factory/rule-sets"] = Access.Signed("规则说明 (rule descriptions)", Everyone),
        ["GET /api/green-factory/applications"] = Access.Signed(Listed + "；评价机构只见指派给它的 (evaluators: assigned ones)", Everyone),
        ["POST /api/green-factory/applications"] = Access.Signed("本企业（填报员）、经信局 (own firm / district officials)", Filer, Official),
        ["GET /api/green-factory/applications/{id}"] = Access.Signed(OwnFirm + "；评价机构：指派的 (evaluators: assigned)", Everyone),
        ["POST /api/green-factory/applications/{id}/verification"] = Access.Signed("指派的评价机构、经信局；其他 404 (assigned evaluator / district officials)", Evaluator, Official),
        ["POST /api/green-factory/applications/{id}/decision"] = Access.Signed(District, Official),
        ["POST /api/green-factory/applications/{id}/reinstatement"] = Access.Signed(District, Official),

        // Certificates.
        ["POST /api/certificates"] = Access.Signed(District + "；监察员仅出具节能监察文书和年度监察报告 (inspectors: supervision documents and the annual supervision report only)", Official, Inspector),
        ["GET /api/certificates"] = Access.Signed(Listed, FirmReaders),
        ["GET /api/certificates/{number}"] = Access.Signed(OwnFirm, FirmReaders),
        ["POST /api/certificates/{number}/revoke"] = Access.Signed(District, Official),
        ["GET /api/supervision/rules"] = Access.Signed("公开的参考数据 (reference data)", Everyone),
        ["GET /api/supervision/proposals"] = Access.Signed(District, Official, Inspector, Auditor),
        ["POST /api/supervision/plans"] = Access.Signed(District, Official, Inspector),
        ["POST /api/supervision/plans/draw"] = Access.Signed(District, Official, Inspector),
        ["POST /api/supervision/plans/follow-up"] = Access.Signed(District, Official, Inspector),
        ["GET /api/supervision/plans"] = Access.Signed(District, Official, Inspector, Auditor),
        ["GET /api/supervision/plans/{id}"] = Access.Signed(Listed, Official, Inspector, Auditor),
        ["POST /api/supervision/cases"] = Access.Signed(District, Official, Inspector),
        ["GET /api/supervision/cases"] = Access.Signed(Listed + "（企业只见本企业案件 a firm sees its own cases）", FirmReaders),
        ["GET /api/supervision/cases/{id}"] = Access.Signed(OwnFirm, FirmReaders),
        ["POST /api/supervision/cases/{id}/steps"] = Access.Signed(
            "监察员、经信局记录检查步骤；企业仅陈述意见与报送整改报告，且仅本企业 (inspectors record; the firm states its view and reports, its own case only)",
            Filer, Official, Inspector),
        ["POST /api/supervision/cases/{id}/evidence"] = Access.Signed(OwnFirm, Filer, Official, Inspector),
        ["GET /api/supervision/cases/{id}/evidence/{sha256}"] = Access.Signed(OwnFirm, FirmReaders),
        ["GET /api/supervision/cases/{id}/quota-checks"] = Access.Signed(District, Official, Inspector, Auditor),
        ["POST /api/supervision/checks"] = Access.Signed(District, Official, Inspector),
        ["GET /api/enterprises/{uscc}/equipment"] = Access.Signed(OwnFirm, FirmReaders),
        ["PUT /api/enterprises/{uscc}/equipment"] = Access.Signed("本企业（填报员）申报，监察员、经信局记录 (the firm declares; inspectors record)", Filer, Official, Inspector),
        ["GET /api/enterprises/{uscc}/meters"] = Access.Signed(OwnFirm, FirmReaders),
        ["PUT /api/enterprises/{uscc}/meters"] = Access.Signed("本企业（填报员）申报，监察员、经信局记录 (the firm declares; inspectors record)", Filer, Official, Inspector),
        ["GET /api/supervision/report"] = Access.Signed(District, Official, Inspector, Auditor),
        ["POST /api/supervision/conflicts"] = Access.Signed("监察员本人 (the inspector itself)", Inspector),
        ["GET /api/supervision/conflicts"] = Access.Signed(District, Official, Inspector, Auditor),
        ["POST /api/imports"] = Access.Signed("本企业（填报员，他企业的行被退回）、经信局 (a filer's own firms: other firms' rows are refused; district officials)", Filer, Official),
        ["GET /api/imports"] = Access.Signed("本人上传的（经信局：全部） (one's own uploads; officials: all)", Filer, Official),
        ["GET /api/imports/template"] = Access.Signed("填报员、经信局 (filers and officials)", Filer, Official),
        ["GET /api/imports/{id}"] = Access.Signed("上传者本人、经信局；其他 404 (the uploader / officials; others 404)", Filer, Official),
        ["POST /api/imports/{id}/commit"] = Access.Signed("上传者本人、经信局；其他 404 (the uploader / officials; others 404)", Filer, Official),
        ["GET /api/imports/{id}/rejected"] = Access.Signed("上传者本人、经信局；其他 404 (the uploader / officials; others 404)", Filer, Official),
        ["GET /api/exports/{kind}"] = Access.Signed(Listed, FirmReaders),
        ["GET /api/alerts"] = Access.Signed(Listed, FirmReaders),
        ["POST /api/alerts/notes"] = Access.Signed("企业说明本企业的预警；经信局说明或确认 (the firm explains its own; officials explain or acknowledge)", Filer, Official),
        ["PUT /api/enterprises/{uscc}/budgets/{year}"] = Access.Signed(District, Official),
        ["GET /api/enterprises/{uscc}/budgets/{year}"] = Access.Signed(OwnFirm, FirmReaders),
        ["PUT /api/enterprises/{uscc}/energy-reports/{year}"] = Access.Signed("本企业（填报员）、经信局；其他 404 (own firm / district officials; others 404)", Filer, Official),
        ["GET /api/enterprises/{uscc}/energy-reports/{year}"] = Access.Signed(OwnFirm, FirmReaders),
        ["POST /api/budgets"] = Access.Signed(District, Official),
        ["POST /api/parcels"] = Access.Signed(District, Official),
        ["GET /api/parcels"] = Access.Signed(Listed + "：用地企业的填报员见其企业的地块，园区管理员见本园区的 (a filer its firms' parcels, a park administrator its parks')", FirmReaders),
        ["GET /api/parcels/{parcel}"] = Access.Signed(OwnParcel, FirmReaders),
        ["POST /api/parcels/{parcel}/events"] = Access.Signed(District, Official),
        ["GET /api/parcels/{parcel}/review"] = Access.Signed(OwnParcel, FirmReaders),
        ["POST /api/parcels/{parcel}/review"] = Access.Signed(District, Official),
        ["GET /api/land/low-efficiency"] = Access.Signed(Listed + "：地块可见范围同上 (the parcels the caller may see)", FirmReaders),
        ["GET /api/rectification/campaigns"] = Access.Signed(Listed + "：按调用者可见的案件计数 (counts over the cases the caller may see)", FirmReaders),
        ["GET /api/rectification/cases"] = Access.Signed(Listed + "：本企业的案件（填报员）、本园区的（园区管理员）、全区 (own firm's / own parks' / district)", FirmReaders),
        ["POST /api/rectification/cases"] = Access.Signed("经信局；园区管理员限本园区 (officials; park administrators in their parks)", Park, Official),
        ["GET /api/rectification/cases/{id}"] = Access.Signed(OwnCase, FirmReaders),
        ["POST /api/rectification/cases/{id}/steps"] = Access.Signed(OwnCase + "（记录：经信局、本园区管理员 recording: officials, the park's administrator）", Park, Official),
        ["POST /api/rectification/cases/{id}/evidence"] = Access.Signed(OwnCase + "（上传：经信局、本园区管理员 uploading: officials, the park's administrator）", Park, Official),
        ["GET /api/rectification/cases/{id}/evidence/{sha256}"] = Access.Signed(OwnCase, FirmReaders),
        ["POST /api/micro-parks"] = Access.Signed(District, Official),
        ["GET /api/micro-parks"] = Access.Signed(Listed + "：园区内的（园区管理员）、有本企业入驻的（填报员）(in own parks / hosting own firms)", FirmReaders),
        ["GET /api/micro-parks/{microPark}"] = Access.Signed(OwnMicroPark, FirmReaders),
        ["POST /api/micro-parks/{microPark}/entries"] = Access.Signed(District, Official),
        ["POST /api/micro-parks/{microPark}/review"] = Access.Signed(District, Official),
        ["POST /api/policies"] = Access.Signed(District, Official),
        ["GET /api/policies"] = Access.Signed(Listed + "：符合条件的企业按调用者可见范围计 (firms counted as far as the caller may see them)", Everyone),
        ["GET /api/policies/outlay"] = Access.Signed(Listed, FirmReaders),
        ["POST /api/policies/notify"] = Access.Signed(District, Official),
        ["GET /api/policies/{policy}"] = Access.Signed("政策公开；企业匹配与申报按调用者可见范围 (the policy is public to accounts; firms as far as the caller may see)", Everyone),
        ["POST /api/policies/{policy}/applications"] = Access.Signed("本企业（填报员）、经信局代报；其他 404 (own firm / officials; others 404)", Filer, Official),
        ["POST /api/policies/{policy}/applications/{id}/steps"] = Access.Signed(District, Official),
        ["GET /api/requests"] = Access.Signed(OwnRequest, FirmReaders),
        ["POST /api/requests"] = Access.Signed("本企业（填报员）、经信局代提；其他 404 (own firm / officials on its behalf; others 404)", Filer, Official),
        ["GET /api/requests/{id}"] = Access.Signed(OwnRequest, FirmReaders),
        ["POST /api/requests/{id}/steps"] = Access.Signed(OwnRequest + "（交办、答复：经信局；办结或退回答复：本企业 routing, replies: officials; closing or sending back: own firm）", Filer, Official),
        ["POST /api/requests/{id}/attachments"] = Access.Signed(OwnRequest + "（上传：本企业、经信局 uploading: own firm, officials）", Filer, Official),
        ["GET /api/requests/{id}/attachments/{sha256}"] = Access.Signed(OwnRequest, FirmReaders),
        ["GET /api/plan/tasks"] = Access.Signed(PlanReaders, Park, Official, Inspector, Auditor),
        ["POST /api/plan/tasks"] = Access.Signed(District, Official),
        ["GET /api/plan/tasks/{id}"] = Access.Signed(PlanReaders, Park, Official, Inspector, Auditor),
        ["POST /api/plan/tasks/{id}/reports"] = Access.Signed("经信局为责任单位报送 (officials report for the units)", Official),
        ["GET /api/district/clusters"] = Access.Signed(District + "：集群与楼宇含企业级数据 (with firm-level figures)", DistrictReaders),
        ["GET /api/district/trajectory"] = Access.Signed(District + "：含全区企业的分解份额 (with every firm's share)", DistrictReaders),
        ["GET /api/account/messages"] = Access.Signed("本账号的消息 (one's own messages)", Everyone),
        ["POST /api/reminders/run"] = Access.Signed("给全区有待办事项的填报账号发提醒 (reminds every filer account with something outstanding)", Official),
        ["GET /api/budgets/template"] = Access.Signed(District, Official),
        ["POST /api/grid-electricity"] = Access.Signed(District, Official),
        ["GET /api/grid-electricity/template"] = Access.Signed(District, Official),
        ["POST /api/certificate-batches"] = Access.Signed(District, Official),
        ["GET /api/certificate-batches/{id}"] = Access.Signed(District, Official),
    };

    /// <summary>Rows whose endpoint is mapped only when configured (so a service without it has a row and no endpoint).</summary>
    public static readonly IReadOnlySet<string> Optional = new HashSet<string>(StringComparer.Ordinal) { "GET /metrics" };

    /// <summary>The key of an endpoint: its method and route as written ("GET /api/enterprises/{uscc}"), without a trailing slash.</summary>
    public static string Key(string method, string route)
    {
        var path = route.StartsWith('/') ? route : "/" + route;
        return $"{method} {(path.Length > 1 ? path.TrimEnd('/') : path)}";
    }

    /// <summary>The keys of an endpoint (one per HTTP method it answers).</summary>
    public static IEnumerable<string> Keys(RouteEndpoint endpoint) =>
        (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => Key(m, endpoint.RoutePattern.RawText ?? ""));

    /// <summary>The row of an endpoint for a request's method (HEAD follows GET), or null when it has none.</summary>
    public static Access? Find(RouteEndpoint endpoint, string method)
    {
        var route = endpoint.RoutePattern.RawText ?? "";
        return Rules.GetValueOrDefault(Key(method, route))
               ?? (HttpMethods.IsHead(method) ? Rules.GetValueOrDefault(Key("GET", route)) : null);
    }
}
