using System.Security.Claims;
using System.Text.Json;
using Carbon.Server.Accounts;
using Carbon.Server.Configuration;
using Carbon.Server.Http;
using Carbon.Sheets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Exports;

public static class ExportEndpoints
{
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder api)
    {
        api.MapGet("/exports/{kind}", ExportAsync).WithTags("Imports 数据导入").WithName("Export")
            .WithSummary("导出 Export what the caller may see as XLSX or CSV (?format=): filings (in the import template's columns), metrics, " +
                         "evaluation (?evaluationId=), certificates, supervision-cases; ?year= for filings, metrics and cases")
            .Produces(StatusCodes.Status200OK, contentType: SheetFiles.ContentType(SheetFormat.Xlsx));
        return api;
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(string kind, string? format, int? year,
        string? evaluationId, ExportService exports, ReportingClock clock, ClaimsPrincipal user)
    {
        var kinds = Enum.GetValues<ExportKind>().ToDictionary(k => JsonNamingPolicy.KebabCaseLower.ConvertName(k.ToString()));
        if (!kinds.TryGetValue(kind, out var k))
        {
            return Problems.Field("kind", $"kind 为 {string.Join(", ", kinds.Keys)} 之一 (kind is one of these)");
        }
        if (format is not (null or "xlsx" or "csv"))
        {
            return Problems.Field("format", "format 为 xlsx 或 csv (format is xlsx or csv)");
        }
        var y = year ?? clock.Today.Year;
        if (y < ReportingClock.FirstMonth.Year || y > clock.Today.Year)
        {
            return Problems.Field("year", $"year 应在 {ReportingClock.FirstMonth.Year} 至 {clock.Today.Year} 之间 (year must be {ReportingClock.FirstMonth.Year}..{clock.Today.Year})");
        }
        if (k == ExportKind.Evaluation && (evaluationId is not { Length: 32 } || !evaluationId.All(Uri.IsHexDigit)))
        {
            return Problems.Field("evaluationId", "evaluationId 为32位评价编号 (the evaluation run's 32-hex id)");
        }
        var sheet = await exports.SheetAsync(k, y, evaluationId, user.RequiredCaller());
        if (sheet is null)
        {
            return Problems.NotFound("evaluationId", $"无此评价记录 {evaluationId} (no evaluation run)");
        }
        var f = format == "csv" ? SheetFormat.Csv : SheetFormat.Xlsx;
        return TypedResults.File(SheetFiles.Write(f, [sheet]), SheetFiles.ContentType(f),
            $"carbon-{kind}{(k is ExportKind.Filings or ExportKind.Metrics or ExportKind.SupervisionCases ? $"-{y}" : "")}{SheetFiles.Extension(f)}");
    }
}
