using Carbon.Server.Grains;
using Microsoft.AspNetCore.Diagnostics;

namespace Carbon.Server.Hosting;

/// <summary>
/// A grain that refused its input (<see cref="GrainGuards"/>) answers like a validator: 400 with the field and the
/// reason. The validators refuse the same input first, so reaching this means a validator missed a case — never a 500.
/// </summary>
public sealed class GrainRefusalHandler(IProblemDetailsService problems, ILogger<GrainRefusalHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not GrainInputRefusedException refused)
        {
            return false;
        }
        log.LogWarning("A grain refused input the HTTP validators let through: {Field}: {Reason}", refused.Field, refused.Reason);
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [refused.Field] = [refused.Reason] })
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "输入有误 (the request has invalid fields)",
            },
            Exception = exception,
        });
    }
}
