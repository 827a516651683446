using Carbon.Domain.Certificates;
using Carbon.Server.Configuration;
using Carbon.Server.Http;
using FluentValidation;

namespace Carbon.Server.Features.Certificates;

public sealed class IssueRequestValidator : AbstractValidator<IssueRequest>
{
    public IssueRequestValidator(ReportingClock clock)
    {
        RuleFor(r => r.Kind).Must(k => CertificateKinds.TryParse(k, out _))
            .WithMessage($"kind 为 {string.Join(", ", CertificateKinds.All.Select(k => k.Token()))} 之一 (kind is one of these)");
        RuleFor(r => r.Uscc).IsUscc().When(r => !DistrictWide(r.Kind));
        RuleFor(r => r.Uscc).Empty().When(r => DistrictWide(r.Kind))
            .WithMessage("年度节能监察报告和规划实施评估报告属于全区，不指定 uscc (the district's reports name no uscc)");
        RuleFor(r => r.Year).NotNull().When(r => Is(r.Kind, CertificateKind.AnnualReport) || DistrictWide(r.Kind))
            .WithMessage("年度报告须指定 year (an annual report needs a year)");
        RuleFor(r => r.Year).InclusiveBetween(ReportingClock.FirstMonth.Year, clock.CurrentMonth.Year).When(r => r.Year is not null)
            .WithMessage("year 应在 2020 至今年之间 (year must be 2020..this year)");
        RuleFor(r => r.EvaluationId).NotEmpty().When(r => Is(r.Kind, CertificateKind.MujunNotice))
            .WithMessage("亩均告知书须指定 evaluationId (a notice needs the evaluation run)");
        RuleFor(r => r.ApplicationId).NotEmpty().When(r => Is(r.Kind, CertificateKind.GreenFactory))
            .WithMessage("绿色工厂证书须指定 applicationId (a certificate needs the approved application)");
        RuleFor(r => r.CaseStep).NotEmpty().When(r => Is(r.Kind, CertificateKind.SupervisionDocument))
            .WithMessage("节能监察文书须指定 caseStep（案件号:步骤序号） (a supervision document names its case and step)");
        RuleFor(r => r.CaseStep).Matches("^[0-9a-f]{32}:[0-9]{1,4}$").When(r => r.CaseStep is not null)
            .WithMessage("caseStep 为“32位案件号:步骤序号” (case id:step number)");
        RuleFor(r => r.Reason).NotEmpty().When(r => r.Supersede == true)
            .WithMessage("取代现有证书须说明理由 (superseding a certificate needs a reason)");
        RuleFor(r => r.Reason).Empty().When(r => r.Supersede != true)
            .WithMessage("reason 仅用于取代现有证书，须同时注明 supersede: true (a reason goes with supersede: true)");
        RuleFor(r => r.Reason).MaximumLength(SupersedeReasonLength).CleanText(multiline: true);
        RuleFor(r => r.EvaluationId).MaximumLength(64).CleanText();
        RuleFor(r => r.ApplicationId).MaximumLength(64).CleanText();
        RuleFor(r => r.Partial).Must(p => p != true).When(r => !Is(r.Kind, CertificateKind.AnnualReport))
            .WithMessage("partial 仅适用于年度报告 (partial applies to annual reports only)");
    }

    /// <summary>Room for the reason in the revocation it becomes ("被 {number} 取代 (superseded by {number})：…", at most 1 000).</summary>
    public const int SupersedeReasonLength = 900;

    private static bool Is(string? token, CertificateKind kind) => CertificateKinds.TryParse(token, out var k) && k == kind;

    private static bool DistrictWide(string? token) => CertificateKinds.TryParse(token, out var k) && k.IsDistrictWide();
}

public sealed class RevokeRequestValidator : AbstractValidator<RevokeRequest>
{
    public RevokeRequestValidator() =>
        RuleFor(r => r.Reason).NotEmpty().WithMessage("吊销须说明理由 (a revocation needs a reason)").MaximumLength(1000).CleanText(multiline: true);
}

public sealed class BatchRequestValidator : AbstractValidator<BatchRequest>
{
    public BatchRequestValidator()
    {
        RuleFor(r => r.Kind).Must(k => CertificateKinds.TryParse(k, out var kind) && kind == CertificateKind.MujunNotice)
            .WithMessage($"批量出具目前仅支持 {CertificateKind.MujunNotice.Token()} (batches issue 亩均 notices)");
        RuleFor(r => r.EvaluationId).NotEmpty().MaximumLength(64).CleanText();
    }
}
