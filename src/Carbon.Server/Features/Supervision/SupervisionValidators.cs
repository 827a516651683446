using Carbon.Server.Configuration;
using Carbon.Server.Http;
using FluentValidation;

namespace Carbon.Server.Features.Supervision;

public sealed class OpenCaseRequestValidator : AbstractValidator<OpenCaseRequest>
{
    public OpenCaseRequestValidator(ReportingClock clock)
    {
        RuleFor(r => r.Uscc).IsUscc();
        RuleFor(r => r.Year).NotNull().InclusiveBetween(ReportingClock.FirstMonth.Year, clock.CurrentMonth.Year)
            .WithMessage("year 应在 2020 至今年之间 (year must be 2020..this year)");
        RuleFor(r => r.Mode).NotNull().WithMessage("mode 必填：written 书面 或 on-site 现场");
        RuleFor(r => r.Trigger).NotNull().WithMessage("trigger 必填：plan, complaint, case, random");
        RuleFor(r => r.Reason).NotEmpty().WithMessage("须说明立案缘由 (a reason is needed)").MaximumLength(2000).CleanText(multiline: true);
    }
}

public sealed class StepRequestValidator : AbstractValidator<StepRequest>
{
    public StepRequestValidator()
    {
        RuleFor(r => r.Kind).NotNull().WithMessage("kind 必填 (which step)")
            .Must(k => k != Domain.Supervision.StepKind.Opened).WithMessage("立案由 POST /api/supervision/cases 完成 (a case is opened once)");
        RuleFor(r => r.On).NotNull().WithMessage("on 必填：这一步的日期 (the day of the step)");
        RuleFor(r => r.Text).MaximumLength(4000).CleanText(multiline: true);
        RuleFor(r => r.Number).MaximumLength(100).CleanText();
        RuleFor(r => r.Inspectors).Must(i => i is null || i.Count <= 10).WithMessage("at most 10 inspectors");
        RuleForEach(r => r.Inspectors).NotEmpty().MaximumLength(100).CleanText();
        RuleFor(r => r.Finding).NotNull().When(r => r.Kind == Domain.Supervision.StepKind.Finding).WithMessage("finding 必填 (what was found)");
        RuleFor(r => r.Finding!).ChildRules(f =>
        {
            f.RuleFor(x => x.Category).NotNull().WithMessage("category 必填");
            f.RuleFor(x => x.RuleRef).NotEmpty().WithMessage("ruleRef 必填：引用的规则 (the quota row, catalogue item or clause)").MaximumLength(100).CleanText();
            f.RuleFor(x => x.Text).NotEmpty().MaximumLength(2000).CleanText(multiline: true);
            f.RuleFor(x => x.Unit).MaximumLength(32).CleanText();
            f.RuleFor(x => x.Measured).InclusiveBetween(-1e12m, 1e12m);
            f.RuleFor(x => x.Limit).InclusiveBetween(-1e12m, 1e12m);
            f.RuleForEach(x => x.Evidence).Must(IsHash).WithMessage("evidence 为文件的 SHA-256 (64 hex digits)");
        }).When(r => r.Finding is not null);
        RuleForEach(r => r.Evidence).Must(IsHash).WithMessage("evidence 为文件的 SHA-256 (64 hex digits)");
    }

    internal static bool IsHash(string? h) => h is { Length: 64 } && h.All(char.IsAsciiHexDigit);
}

public sealed class PlanRequestValidator : AbstractValidator<PlanRequest>
{
    public PlanRequestValidator(ReportingClock clock)
    {
        RuleFor(r => r.Year).NotNull().InclusiveBetween(ReportingClock.FirstMonth.Year, clock.CurrentMonth.Year + 1)
            .WithMessage("year 应在 2020 至明年之间 (year must be 2020..next year)");
        RuleFor(r => r.Kind).NotNull().WithMessage("kind 必填：special, key-area, follow-up, complaint, random");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200).CleanText();
        RuleFor(r => r.Targets).NotEmpty().WithMessage("计划须列明对象企业 (targets are needed)")
            .Must(t => t is null || t.Count <= 5000).WithMessage("at most 5000 targets");
        RuleForEach(r => r.Targets).NotNull().ChildRules(t =>
        {
            t.RuleFor(x => x!.Uscc).IsUscc();
            t.RuleFor(x => x!.Reason).NotEmpty().MaximumLength(500).CleanText();
            t.RuleFor(x => x!.Mode).NotNull().WithMessage("mode 必填：written 或 on-site");
        });
        RuleFor(r => r.Targets).Custom((targets, ctx) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; targets is not null && i < targets.Count; i++)
            {
                if (targets[i]?.Uscc is { } u && !seen.Add(u))
                {
                    ctx.AddFailure($"Targets[{i}].Uscc", $"{u} 重复 (each firm once per plan)");
                }
            }
        });
    }
}

public sealed class DrawRequestValidator : AbstractValidator<DrawRequest>
{
    public DrawRequestValidator(ReportingClock clock)
    {
        RuleFor(r => r.Year).NotNull().InclusiveBetween(ReportingClock.FirstMonth.Year, clock.CurrentMonth.Year + 1)
            .WithMessage("year 应在 2020 至明年之间 (year must be 2020..next year)");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200).CleanText();
        RuleFor(r => r.Firms).NotNull().InclusiveBetween(1, 5000);
        RuleFor(r => r.InspectorsPerFirm).InclusiveBetween(2, 10).WithMessage("每家企业至少 2 名监察员 (at least 2 inspectors per firm)");
        RuleFor(r => r.Seed).GreaterThanOrEqualTo(0L);
        RuleFor(r => r.ParkCode).MaximumLength(32).CleanText();
    }
}

public sealed class FollowUpRequestValidator : AbstractValidator<FollowUpRequest>
{
    public FollowUpRequestValidator(ReportingClock clock)
    {
        RuleFor(r => r.Year).NotNull().InclusiveBetween(ReportingClock.FirstMonth.Year + 1, clock.CurrentMonth.Year + 1)
            .WithMessage("year 应在 2021 至明年之间 (year must be 2021..next year)");
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200).CleanText();
    }
}

public sealed class ConflictRequestValidator : AbstractValidator<ConflictRequest>
{
    public ConflictRequestValidator()
    {
        RuleFor(r => r.Uscc).IsUscc();
        RuleFor(r => r.Reason).NotEmpty().MaximumLength(500).CleanText();
    }
}

public sealed class EquipmentRequestValidator : AbstractValidator<EquipmentRequest>
{
    public EquipmentRequestValidator()
    {
        RuleFor(x => x.Type).MaximumLength(100).CleanText();
        RuleFor(x => x.Model).NotEmpty().MaximumLength(100).CleanText();
        RuleFor(x => x.PowerKw).InclusiveBetween(0m, 1_000_000m);
        RuleFor(x => x.Count).InclusiveBetween(1, 100_000);
    }
}

public sealed class MeterRequestValidator : AbstractValidator<MeterRequest>
{
    public MeterRequestValidator()
    {
        RuleFor(x => x.Energy).NotEmpty().MaximumLength(32).CleanText();
        RuleFor(x => x.Tier).NotNull().WithMessage("tier 必填：entry, secondary, equipment");
        RuleFor(x => x.Required).NotNull().InclusiveBetween(0, 1_000_000);
        RuleFor(x => x.Equipped).NotNull().InclusiveBetween(0, 1_000_000);
    }
}

public sealed class EquipmentRegisterRequestValidator : AbstractValidator<EquipmentRegisterRequest>
{
    public EquipmentRegisterRequestValidator()
    {
        RuleFor(r => r.Lines).NotNull().WithMessage("lines 必填，可为空数组 (lines is required; [] if none)")
            .Must(l => l is null || l.Count <= 5000).WithMessage("at most 5000 equipment lines");
        RuleForEach(r => r.Lines).NotNull().SetValidator(new EquipmentRequestValidator()!);
        RuleFor(r => r.Reason).MaximumLength(500).CleanText();
    }
}

public sealed class MeterRegisterRequestValidator : AbstractValidator<MeterRegisterRequest>
{
    public MeterRegisterRequestValidator()
    {
        RuleFor(r => r.Lines).NotNull().WithMessage("lines 必填，可为空数组 (lines is required; [] if none)")
            .Must(l => l is null || l.Count <= 500).WithMessage("at most 500 meter lines");
        RuleForEach(r => r.Lines).NotNull().SetValidator(new MeterRequestValidator()!);
        RuleFor(r => r.Reason).MaximumLength(500).CleanText();
    }
}

public sealed class ChecksRequestValidator : AbstractValidator<ChecksRequest>
{
    public ChecksRequestValidator()
    {
        RuleFor(r => r.Equipment).Must(e => e is null || e.Count <= 5000).WithMessage("at most 5000 equipment lines");
        RuleForEach(r => r.Equipment).NotNull().SetValidator(new EquipmentRequestValidator()!);
        RuleFor(r => r.Meters).Must(m => m is null || m.Count <= 500).WithMessage("at most 500 meter lines");
        RuleForEach(r => r.Meters).NotNull().SetValidator(new MeterRequestValidator()!);
    }
}
