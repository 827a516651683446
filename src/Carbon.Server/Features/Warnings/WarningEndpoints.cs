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
            .WithSummary("预警 The year's alerts the caller may see (应报未报, 晴雨表, 用能预算, jumps), worst first, with their notes");
        group.MapPost("/notes", NoteAsync).WithName("AddAlertNote")
            .WithSummary("说明或确认 The firm explains one of its alerts; an official acknowledges one");
        api.MapPut("/enterprises/{uscc}/budgets/{year}", BudgetAsync).WithTags("Alerts 预警").WithName("SetEnergyBudget")
            .WithSummary("用能预算 Set a firm's energy budget for a year (tce, 等价值)");
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
            return Problems.Field("rule", "rule 为 missing, barometer, budget, jump 之一 (rule is one of these)");
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
}
