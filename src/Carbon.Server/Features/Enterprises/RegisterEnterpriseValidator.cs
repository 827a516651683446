using Carbon.Domain.Accounting;
using Carbon.Domain.Registry;
using Carbon.Server.Grains;
using Carbon.Server.Configuration;
using Carbon.Server.Http;
using FluentValidation;

namespace Carbon.Server.Features.Enterprises;

/// <summary>The profile fields shared by registration and revision.</summary>
public static class ProfileRules
{
    /// <summary>GB/T 4754-2017 门类 letter and 2–4 digits: C34, C3441, D4411.</summary>
    public const string IndustryCodePattern = "^[A-T][0-9]{2,4}$";

    public static void Name<T>(IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("企业名称必填 (name is required)").MaximumLength(200).CleanText();

    public static void Industry<T>(IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("所属行业必填 (industry is required)").MaximumLength(100).CleanText();

    public static void Scale<T>(IRuleBuilder<T, string?> rule) =>
        rule.Must(s => s is "above" or "below").WithMessage("规模应为 'above'(规上) 或 'below'(规下) (scale must be 'above' or 'below')");

    public static void Land<T>(IRuleBuilder<T, decimal?> rule) =>
        rule.NotNull().WithMessage("用地面积必填 (landAreaMu is required, in 亩)")
            .GreaterThanOrEqualTo(0m).WithMessage("用地面积不能为负 (landAreaMu cannot be negative)")
            .LessThanOrEqualTo(Domain.Registry.Land.MaxMu).WithMessage($"用地面积超过 {Domain.Registry.Land.MaxMu} 亩，请检查单位 (landAreaMu above {Domain.Registry.Land.MaxMu} 亩; is it in m²?)")
            .Must(Precise).WithMessage(Precision("landAreaMu"));

    /// <summary>An area with no more decimal places than a filed figure (<see cref="FilingLimits.MaxDecimals"/>).</summary>
    public static bool Precise(decimal? value) => value is not { } v || FilingLimits.HasAllowedPrecision(v);

    public static string Precision(string field) =>
        $"{field} 最多 {FilingLimits.MaxDecimals} 位小数 ({field} has at most {FilingLimits.MaxDecimals} decimal places)";

    public static void IndustryCode<T>(IRuleBuilder<T, string?> rule) =>
        rule.Matches(IndustryCodePattern).WithMessage("行业代码应为 GB/T 4754-2017 代码，如 C3441 (industryCode is a GB/T 4754 code such as C3441)");

    /// <summary>Floor area ≥ 0; footprint ≥ 0 and no larger than the land.</summary>
    public static void Buildings<T>(AbstractValidator<T> v, Func<T, decimal?> land, System.Linq.Expressions.Expression<Func<T, decimal?>> floor,
        System.Linq.Expressions.Expression<Func<T, decimal?>> footprint)
    {
        v.RuleFor(floor).GreaterThanOrEqualTo(0m).WithMessage("总建筑面积不能为负 (floorAreaM2 cannot be negative)")
            .LessThanOrEqualTo(Domain.Registry.Land.MaxFloorAreaM2)
            .WithMessage($"总建筑面积不能超过 {Domain.Registry.Land.MaxFloorAreaM2:N0} m²，请检查单位 (floorAreaM2 is at most {Domain.Registry.Land.MaxFloorAreaM2:N0} m²; check the unit)")
            .Must(Precise).WithMessage(Precision("floorAreaM2"));
        v.RuleFor(footprint).GreaterThanOrEqualTo(0m).WithMessage("建筑基底面积不能为负 (footprintM2 cannot be negative)")
            .LessThanOrEqualTo(Domain.Registry.Land.MaxFootprintM2)
            .WithMessage($"建筑基底面积不能超过 {Domain.Registry.Land.MaxFootprintM2:N0} m²（{Domain.Registry.Land.MaxMu:N0} 亩） (footprintM2 is at most {Domain.Registry.Land.MaxFootprintM2:N0} m², the largest land; check the unit)")
            .Must(Precise).WithMessage(Precision("footprintM2"));
        v.RuleFor(footprint)
            .Must((x, f) => f is null || land(x) is not { } mu || f <= mu * Domain.Registry.Land.SquareMetresPerMu)
            .WithMessage(x => $"建筑基底面积大于用地面积 {land(x)} 亩 = {Math.Round((land(x) ?? 0m) * Domain.Registry.Land.SquareMetresPerMu, 2)} m² (footprintM2 exceeds the land)");
    }

    /// <summary>地块组 code: 1–40 letters, digits, '-' or '_' (e.g. a 28-character 不动产单元号).</summary>
    public const string ParcelGroupPattern = "^[A-Za-z0-9_-]{1,40}$";

    public static void ParcelGroup<T>(IRuleBuilder<T, string?> rule) =>
        rule.Matches(ParcelGroupPattern)
            .WithMessage("地块组代码应为 1–40 位字母、数字、'-' 或 '_'，如不动产单元号 (parcelGroup is 1–40 letters, digits, '-' or '_')");

    public static void PastDate<T>(IRuleBuilder<T, DateOnly?> rule, ReportingClock clock, string what) =>
        rule.Must(d => d is null || (d.Value.Year >= 1949 && d.Value <= clock.Today))
            .WithMessage($"{what} 不能晚于今天或早于1949年 (must be a past date)");
}

/// <summary>The profile, as registered or revised.</summary>
public sealed class ProfileRequestValidator : AbstractValidator<ProfileRequest>
{
    public ProfileRequestValidator(ReportingClock clock)
    {
        ProfileRules.Name(RuleFor(r => r.Name));
        ProfileRules.Industry(RuleFor(r => r.Industry));
        ProfileRules.Scale(RuleFor(r => r.Scale));
        ProfileRules.Land(RuleFor(r => r.LandAreaMu));
        ProfileRules.IndustryCode(RuleFor(r => r.IndustryCode));
        ProfileRules.PastDate(RuleFor(r => r.EstablishedOn), clock, "成立日期 establishedOn");
        ProfileRules.PastDate(RuleFor(r => r.LandGrantedOn), clock, "供地日期 landGrantedOn");
        ProfileRules.Buildings(this, r => r.LandAreaMu, r => r.FloorAreaM2, r => r.FootprintM2);
        RuleFor(r => r.LeasedAreaMu).GreaterThanOrEqualTo(0m).WithMessage("租赁面积不能为负 (leasedAreaMu cannot be negative)")
            .LessThanOrEqualTo(Domain.Registry.Land.MaxMu).WithMessage($"租赁面积超过 {Domain.Registry.Land.MaxMu} 亩 (leasedAreaMu is in 亩)")
            .Must(ProfileRules.Precise).WithMessage(ProfileRules.Precision("leasedAreaMu"));
        ProfileRules.ParcelGroup(RuleFor(r => r.ParcelGroup));
        RuleFor(r => r.Designations).Must(d => d is null || (d.Length <= 4 && d.Distinct().Count() == d.Length))
            .WithMessage("designations 不重复，至多 4 项 (each title once)");
    }
}

public sealed class RegisterEnterpriseValidator : AbstractValidator<RegisterEnterpriseRequest>
{
    public RegisterEnterpriseValidator(IGrainFactory grains, ReportingClock clock)
    {
        Include(new ProfileRequestValidator(clock));
        RuleFor(r => r.Uscc).IsUscc();
        When(r => r.ParkCode is not null, () =>
        {
            RuleFor(r => r.ParkCode!)
                .Must(ParkCodes.IsValid).WithMessage("园区代码格式错误 (not a park code)")
                .DependentRules(() =>
                {
                    RuleFor(r => r.ParkCode!)
                        .MustAsync(async (code, _) => await grains.GetGrain<IParkGrain>(code).GetAsync(Carbon.Domain.Access.Caller.System("registry")) is not null)
                        .WithMessage(r => $"园区 {r.ParkCode} 未登记 (park {r.ParkCode} is not registered)");
                });
        });
    }
}

public sealed class ReviseEnterpriseValidator : AbstractValidator<ReviseEnterpriseRequest>
{
    public ReviseEnterpriseValidator(ReportingClock clock)
    {
        Include(new ProfileRequestValidator(clock));
        RuleFor(r => r.Reason).MaximumLength(1000).CleanText(multiline: true);
    }
}
