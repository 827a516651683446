using System.Text.Json;
using FluentValidation.Results;
using Microsoft.AspNetCore.Diagnostics;
using Carbon.Domain.Registry;
using Carbon.Server.Wire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Carbon.Server.Http;

/// <summary>RFC 9457 problem details whose <c>errors</c> are keyed by the JSON path of the field (<c>energy[1].unit</c>).</summary>
public static class Problems
{
    public static Dictionary<string, string[]> Errors(params ValidationResult[] results) =>
        results.SelectMany(r => r.Errors)
            .GroupBy(e => WireJson.FieldPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray());

    private const string InvalidTitle = "输入有误 (the request has invalid fields)";

    public static ValidationProblem Validation(params ValidationResult[] results) => Fields(Errors(results));

    /// <summary>A 400 with these fields' messages (keys are JSON paths).</summary>
    public static ValidationProblem Fields(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors, title: InvalidTitle);

    public static ValidationProblem Field(string field, string message) =>
        Fields(new Dictionary<string, string[]> { [field] = [message] });

    public static ProblemHttpResult NotFound(string field, string detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = StatusCodes.Status404NotFound,
            Title = "未找到 (not found)",
            Detail = detail,
        });

    /// <summary>413: the request body is larger than the endpoint takes (said with the limit).</summary>
    public static ProblemHttpResult TooLarge(string field, string detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = StatusCodes.Status413PayloadTooLarge,
            Title = "上传过大 (the upload is too large)",
            Detail = detail,
        });

    /// <summary>403: the caller's role may not do this (scope is answered with 404, which does not reveal what exists).</summary>
    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden,
            Title = "无权限 (forbidden)",
            Detail = detail,
        });

    public static ProblemHttpResult Conflict(string field, string detail) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
        {
            Status = StatusCodes.Status409Conflict,
            Title = "冲突 (conflict)",
            Detail = detail,
        });
}

/// <summary>
/// A body that is not valid JSON for its type (a string where a number goes, a number too large for a decimal,
/// an unknown field) becomes a 400 naming the field, like any validation error; a JSON body declared in a charset
/// .NET does not know (<c>application/json; charset=no-such</c>, which ASP.NET's JSON reader throws on) a 415.
/// </summary>
public sealed class BadRequestBodyHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is InvalidOperationException && UnknownCharset(http.Request) is { } charset)
        {
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            var unsupported = $"不支持的字符集 '{charset}'：JSON 须为 UTF-8 (the charset '{charset}' is not supported; send JSON as UTF-8)";
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = [unsupported] })
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Title = "不支持的媒体类型 (unsupported media type)",
                    Detail = unsupported,
                },
                Exception = exception,
            });
        }
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }
        var json = bad.InnerException as JsonException;
        var field = json?.Path is { Length: > 0 } path ? WireJson.FieldOfJsonPath(path) : "body";
        var message = json is null ? bad.Message : Describe(json);
        if (json is null && RouteValue(bad.Message) is { } route)
        {
            (field, message) = route;
        }
        if (json?.Message.Contains("could not be mapped", StringComparison.Ordinal) == true)
        {
            field = UnmappedField(json.Message) ?? field;
        }
        if (json?.Message.StartsWith("Duplicate property", StringComparison.Ordinal) == true)
        {
            message = $"字段 {field} 出现了两次，每个字段只能给一次 (the field {field} appears twice; send each field once)";
        }
        http.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = bad.StatusCode,
                Title = "输入有误 (the request has invalid fields)",
            },
            Exception = exception,
        });
    }

    /// <summary>
    /// A route or query value that does not parse as its type (ASP.NET says: Failed to bind parameter "Uscc uscc" from
    /// "x"): the field is the parameter, the reason is the type's own.
    /// </summary>
    private static (string Field, string Message)? RouteValue(string message)
    {
        var m = System.Text.RegularExpressions.Regex.Match(message, "^Failed to bind parameter \"(\\S+) (\\S+)\" from \"(.*)\"\\.$");
        if (!m.Success)
        {
            return null;
        }
        var (type, name, value) = (m.Groups[1].Value, WireJson.FieldPath(m.Groups[2].Value), m.Groups[3].Value);
        return (name, type switch
        {
            nameof(Uscc) => Uscc.TryParse(value, out _, out var error) ? message : error,
            nameof(YearMonth) => $"'{value}' 不是 yyyy-MM 格式的月份 (month must be yyyy-MM)",
            _ => $"'{value}' 不是有效的 {name} (not a valid {name})",
        });
    }

    /// <summary>The charset of the request's content type when it names an encoding .NET does not have, else null.</summary>
    internal static string? UnknownCharset(HttpRequest request)
    {
        if (!Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.Charset is not { Length: > 0 } charset)
        {
            return null;
        }
        var name = charset.ToString().Trim('"');
        try
        {
            System.Text.Encoding.GetEncoding(name);
            return null;
        }
        catch (ArgumentException)
        {
            return name;
        }
    }

    private static string Describe(JsonException e)
    {
        var m = e.Message;
        var cut = m.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? m[..cut] : m;
    }

    private static string? UnmappedField(string message)
    {
        var start = message.IndexOf('\'');
        var end = start >= 0 ? message.IndexOf('\'', start + 1) : -1;
        return end > start ? message[(start + 1)..end] : null;
    }
}

