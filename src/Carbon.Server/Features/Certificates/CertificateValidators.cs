using Carbon.Domain.Registry;
using Carbon.Server.Certificates;
using Carbon.Server.Hosting;
using FluentValidation;

namespace Carbon.Server.Features.Certificates;

public sealed class IssueRequestValidator : AbstractValidator<IssueRequest>
{
    public IssueRequestValidator(ReportingClock clock)
    {
        RuleFor(r => r.Kind).Must(k => k is not null && CertificateKinds.All.Contains(k))
            .WithMessage($"kind 为 {string.Join(", ", CertificateKinds.All)} 之一 (kind is one of these)");
        RuleFor(r => r.Uscc).Custom((uscc, ctx) =>
        {
            if (!Uscc.TryParse(uscc, out _, out var error))
            {
                ctx.AddFailure(error);
            }
        });
        RuleFor(r => r.Year).NotNull().When(r => r.Kind == CertificateKinds.AnnualReport)
            .WithMessage("年度报告须指定 year (an annual report needs a year)");
        RuleFor(r => r.Year).InclusiveBetween(ReportingClock.FirstMonth.Year, clock.CurrentMonth.Year).When(r => r.Year is not null)
            .WithMessage("year 应在 2020 至今年之间 (year must be 2020..this year)");
        RuleFor(r => r.EvaluationId).NotEmpty().When(r => r.Kind == CertificateKinds.MuYieldNotice)
            .WithMessage("亩均告知书须指定 evaluationId (a notice needs the evaluation run)");
        RuleFor(r => r.ApplicationId).NotEmpty().When(r => r.Kind == CertificateKinds.GreenFactory)
            .WithMessage("绿色工厂证书须指定 applicationId (a certificate needs the approved application)");
    }
}

public sealed class RevokeRequestValidator : AbstractValidator<RevokeRequest>
{
    public RevokeRequestValidator() =>
        RuleFor(r => r.Reason).NotEmpty().WithMessage("吊销须说明理由 (a revocation needs a reason)").MaximumLength(1000);
}

public sealed class BatchRequestValidator : AbstractValidator<BatchRequest>
{
    public BatchRequestValidator()
    {
        RuleFor(r => r.Kind).Equal(CertificateKinds.MuYieldNotice)
            .WithMessage($"批量出具目前仅支持 {CertificateKinds.MuYieldNotice} (batches issue 亩均 notices)");
        RuleFor(r => r.EvaluationId).NotEmpty();
    }
}
