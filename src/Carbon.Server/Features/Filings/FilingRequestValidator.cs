using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Units;
using Carbon.Server.Http;
using FluentValidation;

namespace Carbon.Server.Features.Filings;

/// <summary>The body of a monthly filing. Every figure is required; only pollutants and reason are optional.</summary>
public sealed class FilingRequestValidator : AbstractValidator<FilingRequest>
{
    public FilingRequestValidator()
    {
        RuleFor(r => r.Energy).NotNull().WithMessage("能源消费必填，无消费时填空数组 (energy is required; [] if none was used)");
        RuleForEach(r => r.Energy).NotNull().WithMessage("能源行不能为空 (an energy line cannot be null)")
            .SetValidator(new EnergyLineValidator()!);
        RuleFor(r => r.Energy).Custom((lines, ctx) =>
        {
            if (lines is null)
            {
                return;
            }
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i]?.Carrier is not { } carrier || !EnergyCarriers.TryParse(carrier, out _))
                {
                    continue;
                }
                if (seen.TryGetValue(carrier, out var first))
                {
                    ctx.AddFailure($"Energy[{i}].Carrier",
                        $"{carrier} 重复填报（第{first}行）；请合并为一行 (carrier already on energy[{first}]; sum the meters into one line)");
                }
                else
                {
                    seen[carrier] = i;
                }
            }
        });

        Amount(RuleFor(r => r.WaterM3), "取水量 waterM3 (m³)", FilingLimits.MaxWaterM3);
        Amount(RuleFor(r => r.OutputValue), "工业总产值 outputValue (万元)", FilingLimits.MaxMoney10kYuan);
        Amount(RuleFor(r => r.ValueAdded), "工业增加值 valueAdded (万元)", FilingLimits.MaxMoney10kYuan);
        Amount(RuleFor(r => r.Revenue), "营业收入 revenue (万元)", FilingLimits.MaxMoney10kYuan);
        Amount(RuleFor(r => r.TaxPaid), "实缴税金 taxPaid (万元)", FilingLimits.MaxMoney10kYuan);
        Amount(RuleFor(r => r.RdExpense), "研发经费 rdExpense (万元)", FilingLimits.MaxMoney10kYuan);
        RuleFor(r => r.ValueAdded).LessThanOrEqualTo(r => r.OutputValue!.Value)
            .When(r => r.ValueAdded.HasValue && r.OutputValue.HasValue)
            .WithMessage(r => $"工业增加值 {r.ValueAdded} 不能高于工业总产值 {r.OutputValue} (valueAdded cannot exceed outputValue)");
        RuleFor(r => r.Employees).NotNull().WithMessage("从业人员 employees 必填 (employees is required)")
            .InclusiveBetween(0, FilingLimits.MaxEmployees).WithMessage("从业人员应在 0 到 1 000 000 之间 (employees must be 0..1 000 000)");
        When(r => r.Pollutants is not null, () =>
        {
            Amount(RuleFor(r => r.Pollutants!.CodT), "化学需氧量 codT (t)", FilingLimits.MaxPollutantT, required: false);
            Amount(RuleFor(r => r.Pollutants!.Nh3nT), "氨氮 nh3nT (t)", FilingLimits.MaxPollutantT, required: false);
            Amount(RuleFor(r => r.Pollutants!.So2T), "二氧化硫 so2T (t)", FilingLimits.MaxPollutantT, required: false);
            Amount(RuleFor(r => r.Pollutants!.NoxT), "氮氧化物 noxT (t)", FilingLimits.MaxPollutantT, required: false);
        });
        RuleFor(r => r.Reason).MaximumLength(1000).CleanText(multiline: true);
        RuleFor(r => r.Note).NotEmpty().When(r => r.Confirm == true)
            .WithMessage("确认异常数据须说明原因 (confirm needs a note saying why the figure is right)");
        RuleFor(r => r.Note).MaximumLength(1000).CleanText(multiline: true);
        RuleForEach(r => r.Products).NotNull().WithMessage("产品行不能为空 (a product line cannot be null)").ChildRules(p =>
        {
            p.RuleFor(x => x!.Name).NotEmpty().WithMessage("产品名称必填 (name is required)").MaximumLength(100).CleanText();
            p.RuleFor(x => x!.Unit).NotEmpty().WithMessage("产品计量单位必填，如 t、件、台 (unit is required, e.g. t)").MaximumLength(16).CleanText();
            p.RuleFor(x => x!.Quantity).NotNull().WithMessage("产量必填 (quantity is required)")
                .GreaterThanOrEqualTo(0m).WithMessage("产量不能为负 (quantity cannot be negative)")
                .LessThanOrEqualTo(FilingLimits.MaxProductQuantity).WithMessage($"产量不能超过 {FilingLimits.MaxProductQuantity:N0} (quantity is at most 10¹²)")
                .Must(q => q is null || FilingLimits.HasAllowedPrecision(q.Value)).WithMessage(Precision);
        });
        RuleFor(r => r.Products).Custom((lines, ctx) =>
        {
            if (lines is null)
            {
                return;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < lines.Count; i++)
            {
                if (lines[i]?.Name is { } name && !seen.Add(name.Trim()))
                {
                    ctx.AddFailure($"Products[{i}].Name", $"产品 {name} 重复填报 (product listed twice; one line per product)");
                }
            }
        });
    }

    /// <summary>The message of a figure with more decimal places than any meter or account gives.</summary>
    internal static readonly string Precision =
        $"最多 {FilingLimits.MaxDecimals} 位小数 (at most {FilingLimits.MaxDecimals} decimal places)";

    /// <summary>A figure ≥ 0, at most <paramref name="max"/> (said in the message), with at most six decimals.</summary>
    private static void Amount(IRuleBuilder<FilingRequest, decimal?> rule, string what, decimal max, bool required = true)
    {
        var options = required ? rule.NotNull().WithMessage($"{what} 必填 (is required)") : rule.GreaterThanOrEqualTo(0m);
        options.GreaterThanOrEqualTo(0m).WithMessage($"{what} 不能为负 (cannot be negative)")
            .LessThanOrEqualTo(max).WithMessage($"{what} 不能超过 {max:N0}，请检查单位 (at most {max:N0}; check the unit)")
            .Must(v => v is null || FilingLimits.HasAllowedPrecision(v.Value)).WithMessage($"{what} {Precision}");
    }
}

/// <summary>One energy line: a known carrier, a unit of that carrier's dimension, a quantity ≥ 0.</summary>
public sealed class EnergyLineValidator : AbstractValidator<EnergyLineRequest>
{
    public EnergyLineValidator()
    {
        RuleFor(l => l.Carrier).Must(c => EnergyCarriers.TryParse(c, out _))
            .WithMessage(l => $"未知能源品种 '{l.Carrier}' (unknown carrier; one of {string.Join(", ", EnergyCarriers.Tokens)})");
        RuleFor(l => l.Unit).Must(u => MeasureUnits.TryParse(u, out _))
            .WithMessage(l => $"未知计量单位 '{l.Unit}' (unknown unit; one of {string.Join(", ", MeasureUnits.Tokens)})");
        RuleFor(l => l.Unit)
            .Must((l, u) => EnergyCarriers.TryParse(l.Carrier, out var c) && MeasureUnits.TryParse(u, out var unit) && c.Accepts(unit))
            .When(l => EnergyCarriers.TryParse(l.Carrier, out _) && MeasureUnits.TryParse(l.Unit, out _))
            .WithMessage(l => $"单位 '{l.Unit}' 不适用于 {l.Carrier} (unit does not fit the carrier; use one of {string.Join(", ", UnitsFor(l.Carrier))})");
        RuleFor(l => l.Quantity).NotNull().WithMessage("数量必填 (quantity is required)")
            .GreaterThanOrEqualTo(0m).WithMessage("数量不能为负；输出电力/热力请用 exported-electricity / exported-heat (quantity cannot be negative; file exports as exported-electricity or exported-heat)")
            .Must(q => q is null || FilingLimits.HasAllowedPrecision(q.Value)).WithMessage(FilingRequestValidator.Precision);
        RuleFor(l => l.Feedstock)
            .GreaterThanOrEqualTo(0m).WithMessage("原料用能不能为负 (feedstock cannot be negative)")
            .LessThanOrEqualTo(l => l.Quantity ?? 0m).WithMessage("原料用能不能超过该行数量 (feedstock is part of the line's quantity)")
            .Must((l, f) => f is null or 0m || (EnergyCarriers.TryParse(l.Carrier, out var c) && c.RoleOf() == CarrierRole.Fuel))
            .WithMessage("只有燃料可填原料用能 (only a fuel line has feedstock)")
            .Must(f => f is null || FilingLimits.HasAllowedPrecision(f.Value)).WithMessage(FilingRequestValidator.Precision);
        RuleFor(l => l.MeasuredNcv)
            .Must((l, n) => n is null || (EnergyCarriers.TryParse(l.Carrier, out var c) && c.RoleOf() == CarrierRole.Fuel))
            .WithMessage("只有燃料可填实测低位发热量 (only a fuel line has a measured NCV)")
            .Must((l, n) => n is not { } v || !EnergyCarriers.TryParse(l.Carrier, out var c) || c.RoleOf() != CarrierRole.Fuel
                            || (v >= EnergyUse.NcvRange(c).Min && v <= EnergyUse.NcvRange(c).Max))
            .WithMessage(l => EnergyCarriers.TryParse(l.Carrier, out var c)
                ? $"实测低位发热量应在 {EnergyUse.NcvRange(c).Min}–{EnergyUse.NcvRange(c).Max} {EnergyUse.NcvUnit(c)} 之间 (measuredNcv of {l.Carrier} is in {EnergyUse.NcvUnit(c)}, {EnergyUse.NcvRange(c).Min}..{EnergyUse.NcvRange(c).Max})"
                : "")
            .Must(n => n is null || FilingLimits.HasAllowedPrecision(n.Value)).WithMessage(FilingRequestValidator.Precision);
        RuleFor(l => l.Quantity)
            .Must((l, q) => !MeasureUnits.TryParse(l.Unit, out var unit) || q is not { } v || v <= FilingLimits.MaxBase(unit.DimensionOf()) / unit.ScaleToBase())
            .WithMessage(l => MeasureUnits.TryParse(l.Unit, out var unit)
                ? $"数量超过每月上限 {FilingLimits.MaxBase(unit.DimensionOf()) / unit.ScaleToBase():N0} {l.Unit}，请检查单位 (at most {FilingLimits.MaxBase(unit.DimensionOf()) / unit.ScaleToBase():N0} {l.Unit} a month; check the unit)"
                : "");
    }

    private static IEnumerable<string> UnitsFor(string? carrier) =>
        EnergyCarriers.TryParse(carrier, out var c)
            ? Enum.GetValues<MeasureUnit>().Where(u => c.Accepts(u)).Select(u => u.Token())
            : [];
}
