using Carbon.Domain.Policies;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Http;
using FluentValidation;

namespace Carbon.Server.Features.Policies;

/// <summary>POST /api/requests: a firm's request (诉求直办) — the firm, category, title and text; files follow as attachments.</summary>
public sealed record ServiceRequestBody(Uscc? Uscc, RequestCategory? Category, string? Title, string? Text)
{
    public FileRequest ToCommand(Domain.Access.Caller caller) => new(Uscc!.Value, Category!.Value, Title!, Text!, caller);
}

/// <summary>
/// POST /api/requests/{id}/steps: routed (to the responsible unit), replied (the unit's answer), or closed (satisfied:
/// whether the firm is); a firm sends a reply back by routing it again.
/// </summary>
public sealed record RequestStepBody(RequestStep? Step, string? Unit, string? Text, bool? Satisfied)
{
    public RequestStepCommand ToCommand(Domain.Access.Caller caller) => new(Step!.Value, string.IsNullOrWhiteSpace(Unit) ? null : Unit, Text!, Satisfied, caller);
}

/// <summary>A request in the list: firm, category, title, state, unit, when filed and first answered, hours to that answer, overdue.</summary>
public sealed record RequestRow(string Id, Uscc Uscc, string? Name, RequestCategory Category, string Title, RequestState State, string? Unit,
    DateTimeOffset FiledAt, DateTimeOffset? RepliedAt, decimal? HoursToReply, bool Overdue);

/// <summary>Response-time figures (响应时效) of a group of requests: a unit, a category, or all.</summary>
public sealed record ResponseFiguresLine(string Group, int Requests, int Replied, int Open, int OverdueOpen, decimal? MeanHours, decimal? MedianHours,
    decimal? WithinLimit);

/// <summary>The requests the caller may see and their response-time figures: all, by unit, by category, against the reply limit in days.</summary>
public sealed record RequestsResponse(int ReplyLimitDays, RequestRow[] Requests, ResponseFiguresLine Total, ResponseFiguresLine[] ByUnit,
    ResponseFiguresLine[] ByCategory);

public sealed class ServiceRequestBodyValidator : AbstractValidator<ServiceRequestBody>
{
    public ServiceRequestBodyValidator()
    {
        RuleFor(r => r.Uscc).NotNull().WithMessage("uscc 必填 (the firm)");
        RuleFor(r => r.Category).NotNull().WithMessage("category 为 policy, land, utilities, finance, talent, approval, infrastructure 或 other");
        RuleFor(r => r.Title).NotEmpty().MaximumLength(200).CleanText();
        RuleFor(r => r.Text).NotEmpty().MaximumLength(4000).CleanText(multiline: true);
    }
}

public sealed class RequestStepBodyValidator : AbstractValidator<RequestStepBody>
{
    public RequestStepBodyValidator()
    {
        RuleFor(r => r.Step).NotNull().Must(s => s is null or not RequestStep.Filed).WithMessage("step 为 routed, replied 或 closed");
        RuleFor(r => r.Unit).MaximumLength(100).CleanText();
        RuleFor(r => r.Text).NotEmpty().MaximumLength(4000).CleanText(multiline: true);
        RuleFor(r => r.Satisfied).Null().When(r => r.Step != RequestStep.Closed).WithMessage("satisfied 仅用于办结 (only when closing)");
    }
}
