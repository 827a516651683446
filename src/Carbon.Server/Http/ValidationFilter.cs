using FluentValidation;
using FluentValidation.Results;

namespace Carbon.Server.Http;

/// <summary>
/// The one validation path: before any handler runs, every argument that has a validator (a body, a route or query
/// record) is validated, and any failure answers 400 with every field's errors together. Handlers receive valid input.
/// </summary>
public sealed class ValidationFilter : IEndpointFilter
{
    /// <summary><c>IValidator&lt;T&gt;</c> per argument type, made once rather than on every request.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Type> ValidatorTypes = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var services = context.HttpContext.RequestServices;
        var failed = new List<ValidationResult>();
        foreach (var argument in context.Arguments)
        {
            if (argument is null || services.GetService(ValidatorTypes.GetOrAdd(argument.GetType(), t => typeof(IValidator<>).MakeGenericType(t)))
                    is not IValidator validator)
            {
                continue;
            }
            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted);
            if (!result.IsValid)
            {
                failed.Add(result);
            }
        }
        return failed.Count > 0 ? Problems.Validation([.. failed]) : await next(context);
    }
}
