using System.Globalization;
using Carbon.Domain.Energy;
using Carbon.Domain.Factors;
using FluentValidation;

namespace Carbon.Server.Factors;

/// <summary>One data row of a factor file, as text, with where it came from.</summary>
public sealed record FactorLine(
    string File,
    int Line,
    string Id,
    string Kind,
    string Edition,
    string Year,
    string Region,
    string Carrier,
    string Unit,
    string Value,
    string Source,
    string Status)
{
    /// <summary>The columns every factor file has, in this order.</summary>
    public static readonly string[] Columns = ["id", "kind", "edition", "year", "region", "carrier", "unit", "value", "source", "status"];

    public bool TryValue(out decimal value) =>
        decimal.TryParse(Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>Builds the factor; call only on a row the validator passed.</summary>
    public Factor ToFactor()
    {
        FactorTokens.TryParseKind(Kind, out var kind);
        FactorTokens.TryParseStatus(Status, out var status);
        EnergyCarrier? carrier = EnergyCarriers.TryParse(Carrier, out var c) ? c : null;
        TryValue(out var value);
        FactorUnits.TryNormalize(kind, carrier, Unit, value, out var normalized, out var scale, out var token, out _);
        return new Factor(Id, kind, Edition, Year.Length == 0 ? null : int.Parse(Year, CultureInfo.InvariantCulture),
            Region, carrier, Unit, value, Source, status)
        {
            Normalized = normalized,
            DenominatorScale = scale,
            DenominatorToken = token,
        };
    }
}

/// <summary>Row-level rules of a factor file.</summary>
public sealed class FactorRowValidator : AbstractValidator<FactorLine>
{
    public FactorRowValidator()
    {
        RuleFor(r => r.Id).NotEmpty().Matches("^[a-z0-9][a-z0-9.-]*$")
            .WithMessage("id is lower-case letters, digits, '.' and '-'");
        RuleFor(r => r.Kind).Must(k => FactorTokens.TryParseKind(k, out _))
            .WithMessage(r => $"unknown kind '{r.Kind}'; expected one of {string.Join(", ", FactorTokens.KindTokens)}");
        RuleFor(r => r.Edition).NotEmpty();
        RuleFor(r => r.Region).NotEmpty().Matches("^[A-Za-z][A-Za-z0-9-]*$")
            .WithMessage("region is a token such as CN, national, east-china or, for fuel defaults, a fuel family id");
        RuleFor(r => r.Source).NotEmpty().WithMessage("every factor names its source");
        RuleFor(r => r.Status).Must(s => FactorTokens.TryParseStatus(s, out _))
            .WithMessage(r => $"status '{r.Status}' is not one of {string.Join(", ", FactorTokens.StatusTokens)}");
        RuleFor(r => r.Value).Must(v => decimal.TryParse(v, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            .WithMessage(r => $"'{r.Value}' is not a decimal number (use '.' and no thousands separators)");

        When(r => FactorTokens.TryParseKind(r.Kind, out _), () =>
        {
            RuleFor(r => r.Year)
                .Must(y => int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1990 and <= 2100)
                .When(r => Kind(r).NeedsYear())
                .WithMessage(r => $"{r.Kind} needs a data year 1990..2100, got '{r.Year}'");
            RuleFor(r => r.Year).Empty().When(r => !Kind(r).NeedsYear())
                .WithMessage(r => $"{r.Kind} is not year-keyed; leave year empty");
            RuleFor(r => r.Carrier)
                .Must(c => EnergyCarriers.TryParse(c, out var carrier) && !carrier.IsExport())
                .When(r => Kind(r).NeedsCarrier())
                .WithMessage(r => $"{r.Kind} needs a consumed carrier (one of {string.Join(", ", EnergyCarriers.All.Where(c => !c.IsExport()).Select(c => c.Token()))}), got '{r.Carrier}'");
            RuleFor(r => r.Carrier).Empty().When(r => !Kind(r).NeedsCarrier())
                .WithMessage(r => $"{r.Kind} belongs to no carrier; leave carrier empty");
            RuleFor(r => r.Carrier)
                .Must(c => EnergyCarriers.TryParse(c, out var carrier) && carrier.RoleOf() == CarrierRole.Fuel)
                .When(r => Kind(r) is FactorKind.NetCalorificValue or FactorKind.CarbonContent or FactorKind.OxidationRate
                           && EnergyCarriers.TryParse(r.Carrier, out _))
                .WithMessage(r => $"{r.Kind} applies to fuels burnt on site, not '{r.Carrier}'");
            RuleFor(r => r.Unit).Custom((unit, ctx) =>
            {
                var row = ctx.InstanceToValidate;
                if (!row.TryValue(out var value))
                {
                    return;
                }
                EnergyCarrier? carrier = EnergyCarriers.TryParse(row.Carrier, out var c) ? c : null;
                if (Kind(row).NeedsCarrier() && carrier is null)
                {
                    return;
                }
                if (!FactorUnits.TryNormalize(Kind(row), carrier, unit, value, out var normalized, out _, out _, out var error))
                {
                    ctx.AddFailure(error);
                }
                else if (Kind(row) == FactorKind.OxidationRate && normalized > 1m)
                {
                    ctx.AddFailure("Value", $"an oxidation rate is at most 1 (100 %), got {row.Value} {unit}");
                }
            });
            RuleFor(r => r.Value).Must(v => decimal.Parse(v, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) > 0m)
                .When(r => r.TryValue(out _))
                .WithMessage(r => $"a factor is positive, got {r.Value}");
        });
    }

    private static FactorKind Kind(FactorLine row) => FactorTokens.TryParseKind(row.Kind, out var k) ? k : default;
}
