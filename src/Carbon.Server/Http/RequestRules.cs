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

    /// <summary>More pages than a district of firms can fill at any page size; beyond it (page − 1) × pageSize would overflow.</summary>
    public const int MaxPage = 100_000;

    /// <summary>A page number of a paged list: 1 to <see cref="MaxPage"/>.</summary>
    public static IRuleBuilderOptions<T, int?> PageNumber<T>(this IRuleBuilder<T, int?> rule) =>
        rule.InclusiveBetween(1, MaxPage).WithMessage($"page 为 1 至 {MaxPage:N0} (page is 1..{MaxPage:N0})");

    /// <summary>
    /// The one rule for names and free text (<see cref="PlainText"/>): no control, bidi or zero-width characters. A
    /// <paramref name="multiline"/> field (reasons, notes, evidence, comments) may hold LF line breaks, nothing else
    /// invisible; names, units and ids are one line.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> CleanText<T>(this IRuleBuilder<T, string?> rule, bool multiline = false) =>
        rule.Must(text => PlainText.IsClean(text, multiline)).WithMessage((_, text) => PlainText.Problem(text, multiline)!);
}
