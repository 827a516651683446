using FluentValidation;

namespace Carbon.Server.Features.Parks;

public sealed class RegisterParkValidator : AbstractValidator<RegisterParkRequest>
{
    /// <summary>Letters, digits, '-' and '_', up to 32: safe in a URL path and never the reserved "~unparked".</summary>
    public const string CodePattern = "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$";

    private static readonly System.Text.RegularExpressions.Regex Code = new(CodePattern, System.Text.RegularExpressions.RegexOptions.Compiled);

    public static bool IsParkCode(string? code) => code is not null && Code.IsMatch(code);

    public RegisterParkValidator()
    {
        RuleFor(r => r.Code).NotEmpty().WithMessage("园区代码必填 (code is required)")
            .Matches(CodePattern).WithMessage("园区代码为1-32位字母、数字、'-'或'_' (code is 1-32 letters, digits, '-' or '_')");
        RuleFor(r => r.Name).NotEmpty().WithMessage("园区名称必填 (name is required)")
            .MaximumLength(200);
        RuleFor(r => r.Kind).Must(ParkKinds.IsKnown)
            .WithMessage(r => $"未知园区类型 '{r.Kind}' (kind must be one of {string.Join(", ", ParkKinds.All)})");
    }
}
