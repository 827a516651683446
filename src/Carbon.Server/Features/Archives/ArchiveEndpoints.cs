using System.Globalization;
using System.Security.Claims;
using Carbon.Server.Accounts;
using Carbon.Server.Configuration;
using Carbon.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Archives;

public static class ArchiveEndpoints
{
    public static IEndpointRouteBuilder MapArchives(this IEndpointRouteBuilder api)
    {
        api.MapGet("/archives/{year}", Export).WithTags("Archives 归档").WithName("ExportArchive")
            .WithSummary("年度归档 A year of the ledger as a signed zip: every filing revision, evaluations, certificates with their PDFs, " +
                         "supervision cases, the audit trail and more, one JSONL file per kind, with manifest.json and its signature " +
                         "manifest.sig (ECDSA P-256, the certificate signing key); verifies offline (README.txt inside)")
            .Produces(StatusCodes.Status200OK, contentType: ArchiveService.ContentType);
        return api;
    }

    internal static Results<ArchiveResult, ValidationProblem> Export(string year, ReportingClock clock, ClaimsPrincipal user)
    {
        var last = clock.Today.Year;
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y < ReportingClock.FirstMonth.Year || y > last)
        {
            return Problems.Field("year", $"year 应为 {ReportingClock.FirstMonth.Year} 至 {last} 之间的年份 (year must be {ReportingClock.FirstMonth.Year}..{last})");
        }
        return new ArchiveResult(y, user.RequiredCaller().Account);
    }
}

/// <summary>The archive, written into the response as it is made (no temporary file, nothing held in memory but a row).</summary>
public sealed class ArchiveResult(int year, string actor) : IResult
{
    public async Task ExecuteAsync(HttpContext http)
    {
        var archives = http.RequestServices.GetRequiredService<ArchiveService>();
        http.Response.ContentType = ArchiveService.ContentType;
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{ArchiveService.FileName(year)}\"";
        http.Response.Headers.CacheControl = "no-store";
        await archives.WriteAsync(http.Response.Body, year, actor, http.RequestAborted);
    }
}
