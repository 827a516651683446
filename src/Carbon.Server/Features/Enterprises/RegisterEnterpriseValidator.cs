using Carbon.Domain.Registry;
using Carbon.Server.Features.Parks;
using Carbon.Server.Grains;
using FluentValidation;

namespace Carbon.Server.Features.Enterprises;

public sealed class RegisterEnterpriseValidator : AbstractValidator<RegisterEnterpriseRequest>
{
    /// <summary>Upper bound on land, to catch unit slips (m² typed as 亩): 100 000 亩 ≈ 66.7 km².</summary>
    public const decimal MaxLandAreaMu = 100_000m;

    public RegisterEnterpriseValidator(IGrainFactory grains)
    {
        RuleFor(r => r.Uscc).Custom((uscc, ctx) =>
        {
            if (!Uscc.TryParse(uscc, out _, out var error))
            {
                ctx.AddFailure(error);
            }
        });
        RuleFor(r => r.Name).NotEmpty().WithMessage("企业名称必填 (name is required)").MaximumLength(200);
        RuleFor(r => r.Industry).NotEmpty().WithMessage("所属行业必填 (industry is required)").MaximumLength(100);
        RuleFor(r => r.Scale).Must(s => s is "above" or "below")
            .WithMessage("规模应为 'above'(规上) 或 'below'(规下) (scale must be 'above' or 'below')");
        RuleFor(r => r.LandAreaMu).NotNull().WithMessage("用地面积必填 (landAreaMu is required, in 亩)")
            .GreaterThanOrEqualTo(0m).WithMessage("用地面积不能为负 (landAreaMu cannot be negative)")
            .LessThanOrEqualTo(MaxLandAreaMu).WithMessage($"用地面积超过 {MaxLandAreaMu} 亩，请检查单位 (landAreaMu above {MaxLandAreaMu} 亩; is it in m²?)");
        When(r => r.ParkCode is not null, () =>
        {
            RuleFor(r => r.ParkCode!)
                .Matches(RegisterParkValidator.CodePattern).WithMessage("园区代码格式错误 (not a park code)")
                .DependentRules(() =>
                {
                    RuleFor(r => r.ParkCode!)
                        .MustAsync(async (code, _) => await grains.GetGrain<IParkGrain>(code).GetAsync() is not null)
                        .WithMessage(r => $"园区 {r.ParkCode} 未登记 (park {r.ParkCode} is not registered)");
                });
        });
    }
}
