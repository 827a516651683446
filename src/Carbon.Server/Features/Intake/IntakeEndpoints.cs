using System.Security.Claims;
using Carbon.Domain.Access;
using Carbon.Server.Accounts;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
using Carbon.Sheets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Intake;

public static class IntakeEndpoints
{
    public const string MaxText = "20 MiB";

    public static IEndpointRouteBuilder MapIntake(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/imports").WithTags("Imports 数据导入");
        group.MapPost("/", UploadAsync).WithName("UploadImport").DisableAntiforgery()
            .WithSummary($"导入 Upload a 205-1 form or Carbon's template (XLSX or CSV, at most {MaxText}): checked, kept as a job to confirm; " +
                         "?dryRun=true checks and keeps nothing").ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        group.MapGet("/", ListAsync).WithName("ListImports").WithSummary("导入记录 The caller's import jobs (officials: all), newest first");
        group.MapGet("/template", Template).WithName("ImportTemplate")
            .WithSummary("填报模板 Carbon's template (?format=xlsx|csv), one row per firm-month, with a filled example row");
        group.MapGet("/{id}", GetAsync).WithName("GetImport").WithSummary("导入任务 A job: its check, and its commit's progress");
        group.MapPost("/{id}/commit", CommitAsync).WithName("CommitImport")
            .WithSummary("确认导入 Commit the job's good firm-months (checked again as they stand now); progress at the job");
        group.MapGet("/{id}/rejected", RejectedAsync).WithName("RejectedImportRows")
            .WithSummary("退回行 The refused firm-months as the same sheet, with an 错误 column");
        return api;
    }

    internal static async Task<Results<Ok<ImportResponse>, Created<ImportResponse>, ValidationProblem, ProblemHttpResult>> UploadAsync(
        HttpRequest request, bool? dryRun, string? fileName, ImportService service, IGrainFactory grains, ClaimsPrincipal user)
    {
        var upload = await CertificateUpload.ReadAsync(request, null, (int)ImportService.MaxBytes,
            $"导入文件不超过 {MaxText}，请分批导入 (an import file is at most {MaxText}; split it)");
        switch (upload.Failure)
        {
            case UploadFailure.TooLarge:
                return Problems.TooLarge(upload.Field, upload.Detail!);
            case UploadFailure.Malformed:
                return Problems.Field(upload.Field, upload.Detail!);
            case UploadFailure.Missing:
                return Problems.Field(upload.Field, "请上传一个 XLSX 或 CSV 文件，作为表单文件或请求体 (send one XLSX or CSV file, as a form file or as the body)");
        }
        var name = Name(upload.FileName ?? fileName);
        if (name is null)
        {
            return Problems.Field("fileName", "文件名须为不超过200字符的普通文本 (a plain file name of at most 200 characters)");
        }
        var caller = user.RequiredCaller();
        CheckedFile checkedFile;
        try
        {
            checkedFile = await service.CheckAsync(name, upload.Pdf!, caller);
        }
        catch (SheetFormatException e)
        {
            return Problems.Field(upload.Field, e.Message);
        }
        if (dryRun == true)
        {
            return TypedResults.Ok(ImportResponse.From(name, checkedFile.Sha256, checkedFile.Preview));
        }
        var id = Guid.NewGuid().ToString("N");
        var job = await grains.GetGrain<IImportJobGrain>(id).CreateAsync(
            new ImportUpload(name, upload.Pdf!, checkedFile.Sha256, checkedFile.Preview.Kind), new ImportCommit(checkedFile.Firms, checkedFile.Preview), caller);
        return TypedResults.Created($"/api/imports/{id}", ImportResponse.From(name, checkedFile.Sha256, checkedFile.Preview, job));
    }

    /// <summary>A plain file name of at most 200 characters (the path dropped), or null.</summary>
    internal static string? Name(string? name)
    {
        var n = Path.GetFileName(name ?? "");
        return string.IsNullOrWhiteSpace(n) || n.Length > 200 || Domain.PlainText.Problem(n, false) is not null ? null : n.Trim();
    }

    internal static async Task<Ok<ImportSummary[]>> ListAsync(IntakeReads reads, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        var jobs = await reads.ListAsync(caller.Administers ? null : caller.Account);
        return TypedResults.Ok(jobs.Select(j => new ImportSummary(j.File.Id, j.File.FileName, EnumTokens.Parse<ImportKind>(j.File.Kind), j.File.UploadedAt,
            j.File.UploadedBy, j.Commit is null ? ImportState.Checked : ImportState.Committed, j.Commit?.At, j.Commit?.Created, j.Commit?.Revised,
            j.Commit?.Unchanged, j.Commit?.Rejected)).ToArray());
    }

    internal static FileContentHttpResult Template(string? format)
    {
        var f = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase) ? SheetFormat.Csv : SheetFormat.Xlsx;
        return TypedResults.File(SheetFiles.Write(f, [CarbonTemplate.Sheet([CarbonTemplate.Example])]), SheetFiles.ContentType(f),
            $"carbon-template{SheetFiles.Extension(f)}");
    }

    internal static async Task<Results<Ok<ImportResponse>, ProblemHttpResult>> GetAsync(string id, ImportService service, IntakeReads reads,
        IGrainFactory grains, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        if (await JobAsync(id, grains, caller) is not { } job)
        {
            return NotFound(id);
        }
        var preview = job.Preview ?? await RecheckAsync(id, service, reads, grains, caller);
        return TypedResults.Ok(ImportResponse.From(job.FileName, job.Sha256, preview, job));
    }

    /// <summary>
    /// Commits the check made at upload; each enterprise grain decides its months as they stand then (a month filed meanwhile
    /// is revised, with the file's name as the reason). After a restart the check is made again from the kept file first.
    /// </summary>
    internal static async Task<Results<Accepted<ImportResponse>, ProblemHttpResult>> CommitAsync(string id, ImportService service, IntakeReads reads,
        IGrainFactory grains, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        var grain = grains.GetGrain<IImportJobGrain>(id);
        if (await JobAsync(id, grains, caller) is null || await grain.CommitAsync(caller) is not { } job)
        {
            return NotFound(id);
        }
        if (job.Preview is null)
        {
            await RecheckAsync(id, service, reads, grains, caller);
            job = (await grain.CommitAsync(caller))!;
        }
        return TypedResults.Accepted($"/api/imports/{id}", ImportResponse.From(job.FileName, job.Sha256, job.Preview!, job));
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RejectedAsync(string id, ImportService service, IntakeReads reads,
        IGrainFactory grains, ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        if (await JobAsync(id, grains, caller) is null || await reads.FindFileAsync(id) is not { } file)
        {
            return NotFound(id);
        }
        var checkedFile = await service.CheckAsync(file.FileName, file.Content, caller);
        var name = $"{Path.GetFileNameWithoutExtension(file.FileName)}-错误{SheetFiles.Extension(checkedFile.Format)}";
        return TypedResults.File(ImportService.Rejected(checkedFile), SheetFiles.ContentType(checkedFile.Format), name);
    }

    private static async Task<ImportJobView?> JobAsync(string id, IGrainFactory grains, Caller caller) =>
        id.Length == 32 && id.All(Uri.IsHexDigit) ? await grains.GetGrain<IImportJobGrain>(id).GetAsync(caller) : null;

    /// <summary>After a restart the check is made again from the kept file, and held by the job.</summary>
    private static async Task<ImportPreview> RecheckAsync(string id, ImportService service, IntakeReads reads, IGrainFactory grains, Caller caller)
    {
        var file = await reads.FindFileAsync(id);
        var check = await service.CheckAsync(file!.FileName, file.Content, caller);
        await grains.GetGrain<IImportJobGrain>(id).SetCheckAsync(new ImportCommit(check.Firms, check.Preview));
        return check.Preview;
    }

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound("id", $"无此导入任务 {id} (no import job {id})");
}
