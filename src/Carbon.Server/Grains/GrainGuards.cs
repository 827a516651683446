using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Carbon.Domain;
using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;
using Carbon.Server.Configuration;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// A grain refused its input: <see cref="Field"/> (a JSON path, as the HTTP layer names fields) and why. Nothing was
/// written. The HTTP validators refuse the same input first, so through the API this is only ever a second line.
/// </summary>
[GenerateSerializer, Alias("carbon.grain-input-refused")]
public sealed class GrainInputRefusedException : Exception
{
    public GrainInputRefusedException(string field, string message) : base($"{field}: {message}") => (Field, Reason) = (field, message);

    [Id(0)]
    public string Field { get; private set; }

    [Id(1)]
    public string Reason { get; private set; }
}

/// <summary>
/// Defence in depth: each state-changing grain method checks its own invariants in one line before it touches state
/// or the ledger, whoever calls it — the HTTP endpoints (whose validators check the same first), another grain, or a
/// client that found a way in. The limits are the HTTP validators' and the domain's (<see cref="FilingLimits"/>,
/// <see cref="Land"/>, <see cref="PlainText"/>), so the two layers agree.
/// </summary>
public static partial class GrainGuards
{
    // ----- enterprises ---------------------------------------------------------------------------------------------

    /// <summary>An enterprise grain's key is a valid USCC, or the grain takes no change at all.</summary>
    public static Uscc Enterprise(string key) =>
        Uscc.TryParse(key, out var uscc, out var error) ? uscc : throw new GrainInputRefusedException("uscc", error);

    public static void Register(string key, EnterpriseProfile profile, string actor)
    {
        Profile(Enterprise(key), profile);
        Actor(actor);
    }

    public static void Revise(string key, EnterpriseProfile profile, string? reason, string actor)
    {
        Profile(Enterprise(key), profile with { ParkCode = null });
        Text("reason", reason, required: false, max: 1000, multiline: true);
        Actor(actor);
    }

    /// <summary>An upload: a job id, a file name, bytes and their SHA-256.</summary>
    public static void Import(string key, ImportUpload upload, string actor)
    {
        Id("id", key);
        Text("fileName", upload.FileName, required: true, max: 255);
        Check(upload.Content is { Length: > 0 }, "file", "文件为空 (the file is empty)");
        Check(Sha256().IsMatch(upload.Sha256 ?? ""), "sha256", "sha256 为64位十六进制小写 (sha256 is 64 lower-case hex digits)");
        Actor(actor);
    }

    /// <summary>A batch names each month once.</summary>
    public static void Distinct(IEnumerable<YearMonth> months)
    {
        var seen = new HashSet<YearMonth>();
        foreach (var m in months)
        {
            Check(seen.Add(m), "month", $"{m} 在同一批中出现两次 (month {m} twice in one batch)");
        }
    }

    public static void File(string key, FilingSubmission submission, TimeProvider time) =>
        File(key, submission, new ReportingClock(time).CurrentMonth);

    /// <summary>A filing, against a current month read once for a whole batch (every month of it judged against the same month).</summary>
    public static void File(string key, FilingSubmission submission, YearMonth currentMonth)
    {
        Enterprise(key);
        var filing = submission.Filing;
        Month(filing.Month, currentMonth);
        var seen = new HashSet<EnergyCarrier>();
        for (var i = 0; i < filing.Energy.Count; i++)
        {
            var line = filing.Energy[i];
            var unit = line.Quantity.Unit;
            Amount(EnergyField(i, "quantity"), line.Quantity.Value, FilingLimits.MaxBase(unit.DimensionOf()) / unit.ScaleToBase());
            Amount(EnergyField(i, "feedstock"), line.Feedstock, line.Quantity.Value);
            Check(seen.Add(line.Carrier), $"energy[{i}].carrier", $"{line.Carrier.Token()} 重复填报 (carrier filed twice; one line per carrier)");
        }
        Amount("waterM3", filing.WaterM3, FilingLimits.MaxWaterM3);
        Amount("outputValue", filing.OutputValue, FilingLimits.MaxMoney10kYuan);
        Amount("valueAdded", filing.ValueAdded, FilingLimits.MaxMoney10kYuan);
        Amount("revenue", filing.Revenue, FilingLimits.MaxMoney10kYuan);
        Amount("taxPaid", filing.TaxPaid, FilingLimits.MaxMoney10kYuan);
        Amount("rdExpense", filing.RdExpense, FilingLimits.MaxMoney10kYuan);
        Check(filing.Employees is >= 0 and <= FilingLimits.MaxEmployees, "employees", $"从业人员应在 0 到 {FilingLimits.MaxEmployees} 之间 (employees must be 0..{FilingLimits.MaxEmployees})");
        if (filing.Pollutants is { } p)
        {
            foreach (var (field, value) in new[] { ("pollutants.codT", p.CodT), ("pollutants.nh3nT", p.Nh3nT), ("pollutants.so2T", p.So2T), ("pollutants.noxT", p.NoxT) })
            {
                if (value is { } v)
                {
                    Amount(field, v, FilingLimits.MaxPollutantT);
                }
            }
        }
        var products = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < filing.Products.Count; i++)
        {
            var product = filing.Products[i];
            Text($"products[{i}].name", product.Name, required: true, max: 100);
            Text($"products[{i}].unit", product.Unit, required: true, max: 16);
            Amount($"products[{i}].quantity", product.Quantity, FilingLimits.MaxProductQuantity);
            Check(products.Add(product.Name), $"products[{i}].name", $"产品 {product.Name} 重复填报 (product listed twice)");
        }
        Text("reason", submission.Reason, required: false, max: 1000, multiline: true);
        Text("note", submission.Confirmation, required: false, max: 1000, multiline: true);
        Check((submission.Omitted ?? []).All(s => s is "pollutants" or "products"), "body", "未知的可选部分 (an omitted section is pollutants or products)");
        Actor(submission.Caller.Account);
    }

    // ----- parks ---------------------------------------------------------------------------------------------------

    public static void RegisterPark(string key, ParkProfile profile, string actor)
    {
        Check(ParkCodes.IsValid(key), "code", "园区代码为1-32位字母、数字、'-'或'_' (code is 1-32 letters, digits, '-' or '_')");
        Check(profile.Code == key, "code", $"园区代码 {profile.Code} 与园区 {key} 不符 (the profile is of another park)");
        Text("name", profile.Name, required: true, max: 200);
        Check(Token().IsMatch(profile.Kind ?? ""), "kind", "园区类型为小写词，如 industrial-park (kind is a lower-case token)");
        Actor(actor);
    }

    // ----- certificates --------------------------------------------------------------------------------------------

    /// <summary>Checked before a number is taken, so a refused request leaves no gap in the numbering.</summary>
    public static void Reserve(CertificateReservation reservation, TimeProvider time)
    {
        Subject(reservation.Kind, reservation.Uscc);
        Year("year", reservation.Year, time);
        Text("reason", reservation.SupersedeReason, required: false, max: 900, multiline: true);
    }

    /// <summary>An order to issue, checked before anything is built or a number reserved.</summary>
    public static void Issue(IssueOrder order, TimeProvider time)
    {
        Subject(order.Kind, order.Uscc);
        if (order.Year is { } year)
        {
            Year("year", year, time);
        }
        Text("evaluationId", order.EvaluationId, required: false, max: 64);
        Text("applicationId", order.ApplicationId, required: false, max: 64);
        Text("caseStep", order.CaseStep, required: order.Kind == Domain.Certificates.CertificateKind.SupervisionDocument, max: 48);
        Text("reason", order.SupersedeReason, required: false, max: 900, multiline: true);
        Actor(order.Actor);
    }

    /// <summary>Only a number this register reserved is recorded, with the register entry's fields in shape.</summary>
    public static void Record(CertificateEntry entry, bool reserved, TimeProvider time)
    {
        Check(reserved, "number", $"证书编号 {entry.Number} 未经登记簿预留 (the number was not reserved by the register)");
        Subject(entry.Kind, entry.Uscc);
        Year("year", entry.Year, time);
        Check(Sha256().IsMatch(entry.Sha256 ?? ""), "sha256", "sha256 为64位十六进制小写 (sha256 is 64 lower-case hex digits)");
        Text("signature", entry.Signature, required: true, max: 200);
        Check(entry.Pdf is { Length: > 0 }, "pdf", "证书 PDF 为空 (the PDF is empty)");
        Actor(entry.IssuedBy);
    }

    public static void Revoke(string number, string reason, string actor)
    {
        Text("number", number, required: true, max: 32);
        Text("reason", reason, required: true, max: 1000, multiline: true);
        Actor(actor);
    }

    public static void StartBatch(string key, string evaluationId, string actor)
    {
        Id("id", key);
        Text("evaluationId", evaluationId, required: true, max: 64);
        Actor(actor);
    }

    // ----- evaluations and green factories -------------------------------------------------------------------------

    public static void RunEvaluation(string key, int year, string methodId, string actor, TimeProvider time)
    {
        Id("id", key);
        Year("year", year, time);
        Text("method", methodId, required: true, max: 64);
        Actor(actor);
    }

    public static void OpenCase(string key, OpenCase c, TimeProvider time)
    {
        Id("id", key);
        Year("year", c.Year, time);
        Text("reason", c.Reason, required: false, max: 2000, multiline: true);
        Check(c.AssignedInspectors.Length <= 10, "assignedInspectors", "at most 10 inspectors");
        foreach (var inspector in c.AssignedInspectors)
        {
            Text("assignedInspectors", inspector, required: true, max: 100);
        }
        Actor(c.Caller.Account);
    }

    /// <summary>A parcel code: letters, digits, '-' and '_', 1 to 32 characters (a 不动产单元号 or the district's own code).</summary>
    public static readonly Regex ParcelCode = new("^[A-Za-z0-9_-]{1,32}$", RegexOptions.Compiled);

    public static void RegisterParcel(string key, RegisterParcel c)
    {
        Check(ParcelCode.IsMatch(key), "code", "地块编号为1–32位字母、数字、- 或 _ (a parcel code)");
        Text("name", c.Name, required: true, max: 200);
        Text("location", c.Location, required: true, max: 200);
        Text("landUse", c.LandUse, required: true, max: 100);
        Text("document", c.Document, required: true, max: 200);
        Text("parkCode", c.ParkCode, required: false, max: 32);
        Check(c.Obligations is null || string.Join('\n', c.Obligations.Remedies).Length <= 2000, "obligations.remedies", "违约处理合计不超过 2000 字 (remedies: at most 2 000 characters)");
        Check(c.AreaMu is > 0m and <= Land.MaxMu, "areaMu", $"面积应在 0 至 {Land.MaxMu} 亩之间 (areaMu must be above 0 and at most {Land.MaxMu})");
        Check(c.ExpiresOn is null || c.ExpiresOn > c.GrantedOn, "expiresOn", "到期日须晚于供地日 (expiry after the grant)");
        Usccs(c.Holder);
        Actor(c.Caller.Account);
    }

    public static void RecordParcelEvent(string key, ParcelEventCommand c)
    {
        Check(ParcelCode.IsMatch(key), "code", "地块编号为1–32位字母、数字、- 或 _ (a parcel code)");
        Text("document", c.Document, required: true, max: 200);
        Text("detail", c.Detail, required: false, max: 4000, multiline: true);
        Check(c.Investment is null or (>= 0m and <= FilingLimits.MaxMoney10kYuan), "investment", "投资额应在 0 至上限之间 (investment out of range)");
        Check(c.FloorAreaRatio is null or (> 0m and <= 100m), "floorAreaRatio", "容积率应在 0 至 100 之间 (floorAreaRatio out of range)");
        Actor(c.Caller.Account);
    }

    public static void OpenRectification(string key, OpenRectification c)
    {
        Id("id", key);
        Text("campaign", c.Campaign, required: true, max: 64);
        Text("block", c.Block, required: false, max: 200);
        Text("town", c.Town, required: true, max: 100);
        Text("parkCode", c.ParkCode, required: false, max: 32);
        Text("supervisionCaseId", c.SupervisionCaseId, required: false, max: 32);
        Text("responsibleUnit", c.ResponsibleUnit, required: true, max: 200);
        Text("measures", c.Measures, required: true, max: 2000, multiline: true);
        Check(c.Uscc is not null || !string.IsNullOrWhiteSpace(c.Block), "uscc", "须给出企业或街区 (a firm or a block)");
        Check(c.Problems.Length is > 0 and <= 7 && c.Problems.Distinct().Count() == c.Problems.Length, "problems", "问题类别 1–7 项，不重复 (1 to 7 distinct problems)");
        Check(c.Deadline >= c.On, "deadline", "整治期限不能早于立案日 (the deadline is not before the case opens)");
        if (c.Uscc is { } u)
        {
            Usccs(u);
        }
        Actor(c.Caller.Account);
    }

    public static void RectificationStep(string key, RectificationStepCommand c)
    {
        Id("id", key);
        Text("text", c.Text, required: true, max: 2000, multiline: true);
        Check(c.Evidence.Length <= 10 && c.Evidence.All(h => Sha256().IsMatch(h)), "evidence", "至多10个证据哈希，每个为64位十六进制小写 (at most 10 SHA-256 hashes)");
        Actor(c.Caller.Account);
    }

    public static void RegisterMicroPark(string key, RegisterMicroPark c)
    {
        Check(ParcelCode.IsMatch(key), "code", "园区编号为1–32位字母、数字、- 或 _ (a micro-park code)");
        Text("name", c.Name, required: true, max: 200);
        Text("operator", c.Operator, required: true, max: 200);
        Text("developmentModel", c.DevelopmentModel, required: true, max: 100);
        Text("town", c.Town, required: true, max: 100);
        Text("parkCode", c.ParkCode, required: false, max: 32);
        Check(c.FloorAreaM2 is > 0m and <= Land.MaxFloorAreaM2, "floorAreaM2", "建筑面积应在 0 至上限之间 (floorAreaM2 out of range)");
        Check(c.StarRating is null or (>= 1 and <= 5), "starRating", "星级为 1–5 (stars 1..5)");
        Check(c.Industries.Length <= 20 && c.Industries.All(i => i.Length is > 0 and <= 8 && i.All(char.IsAsciiLetterOrDigit)), "industries",
            "至多20个行业代码前缀 (at most 20 industry code prefixes)");
        Check(c.WorstClass is null or "A" or "B" or "C" or "D", "worstClass", "worstClass 为 A, B, C 或 D");
        Check(c.MinTaxPerMu is null or (> 0m and <= 1_000_000m), "minTaxPerMu", "minTaxPerMu 应大于 0 (above 0)");
        Actor(c.Caller.Account);
    }

    public static void MicroParkFirm(string key, MicroParkFirmCommand c)
    {
        Check(ParcelCode.IsMatch(key), "code", "园区编号为1–32位字母、数字、- 或 _ (a micro-park code)");
        Usccs(c.Uscc);
        Text("detail", c.Detail, required: true, max: 1000, multiline: true);
        Actor(c.Caller.Account);
    }

    public static void PublishPolicy(string key, PublishPolicy c)
    {
        Check(ParcelCode.IsMatch(key), "id", "政策编号为1–32位字母、数字、- 或 _ (a policy code)");
        Text("title", c.Title, required: true, max: 200);
        Text("documentNumber", c.DocumentNumber, required: true, max: 100);
        Check(c.ValidTo >= c.ValidFrom, "validTo", "有效期止不能早于起 (validTo not before validFrom)");
        Check(c.Benefit is { } b && (b.Amount is > 0m and <= 1_000_000m || b.Rate is > 0m and <= 1m) && b.Cap is null or (> 0m and <= 1_000_000m)
              && b.RateBase is null or "tax-paid" or "value-added", "benefit", "须给出正的金额或 0–1 的比例，封顶为正 (a positive amount or a rate of 0..1, a positive cap)");
        Check(c.Rules is { Length: > 0 and <= 20 }, "rules", "1 至 20 条规则 (1 to 20 rules)");
        foreach (var r in c.Rules)
        {
            Check(r is not null && Enum.IsDefined(r.Kind) && r.Kind switch
            {
                Domain.Policies.RuleKind.ClassAtLeast => r.Value is "A" or "B" or "C" or "D",
                Domain.Policies.RuleKind.Scale => r.Value is "above" or "below",
                Domain.Policies.RuleKind.Industry or Domain.Policies.RuleKind.Park => r.Values is { Count: > 0 and <= 50 } v && v.All(x => ParcelCode.IsMatch(x ?? "")),
                Domain.Policies.RuleKind.Designation => r.Values is { Count: > 0 and <= 4 } ds && ds.All(x => Designations.TryParse(x, out _)),
                Domain.Policies.RuleKind.IntensityReduction => r.AtLeast is >= -1m and <= 1m,
                Domain.Policies.RuleKind.Confirm => !string.IsNullOrWhiteSpace(r.Text) && r.Text.Length <= 300,
                _ => true,
            }, "rules", "规则不完整 (a rule is incomplete: its kind needs its value)");
        }
        Check(c.Rules.Where(r => r?.Kind == Domain.Policies.RuleKind.Confirm).Sum(r => (r!.Text?.Length ?? 0) + 1) <= 1500, "rules",
            "承诺事项合计不超过 1500 字 (at most 1 500 characters to confirm)");
        Check(System.Text.Json.JsonSerializer.Serialize(c.Rules, PolicyGrain.Json).Length <= 8000, "rules", "规则过长 (the rules are too long)");
        Actor(c.Caller.Account);
    }

    public static void ApplyForPolicy(string key, ApplyForPolicy c)
    {
        Check(ParcelCode.IsMatch(key), "id", "政策编号为1–32位字母、数字、- 或 _ (a policy code)");
        Usccs(c.Uscc);
        Text("facts", c.Facts, required: true, max: 4000, multiline: true);
        Text("confirmed", c.Confirmed, required: false, max: 2000, multiline: true);
        Check(c.Amount is >= 0m and <= FilingLimits.MaxMoney10kYuan, "amount", "金额超出范围 (amount out of range)");
        Actor(c.Caller.Account);
    }

    public static void PolicyApplicationStep(string key, PolicyApplicationCommand c)
    {
        Check(ParcelCode.IsMatch(key), "id", "政策编号为1–32位字母、数字、- 或 _ (a policy code)");
        Id("applicationId", c.ApplicationId);
        Text("text", c.Text, required: true, max: 2000, multiline: true);
        Check(c.Amount is null or (>= 0m and <= FilingLimits.MaxMoney10kYuan), "amount", "金额超出范围 (amount out of range)");
        Actor(c.Caller.Account);
    }

    public static void CreatePlan(string key, CreatePlan c, TimeProvider time)
    {
        Id("id", key);
        // Next year's plan is made in December.
        var next = new ReportingClock(time).CurrentMonth.Year + 1;
        Check(c.Year >= ReportingClock.FirstMonth.Year && c.Year <= next, "year",
            $"year 应在 {ReportingClock.FirstMonth.Year} 至 {next} 之间 (year must be {ReportingClock.FirstMonth.Year}..{next})");
        Text("name", c.Name, required: true, max: 200);
        Check(c.Targets.Length is > 0 and <= 5000, "targets", "a plan targets 1..5000 firms");
        Check(c.Targets.Select(t => t.Uscc).Distinct().Count() == c.Targets.Length, "targets", "每家企业在一个计划中只出现一次 (each firm once per plan)");
        foreach (var t in c.Targets)
        {
            Text("targets.reason", t.Reason, required: true, max: 500);
        }
        Actor(c.Caller.Account);
    }

    public static void CreatePlanTask(string key, CreatePlanTask c)
    {
        Id("id", key);
        Text("planId", c.PlanId, required: true, max: 64);
        Text("title", c.Title, required: true, max: 200);
        Text("unit", c.Unit, required: true, max: 100);
        Text("measures", c.Measures, required: true, max: 2000, multiline: true);
        Check(Enum.IsDefined(c.Kind) && Enum.IsDefined(c.Cadence), "kind", "任务类别或报送频次无效 (kind or cadence)");
        Check(c.Targets is { Length: > 0 and <= 20 } && c.Targets.All(t => ParcelCode.IsMatch(t ?? "")) && c.Targets.Distinct().Count() == c.Targets.Length,
            "targets", "1 至 20 个不重复的目标编号 (1 to 20 distinct target ids)");
        Check(c.Starts.Year is >= 2000 and <= 2100, "starts", "开始日期在 2000 至 2100 年间 (starts within 2000..2100)");
        Check(c.Ends >= c.Starts && c.Ends <= c.Starts.AddYears(10), "ends", "结束不早于开始，至多十年 (ends after it starts, within ten years)");
        Check(c.Stages is { Length: <= 20 } && c.Stages.Select(g => g.Number).Distinct().Count() == c.Stages.Length, "stages", "至多 20 个编号不重复的阶段目标 (at most 20 stages)");
        foreach (var g in c.Stages)
        {
            Text("stages", g.Goal, required: true, max: 200);
            Check(g.Number is >= 1 and <= 99 && g.Due >= c.Starts && g.Due <= c.Ends, "stages", "阶段目标编号 1–99，日期在任务期内 (numbered 1..99, due within the task)");
        }
        Actor(c.Caller.Account);
    }

    public static void ReportOnTask(string key, ReportOnTask c)
    {
        Id("id", key);
        Check(PlanPeriod.IsMatch(c.Period ?? ""), "period", "报告期为 YYYY-MM 或 YYYY-Qn (a month or a quarter)");
        Check(Enum.IsDefined(c.Progress), "progress", "进展状态无效 (progress)");
        Check(c.PercentDone is >= 0m and <= 100m, "percentDone", "完成百分比 0–100 (0..100)");
        Text("figures", c.Figures, required: true, max: 2000, multiline: true);
        Text("obstacles", c.Obstacles, required: false, max: 2000, multiline: true);
        Check(c.StagesMet is { Length: <= 20 } && c.StagesMet.All(n => n is >= 1 and <= 99), "stagesMet", "阶段编号 1–99 (stage numbers)");
        Actor(c.Caller.Account);
    }

    public static void FileRequest(string key, FileRequest c)
    {
        Id("id", key);
        Usccs(c.Uscc);
        Check(Enum.IsDefined(c.Category), "category", "诉求类别无效 (category)");
        Text("title", c.Title, required: true, max: 200);
        Text("text", c.Text, required: true, max: 4000, multiline: true);
        Actor(c.Caller.Account);
    }

    public static void RequestStep(string key, RequestStepCommand c)
    {
        Id("id", key);
        Check(Enum.IsDefined(c.Step) && c.Step != Domain.Policies.RequestStep.Filed, "step", "步骤为 routed、replied 或 closed (a step)");
        Text("unit", c.Unit, required: c.Step == Domain.Policies.RequestStep.Routed && c.Caller.Administers, max: 100);
        Text("text", c.Text, required: true, max: 4000, multiline: true);
        Actor(c.Caller.Account);
    }

    [GeneratedRegex("^[0-9]{4}-(0[1-9]|1[0-2]|Q[1-4])$")]
    private static partial Regex PlanPeriodPattern();

    private static readonly Regex PlanPeriod = PlanPeriodPattern();

    public static void Equipment(EquipmentLine[] lines, string? reason, string actor)
    {
        Check(lines.Length <= 5000, "lines", "at most 5000 equipment lines");
        foreach (var l in lines)
        {
            Text("lines.type", l.Type, required: false, max: 100);
            Text("lines.model", l.Model, required: true, max: 100);
            Check(l.PowerKw is null or (>= 0m and <= 1_000_000m), "lines.powerKw", "powerKw 为 0 至 1 000 000 kW");
            Check(l.Count is >= 1 and <= 100_000, "lines.count", "count 为 1 至 100 000");
        }
        Text("reason", reason, required: false, max: 500);
        Actor(actor);
    }

    public static void Meters(MeterLine[] lines, string? reason, string actor)
    {
        Check(lines.Length <= 500, "lines", "at most 500 meter lines");
        foreach (var l in lines)
        {
            Text("lines.energy", l.Energy, required: true, max: 32);
            Check(l.Required is >= 0 and <= 1_000_000 && l.Equipped is >= 0 and <= 1_000_000, "lines.required", "required 与 equipped 为 0 至 1 000 000");
        }
        Text("reason", reason, required: false, max: 500);
        Actor(actor);
    }

    public static void CaseStep(string key, CaseStepCommand c)
    {
        Id("id", key);
        Text("text", c.Text, required: false, max: 4000, multiline: true);
        Text("number", c.Number, required: false, max: 100);
        Check((c.Inspectors?.Length ?? 0) <= 10, "inspectors", "at most 10 inspectors");
        foreach (var inspector in c.Inspectors ?? [])
        {
            Text("inspectors", inspector, required: true, max: 100);
        }
        if (c.Finding is { } f)
        {
            Text("finding.ruleRef", f.RuleRef, required: true, max: 100);
            Text("finding.text", f.Text, required: true, max: 2000, multiline: true);
            Text("finding.unit", f.Unit, required: false, max: 32);
        }
        foreach (var hash in (c.Finding?.Evidence ?? []).Concat(c.Evidence ?? []))
        {
            Check(hash.Length == 64 && hash.All(char.IsAsciiHexDigit), "evidence", "evidence is cited by its SHA-256 (64 hex digits)");
        }
        Actor(c.Caller.Account);
    }

    public static void Submit(string key, SubmitApplication s, TimeProvider time, IEnumerable<string> ruleSets)
    {
        Id("id", key);
        Usccs(s.Uscc);
        Year("year", s.Year, time);
        Check(ruleSets.Contains(s.RuleSetId, StringComparer.Ordinal), "edition", $"未知评价标准 '{s.RuleSetId}' (unknown edition)");
        Text("product", s.Product, required: false, max: 100);
        var items = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < s.Answers.Length; i++)
        {
            var answer = s.Answers[i];
            Text($"answers[{i}].item", answer.Item, required: true, max: 100);
            Text($"answers[{i}].evidence", answer.Evidence, required: answer.Met, max: 2000, multiline: true);
            Check(items.Add(answer.Item), $"answers[{i}].item", $"'{answer.Item}' 重复作答 (answered twice)");
        }
        Actor(s.Caller.Account);
    }

    public static void Verify(Decision[] decisions, string actor)
    {
        Check(decisions.Length > 0, "decisions", "decisions 不能为空 (give at least one decision)");
        for (var i = 0; i < decisions.Length; i++)
        {
            Text($"decisions[{i}].item", decisions[i].Item, required: true, max: 100);
            Text($"decisions[{i}].comment", decisions[i].Comment, required: !decisions[i].Accepted, max: 2000, multiline: true);
        }
        Actor(actor);
    }

    public static void Decide(bool approve, string? comment, string actor)
    {
        Text("comment", comment, required: !approve, max: 2000, multiline: true);
        Actor(actor);
    }

    public static void Reinstate(string reason, string actor)
    {
        Text("reason", reason, required: true, max: 1000, multiline: true);
        Actor(actor);
    }

    // ----- the checks ----------------------------------------------------------------------------------------------

    private static void Profile(Uscc key, EnterpriseProfile p)
    {
        Check(p.Uscc == key, "uscc", $"档案属于 {p.Uscc}，不是 {key} (the profile is of another enterprise)");
        Text("name", p.Name, required: true, max: 200);
        Text("industry", p.Industry, required: true, max: 100);
        Text("industryCode", p.IndustryCode, required: false, max: 8);
        Check(p.ParkCode is null || ParkCodes.IsValid(p.ParkCode), "parkCode", "园区代码格式错误 (not a park code)");
        Check(p.Scale is "above" or "below", "scale", "规模应为 'above'(规上) 或 'below'(规下) (scale must be 'above' or 'below')");
        Amount("landAreaMu", p.LandAreaMu, Land.MaxMu);
        Amount("leasedAreaMu", p.LeasedAreaMu, Land.MaxMu);
        Amount("floorAreaM2", p.FloorAreaM2, Land.MaxFloorAreaM2);
        Amount("footprintM2", p.FootprintM2, Land.MaxFootprintM2);
        Check(p.EstablishedOn is null || p.EstablishedOn.Value.Year >= 1949, "establishedOn", "成立日期不能早于1949年 (establishedOn is not before 1949)");
        Check(p.LandGrantedOn is null || p.LandGrantedOn.Value.Year >= 1949, "landGrantedOn", "供地日期不能早于1949年 (landGrantedOn is not before 1949)");
        Check(p.Designations is null || (p.Designations.Length <= 4 && p.Designations.All(Enum.IsDefined) && p.Designations.Distinct().Count() == p.Designations.Length),
            "designations", "认定类别至多 4 项，不重复 (at most 4 distinct titles)");
    }

    /// <summary>A USCC inside a message: a default (empty) value is no USCC.</summary>
    /// <summary>A firm's certificate names its firm; a district-wide one names none.</summary>
    private static void Subject(Domain.Certificates.CertificateKind kind, Uscc? uscc)
    {
        if (Domain.Certificates.CertificateKinds.IsDistrictWide(kind))
        {
            Check(uscc is null, "uscc", "全区文书不属于某一企业，不能指定 uscc (a district-wide document names no firm)");
        }
        else
        {
            Check(uscc is { } u && u.Value is not null, "uscc", "统一社会信用代码不能为空 (the USCC is required)");
        }
    }

    private static void Usccs(Uscc uscc) => Check(uscc.Value is not null, "uscc", "统一社会信用代码不能为空 (the USCC is required)");

    /// <summary>A month the service accepts filings for: 2020-01 up to the current month in Zhejiang.</summary>
    private static void Month(YearMonth month, TimeProvider time) => Month(month, new ReportingClock(time).CurrentMonth);

    private static void Month(YearMonth month, YearMonth current)
    {
        if (month < ReportingClock.FirstMonth || month > current)
        {
            Check(false, "month", $"月份应在 {ReportingClock.FirstMonth} 至 {current} 之间 (month must be {ReportingClock.FirstMonth}..{current})");
        }
    }

    private static void Year(string field, int year, TimeProvider time)
    {
        var current = new ReportingClock(time).CurrentMonth.Year;
        Check(year >= ReportingClock.FirstMonth.Year && year <= current, field,
            $"{field} 应在 {ReportingClock.FirstMonth.Year} 至 {current} 之间 ({field} must be {ReportingClock.FirstMonth.Year}..{current})");
    }

    private static void Amount(string field, decimal? value, decimal max)
    {
        if (value is not { } v)
        {
            return;
        }
        Check(v >= 0m, field, $"{field} 不能为负 ({field} cannot be negative)");
        Check(v <= max, field, $"{field} 不能超过 {max:0.######} ({field} is at most {max:0.######})");
        Check(FilingLimits.HasAllowedPrecision(v), field, $"{field} 最多 {FilingLimits.MaxDecimals} 位小数 (at most {FilingLimits.MaxDecimals} decimal places)");
    }

    private static void Text(string field, string? text, bool required, int max, bool multiline = false)
    {
        Check(!required || !string.IsNullOrWhiteSpace(text), field, $"{field} 必填 ({field} is required)");
        Check(text is null || text.Length <= max, field, $"{field} 最多 {max} 个字符 ({field} has at most {max} characters)");
        if (PlainText.Problem(text, multiline) is { } problem)
        {
            throw new GrainInputRefusedException(field, problem);
        }
    }

    private static void Actor(string actor) => Text("actor", actor, required: true, max: 100);

    /// <summary>A run, application or batch id: 32 hex digits (a GUID without dashes), as the endpoints make them.</summary>
    private static void Id(string field, string key) =>
        Check(key.Length == 32 && key.All(char.IsAsciiHexDigit), field, $"{field} 为32位十六进制 (an id is 32 hex digits)");

    private static void Check(bool ok, string field, string message)
    {
        if (!ok)
        {
            throw new GrainInputRefusedException(field, message);
        }
    }

    /// <summary>The same, with the message formatted only when the check fails (most never do, and formatting is not free).</summary>
    private static void Check(bool ok, string field, [InterpolatedStringHandlerArgument("ok")] ref RefusalMessage message)
    {
        if (!ok)
        {
            throw new GrainInputRefusedException(field, message.ToStringAndClear());
        }
    }

    /// <summary>"energy[i].quantity" and the like, made once for the first lines.</summary>
    private static string EnergyField(int index, string name) => index < EnergyFields.Length
        ? name switch { "quantity" => EnergyFields[index].Quantity, _ => EnergyFields[index].Feedstock }
        : $"energy[{index}].{name}";

    private static readonly (string Quantity, string Feedstock)[] EnergyFields =
        Enumerable.Range(0, 32).Select(i => ($"energy[{i}].quantity", $"energy[{i}].feedstock")).ToArray();

    /// <summary>An interpolated message built only when the check it belongs to has failed.</summary>
    [InterpolatedStringHandler]
    private ref struct RefusalMessage
    {
        private DefaultInterpolatedStringHandler _text;

        public RefusalMessage(int literalLength, int formattedCount, bool ok, out bool build)
        {
            build = !ok;
            _text = build ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
        }

        public void AppendLiteral(string value) => _text.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

        public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

        public void AppendFormatted<T>(T value, int alignment) => _text.AppendFormatted(value, alignment);

        public void AppendFormatted(string? value) => _text.AppendFormatted(value);

        public string ToStringAndClear() => _text.ToStringAndClear();
    }

    [GeneratedRegex("^[a-z][a-z-]{0,31}$")]
    private static partial Regex Token();

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Sha256();
}
