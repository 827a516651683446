using System.Security.Claims;
using Carbon.Domain.Registry;
using Carbon.Domain.Warnings;
using Carbon.Server.Accounts;
using Carbon.Server.Configuration;
using Carbon.Server.Grains;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Warnings;

public static class WarningEndpoints
{
    public static IEndpointRouteBuilder MapWarnings(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/alerts").WithTags("Alerts 预警");
        group.MapGet("/", ListAsync).WithName("ListAlerts")
            .WithSummary("预警 The year's alerts the caller may see (应报未报, 晴雨表, 用能预算, jumps, data quality, 能源利用状况报告), worst first, with their notes");
        group.MapPost("/notes", NoteAsync).WithName("AddAlertNote")
            .WithSummary("说明或确认 The firm explains one of its alerts; an official acknowledges one");
        api.MapPut("/enterprises/{uscc}/budgets/{year}", BudgetAsync).WithTags("Alerts 预警").WithName("SetEnergyBudget")
            .WithSummary("用能预算 Set a firm's energy budget for a year (tce, 等价值)");
        api.MapGet("/enterprises/{uscc}/budgets/{year}", GetBudgetAsync).WithTags("Alerts 预警").WithName("GetEnergyBudget")
            .WithSummary("用能预算 A firm's energy budget for a year, as PUT takes it");
        api.MapPut("/enterprises/{uscc}/energy-reports/{year}", EnergyReportAsync).WithTags("Alerts 预警").WithName("RecordEnergyReport")
            .WithSummary("能源利用状况报告 Record that a firm handed in its annual energy-use report for a year (the day and the document)");
        api.MapGet("/enterprises/{uscc}/energy-reports/{year}", GetEnergyReportAsync).WithTags("Alerts 预警").WithName("GetEnergyReport")
            .WithSummary("能源利用状况报告 When a firm handed in its report for a year, as PUT takes it");
        api.MapGet("/account/messages", async (ReminderService reminders, ClaimsPrincipal user) =>
                TypedResults.Ok((await reminders.MessagesAsync(user.RequiredCaller().Account)).Select(MessageResponse.From).ToArray()))
            .WithTags("Accounts 账号").WithName("ListOwnMessages").WithSummary("消息 The messages in one's account (reminders), newest first");
        api.MapPost("/reminders/run", async (ReminderService reminders) => TypedResults.Ok(await reminders.RunAsync()))
            .WithTags("Alerts 预警").WithName("RunReminders")
            .WithSummary("发送提醒 Send today's reminders now (once per account and day, as the daily run does): messages, and email where configured");
        var sheets = api.MapGroup("/").WithTags("Alerts 预警");
        sheets.MapPost("/budgets", (HttpRequest r, bool? dryRun, DistrictSheets s, ClaimsPrincipal u) => UploadAsync(r, dryRun, u, s.BudgetsAsync))
            .WithName("UploadBudgets").DisableAntiforgery().ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("导入用能预算 Upload firms' energy budgets as a sheet (uscc, year, tce, reason): all rows or none; ?dryRun=true checks only");
        sheets.MapGet("/budgets/template", (string? format) => Template(DistrictSheets.BudgetColumns, format, "budgets")).WithName("BudgetTemplate")
            .WithSummary("用能预算模板 The budget sheet's columns with an example row (?format=xlsx|csv)");
        sheets.MapPost("/grid-electricity", (HttpRequest r, bool? dryRun, DistrictSheets s, ClaimsPrincipal u) => UploadAsync(r, dryRun, u, s.GridAsync))
            .WithName("UploadGridElectricity").DisableAntiforgery().ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithSummary("导入供电公司用电量 Upload the grid company's monthly kWh per firm (uscc, month, kwh): all rows or none; ?dryRun=true checks only");
        sheets.MapGet("/grid-electricity/template", (string? format) => Template(DistrictSheets.GridColumns, format, "grid-electricity"))
            .WithName("GridElectricityTemplate").WithSummary("供电公司用电量模板 The grid sheet's columns with an example row (?format=xlsx|csv)");
        return api;
    }

    internal static async Task<Results<Ok<AlertResponse[]>, ValidationProblem>> ListAsync([AsParameters] AlertQuery query, AlertService alerts,
        ReportingClock clock, ClaimsPrincipal user)
    {
        var year = query.Year ?? clock.Today.Year;
        if (year < ReportingClock.FirstMonth.Year || year > clock.Today.Year)
        {
            return Problems.Field("year", $"year 应在 {ReportingClock.FirstMonth.Year} 至 {clock.Today.Year} 之间 (year must be {ReportingClock.FirstMonth.Year}..{clock.Today.Year})");
        }
        if (!AlertQuery.TryToken<AlertLevel>(query.Level, out var level))
        {
            return Problems.Field("level", "level 为 green, yellow, amber, red, flag 之一 (level is one of these)");
        }
        if (!AlertQuery.TryToken<AlertRule>(query.Rule, out var rule))
        {
            return Problems.Field("rule", "rule 为 missing, barometer, budget, jump, balance, energy-report 之一 (rule is one of these)");
        }
        var rows = await alerts.ListAsync(year, user.RequiredCaller());
        return TypedResults.Ok(rows
            .Where(r => level is null || r.Alert.Level == level)
            .Where(r => rule is null || r.Alert.Rule == rule)
            .Where(r => query.Park is null || r.ParkCode == query.Park)
            .Select(AlertResponse.From).ToArray());
    }

    /// <summary>
    /// A note on an alert that is raised now and that the caller sees: a filer explains its own firm's alerts, an official
    /// explains or acknowledges any. Anything else is answered as if the alert did not exist.
    /// </summary>
    internal static async Task<Results<Created<AlertResponse>, ValidationProblem, ProblemHttpResult>> NoteAsync(AlertNoteRequest body,
        AlertService alerts, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        var period = body.Period!.Value;
        var row = (await alerts.ListAsync(period.Year, caller)).FirstOrDefault(r => r.Alert.Rule == body.Rule && r.Alert.Subject == body.Subject
            && r.Alert.Period == period && r.Alert.Detail == (string.IsNullOrEmpty(body.Detail) ? null : body.Detail));
        if (row is null)
        {
            return Problems.NotFound("subject", "无此预警，或已解除 (no such alert, or it is no longer raised)");
        }
        var acknowledgement = body.Kind == AlertNoteKind.Acknowledgement;
        if (!AlertService.MayNote(row, acknowledgement, caller))
        {
            return Problems.Forbidden(acknowledgement
                ? "确认预警仅经信局 (officials acknowledge alerts)"
                : "说明由本企业填报员或经信局填写 (the firm's filer or an official explains)");
        }
        await alerts.NoteAsync(row, acknowledgement, body.Text!.Trim(), caller);
        var now = (await alerts.ListAsync(period.Year, caller)).First(r => r.Alert.Key == row.Alert.Key);
        return TypedResults.Created("/api/alerts", AlertResponse.From(now));
    }

    internal static async Task<Results<Ok<BudgetRequest>, ValidationProblem, ProblemHttpResult>> BudgetAsync(Uscc uscc, int year, BudgetRequest body,
        IGrainFactory grains, LedgerWriter writer, ReportingClock clock, TimeProvider time, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        if (year < ReportingClock.FirstMonth.Year || year > clock.Today.Year + 1)
        {
            return Problems.Field("year", $"year 应在 {ReportingClock.FirstMonth.Year} 至 {clock.Today.Year + 1} 之间");
        }
        if (await grains.Enterprise(uscc).GetAsync(caller) is null)
        {
            return Problems.NotFound("uscc", $"未登记企业 {uscc} (no enterprise registered with USCC {uscc})");
        }
        var record = new EnergyBudgetRecord { Uscc = uscc.Value, Year = year, Tce = body.Tce!.Value, Reason = body.Reason!.Trim(), Actor = caller.Account, At = time.GetUtcNow() };
        await writer.WriteAsync(db =>
        {
            db.EnergyBudgets.Add(record);
            db.AuditEvents.Add(new AuditEventRecord { At = record.At, Actor = record.Actor, Action = "budget.set", Subject = uscc.Value,
                Detail = $"{year}: {record.Tce} tce — {record.Reason}" });
        });
        return TypedResults.Ok(body);
    }

    internal static async Task<Results<Ok<BudgetRequest>, ProblemHttpResult>> GetBudgetAsync(Uscc uscc, int year, IGrainFactory grains, WarningReads reads,
        ClaimsPrincipal user)
    {
        if (await grains.Enterprise(uscc).GetAsync(user.RequiredCaller()) is null)
        {
            return Problems.NotFound("uscc", $"未登记企业 {uscc} (no enterprise registered with USCC {uscc})");
        }
        return await reads.BudgetAsync(uscc.Value, year) is { } b
            ? TypedResults.Ok(new BudgetRequest(b.Tce, b.Reason))
            : Problems.NotFound("year", $"{uscc} 尚无 {year} 年用能预算 (no budget set for {year})");
    }

    /// <summary>The firm's filer records its own report; an official records any firm's. Others see no such firm (404).</summary>
    internal static async Task<Results<Ok<EnergyReportRequest>, ValidationProblem, ProblemHttpResult>> EnergyReportAsync(Uscc uscc, int year,
        EnergyReportRequest body, IGrainFactory grains, AlertService alerts, ReportingClock clock, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        if (year < ReportingClock.FirstMonth.Year || year >= clock.Today.Year)
        {
            return Problems.Field("year", $"year 应在 {ReportingClock.FirstMonth.Year} 至 {clock.Today.Year - 1} 之间（报告的是已结束的年度） (a year that has ended)");
        }
        if (!caller.CanFile(uscc) || await grains.Enterprise(uscc).GetAsync(caller) is null)
        {
            return Problems.NotFound("uscc", $"未登记企业 {uscc} (no enterprise registered with USCC {uscc})");
        }
        var on = body.SubmittedOn!.Value;
        if (AlertService.ReportDateProblem(year, on, clock.Today) is { } problem)
        {
            return Problems.Field("submittedOn", problem);
        }
        var record = await alerts.RecordReportAsync(uscc, year, on, body.Reference!.Trim(), caller);
        return TypedResults.Ok(new EnergyReportRequest(on, record.Reference));
    }

    internal static async Task<Results<Ok<EnergyReportRequest>, ProblemHttpResult>> GetEnergyReportAsync(Uscc uscc, int year, IGrainFactory grains,
        WarningReads reads, ClaimsPrincipal user)
    {
        if (await grains.Enterprise(uscc).GetAsync(user.RequiredCaller()) is null)
        {
            return Problems.NotFound("uscc", $"未登记企业 {uscc} (no enterprise registered with USCC {uscc})");
        }
        return await reads.EnergyReportAsync(uscc.Value, year) is { } r
            ? TypedResults.Ok(new EnergyReportRequest(r.SubmittedOn, r.Reference))
            : Problems.NotFound("year", $"{uscc} 尚未报送 {year} 年能源利用状况报告 (no report recorded for {year})");
    }

    /// <summary>A district sheet (budgets, the grid's kWh): read, checked, written whole or not at all; a sheet with errors is a 422 keyed by cell.</summary>
    private static async Task<Results<Ok<SheetUploadResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(HttpRequest request, bool? dryRun,
        ClaimsPrincipal user, Func<string, byte[], Domain.Access.Caller, bool, Task<SheetUploadResponse>> upload)
    {
        var file = await CertificateUpload.ReadAsync(request, null, (int)Intake.ImportService.MaxBytes,
            $"文件不超过 {Intake.IntakeEndpoints.MaxText} (at most {Intake.IntakeEndpoints.MaxText})");
        switch (file.Failure)
        {
            case UploadFailure.TooLarge:
                return Problems.TooLarge(file.Field, file.Detail!);
            case UploadFailure.Malformed:
                return Problems.Field(file.Field, file.Detail!);
            case UploadFailure.Missing:
                return Problems.Field(file.Field, "请上传一个 XLSX 或 CSV 文件 (send one XLSX or CSV file)");
        }
        var name = Intake.IntakeEndpoints.Name(file.FileName) ?? "upload";
        SheetUploadResponse result;
        try
        {
            result = await upload(name, file.Pdf!, user.RequiredCaller(), dryRun == true);
        }
        catch (Sheets.SheetFormatException e)
        {
            return Problems.Field(file.Field, e.Message);
        }
        return result.Issues.Length == 0
            ? TypedResults.Ok(result)
            : Problems.Fields(result.Issues.GroupBy(i => $"{i.Sheet}!{i.Column}{i.Row}").ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray()));
    }

    private static FileContentHttpResult Template(SheetColumn[] columns, string? format, string name)
    {
        var f = format == "csv" ? Sheets.SheetFormat.Csv : Sheets.SheetFormat.Xlsx;
        return TypedResults.File(DistrictSheets.Template(columns, f), Sheets.SheetFiles.ContentType(f), $"{name}{Sheets.SheetFiles.Extension(f)}");
    }
}
