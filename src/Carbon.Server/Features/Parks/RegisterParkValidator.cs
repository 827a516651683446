using Carbon.Domain.Registry;
using Carbon.Server.Http;
using FluentValidation;

namespace Carbon.Server.Features.Parks;

public sealed class RegisterParkValidator : AbstractValidator<RegisterParkRequest>
{
    public RegisterParkValidator()
    {
        RuleFor(r => r.Code).NotEmpty().WithMessage("园区代码必填 (code is required)")
            .Must(ParkCodes.IsValid).WithMessage("园区代码为1-32位字母、数字、'-'或'_' (code is 1-32 letters, digits, '-' or '_')");
        RuleFor(r => r.Name).NotEmpty().WithMessage("园区名称必填 (name is required)")
            .MaximumLength(200).CleanText();
        RuleFor(r => r.Kind).Must(ParkKinds.IsKnown)
            .WithMessage(r => $"未知园区类型 '{r.Kind}' (kind must be one of {string.Join(", ", ParkKinds.All)})");
    }
}
