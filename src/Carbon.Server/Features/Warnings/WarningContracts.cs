using Carbon.Domain.Registry;
using Carbon.Domain.Warnings;
using Carbon.Server.Http;
using FluentValidation;

namespace Carbon.Server.Features.Warnings;

/// <summary>What someone said about an alert: the firm's explanation or an official's acknowledgement.</summary>
public enum AlertNoteKind
{
    Explanation,
    Acknowledgement,
}

/// <summary>A note as shown with its alert.</summary>
public sealed record AlertNoteResponse(AlertNoteKind Kind, string Text, string Actor, DateTimeOffset At);

/// <summary>
/// An alert: the rule, whose (<see cref="SubjectKind"/> firm, park or district; the USCC, park code or "district"), the
/// period, the value against the threshold, the level, the words, and the notes. Rule, subject, period and detail are its key.
/// </summary>
public sealed record AlertResponse(AlertRule Rule, string SubjectKind, string Subject, string Name, string? ParkCode, YearMonth Period, decimal? Value,
    decimal? Threshold, AlertLevel Level, string Message, string? Detail, AlertNoteResponse[] Notes)
{
    public static AlertResponse From(AlertRow r) => new(r.Alert.Rule, r.SubjectKind, r.Alert.Subject, r.Name, r.ParkCode, r.Alert.Period,
        r.Alert.Value is { } v ? Domain.Display.Round(v) : null, r.Alert.Threshold, r.Alert.Level, r.Alert.Message, r.Alert.Detail,
        r.Notes.Select(n => new AlertNoteResponse(Enum.Parse<AlertNoteKind>(n.Kind, ignoreCase: true), n.Text, n.Actor, n.At)).ToArray());
}

/// <summary>?year=…&amp;level=…&amp;rule=…&amp;park=… on the alert list; level and rule as their kebab-case tokens ("red", "barometer").</summary>
public sealed record AlertQuery(int? Year, string? Level, string? Rule, string? Park)
{
    /// <summary>An enum value by its wire token, as the JSON bodies spell it.</summary>
    public static bool TryToken<T>(string? token, out T? value) where T : struct, Enum
    {
        value = Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(v!.Value.ToString()) == token);
        return token is null || value is not null;
    }
}

/// <summary>POST /api/alerts/notes: the alert by its key, and what is said.</summary>
public sealed record AlertNoteRequest(AlertRule? Rule, string? Subject, YearMonth? Period, string? Detail, AlertNoteKind? Kind, string? Text);

/// <summary>PUT /api/enterprises/{uscc}/budgets/{year}: the year's energy budget in tce (等价值) and why it is set or changed.</summary>
public sealed record BudgetRequest(decimal? Tce, string? Reason);

/// <summary>
/// PUT /api/enterprises/{uscc}/energy-reports/{year}: the day the year's 能源利用状况报告 was handed in and the document's
/// reference (its number, or where it is filed). GET returns the same.
/// </summary>
public sealed record EnergyReportRequest(DateOnly? SubmittedOn, string? Reference);

public sealed class EnergyReportRequestValidator : AbstractValidator<EnergyReportRequest>
{
    public EnergyReportRequestValidator()
    {
        RuleFor(r => r.SubmittedOn).NotNull().WithMessage("submittedOn 必填，格式 yyyy-MM-dd (the day it was handed in)");
        RuleFor(r => r.Reference).NotEmpty().WithMessage("须填写报告文号或存档位置 (the report's number or where it is filed)").MaximumLength(200).CleanText();
    }
}

public sealed class AlertNoteRequestValidator : AbstractValidator<AlertNoteRequest>
{
    public AlertNoteRequestValidator()
    {
        RuleFor(r => r.Rule).NotNull().WithMessage("rule 必填 (rule is required)");
        RuleFor(r => r.Subject).NotEmpty().MaximumLength(32).CleanText();
        RuleFor(r => r.Period).NotNull().WithMessage("period 必填，格式 yyyy-MM (period is required, yyyy-MM)");
        RuleFor(r => r.Detail).MaximumLength(32).CleanText();
        RuleFor(r => r.Kind).NotNull().WithMessage("kind 为 explanation 或 acknowledgement");
        RuleFor(r => r.Text).NotEmpty().WithMessage("须填写说明 (say something)").MaximumLength(1000).CleanText(multiline: true);
    }
}

public sealed class BudgetRequestValidator : AbstractValidator<BudgetRequest>
{
    public BudgetRequestValidator()
    {
        RuleFor(r => r.Tce).NotNull().WithMessage("tce 必填 (the budget in tce is required)")
            .GreaterThan(0m).LessThanOrEqualTo(100_000_000m).WithMessage("tce 应在 0 至 1 亿之间 (tce must be above 0 and at most 100 000 000)");
        RuleFor(r => r.Reason).NotEmpty().WithMessage("须说明依据 (say on what basis)").MaximumLength(500).CleanText(multiline: true);
    }
}
