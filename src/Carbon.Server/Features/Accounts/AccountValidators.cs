using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Carbon.Server.Http;
using FluentValidation;

namespace Carbon.Server.Features.Accounts;

public sealed class AccountProfileValidator : AbstractValidator<AccountProfile>
{
    public AccountProfileValidator()
    {
        RuleFor(p => p.DisplayName).NotEmpty().WithMessage("名称必填 (displayName is required)").MaximumLength(200).CleanText();
        RuleFor(p => p.Role).NotNull().WithMessage($"角色必填：{string.Join(", ", Roles.Assignable.Select(r => r.Token()))} (role is required)")
            .Must(r => r is null || Roles.Assignable.Contains(r.Value)).WithMessage("system 不是可分配的角色 (system is not an assignable role)");
        RuleForEach(p => p.Firms).Must(f => Uscc.TryParse(f, out _, out _)).WithMessage((_, f) => $"'{f}' 不是统一社会信用代码 (not a USCC)");
        RuleForEach(p => p.Parks).Must(ParkCodes.IsValid).WithMessage((_, p) => $"'{p}' 不是园区代码 (not a park code)");
        RuleForEach(p => p.Applications).Matches("^[0-9a-f]{32}$").WithMessage((_, a) => $"'{a}' 不是申报编号 (not an application id)");
        RuleFor(p => p.Firms).NotEmpty().When(p => p.Role == Role.Filer)
            .WithMessage("企业填报员须指定至少一家企业 (a filer needs at least one firm)");
        RuleFor(p => p.Parks).NotEmpty().When(p => p.Role == Role.ParkAdministrator)
            .WithMessage("园区管理员须指定至少一个园区 (a park administrator needs at least one park)");
        RuleFor(p => p.Firms).Empty().When(p => p.Role is not Role.Filer)
            .WithMessage("只有企业填报员按企业限定范围 (only a filer is scoped to firms)");
        RuleFor(p => p.Parks).Empty().When(p => p.Role is not Role.ParkAdministrator)
            .WithMessage("只有园区管理员按园区限定范围 (only a park administrator is scoped to parks)");
        RuleFor(p => p.Applications).Empty().When(p => p.Role is not Role.Evaluator)
            .WithMessage("只有评价机构按申报限定范围 (only an evaluator is scoped to applications)");
        RuleFor(p => p.Email).MaximumLength(254).Must(e => string.IsNullOrWhiteSpace(e) || MimeKit.MailboxAddress.TryParse(e.Trim(), out var m) && m.Address == e.Trim() && m.Address.Contains('@'))
            .WithMessage("email 应为电子邮件地址 (email is an address such as filer@example.com)");
        RuleFor(p => p).Must(p => (p.Firms?.Length ?? 0) + (p.Parks?.Length ?? 0) + (p.Applications?.Length ?? 0) <= 1000)
            .OverridePropertyName("firms").WithMessage("范围最多 1 000 项 (at most 1 000 scope keys)");
    }
}

public sealed class CreateAccountRequestValidator : AbstractValidator<CreateAccountRequest>
{
    public CreateAccountRequestValidator()
    {
        RuleFor(r => r.UserName).NotEmpty().WithMessage("登录名必填 (userName is required)").Length(3, 64)
            .Matches("^[A-Za-z0-9._@-]+$").WithMessage("登录名为字母、数字及 . _ @ - (userName is letters, digits and . _ @ -)");
        RuleFor(r => r.Profile).NotNull().WithMessage("profile 必填 (profile is required)").SetValidator(new AccountProfileValidator()!);
        RuleFor(r => r.Password).MinimumLength(10).MaximumLength(128).When(r => r.Password is not null)
            .WithMessage("密码至少 10 位，含大小写字母和数字 (at least 10 characters with upper- and lower-case letters and a digit)");
    }
}

public sealed class SetupRequestValidator : AbstractValidator<SetupRequest>
{
    public SetupRequestValidator()
    {
        RuleFor(r => r.Code).NotEmpty().WithMessage("设置码必填，见首次启动时的控制台输出 (code is required: see the console at first start)").MaximumLength(64);
        RuleFor(r => r.UserName).NotEmpty().Length(3, 64).Matches("^[A-Za-z0-9._@-]+$")
            .WithMessage("登录名为 3–64 位字母、数字及 . _ @ - (userName is 3..64 letters, digits and . _ @ -)");
        RuleFor(r => r.DisplayName).NotEmpty().WithMessage("名称必填 (displayName is required)").MaximumLength(200).CleanText();
        RuleFor(r => r.Password).NotEmpty().MinimumLength(10).MaximumLength(128)
            .WithMessage("密码至少 10 位，含大小写字母和数字 (at least 10 characters with upper- and lower-case letters and a digit)");
    }
}

public sealed class SignInRequestValidator : AbstractValidator<SignInRequest>
{
    public SignInRequestValidator()
    {
        RuleFor(r => r.UserName).NotEmpty().WithMessage("登录名必填 (userName is required)").MaximumLength(64);
        RuleFor(r => r.Password).NotEmpty().WithMessage("密码必填 (password is required)").MaximumLength(128);
        RuleFor(r => r.TokenName).MaximumLength(100).CleanText();
        RuleFor(r => r.Days).InclusiveBetween(1, 366).WithMessage("令牌有效期为 1 至 366 天 (days is 1..366)");
    }
}

public sealed class AccountStateRequestValidator : AbstractValidator<AccountStateRequest>
{
    public AccountStateRequestValidator()
    {
        RuleFor(r => r.Reason).NotEmpty().WithMessage("须说明原因 (a reason is required)").MaximumLength(500).CleanText(multiline: true);
    }
}

public sealed class AuditQueryValidator : AbstractValidator<AuditQuery>
{
    public AuditQueryValidator()
    {
        RuleFor(q => q.Page).PageNumber();
        RuleFor(q => q.PageSize).InclusiveBetween(1, 500).WithMessage("pageSize 为 1 至 500 (pageSize is 1..500)");
        RuleFor(q => q.Subject).MaximumLength(100);
        RuleFor(q => q.Actor).MaximumLength(100);
        RuleFor(q => q.Action).MaximumLength(64);
    }
}
