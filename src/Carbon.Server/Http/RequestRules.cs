using Carbon.Domain;
using Carbon.Domain.Registry;
using FluentValidation;

namespace Carbon.Server.Http;

/// <summary>Rules that several request validators share, so each is written once.</summary>
public static class RequestRules
{
    /// <summary>A USCC (GB 32100-2015) in a request body; the failure says exactly what is wrong with it.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> IsUscc<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((text, ctx) =>
        {
            if (!Uscc.TryParse(text, out _, out var error))
            {
                ctx.AddFailure(error);
            }
        });

    /// <summary>
    /// The one rule for names and free text (<see cref="PlainText"/>): no control, bidi or zero-width characters. A
    /// <paramref name="multiline"/> field (reasons, notes, evidence, comments) may hold LF line breaks, nothing else
    /// invisible; names, units and ids are one line.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> CleanText<T>(this IRuleBuilder<T, string?> rule, bool multiline = false) =>
        rule.Must(text => PlainText.IsClean(text, multiline)).WithMessage((_, text) => PlainText.Problem(text, multiline)!);
}
