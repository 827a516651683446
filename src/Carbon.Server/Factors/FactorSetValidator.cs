using Carbon.Domain.Energy;
using Carbon.Domain.Factors;
using FluentValidation;

namespace Carbon.Server.Factors;

/// <summary>The rows of every factor file together, the grid region the service is configured for, and the fuel families.</summary>
public sealed record FactorSetDraft(IReadOnlyList<FactorLine> Rows, string GridRegion, IReadOnlyList<FuelFamily> FuelFamilies);

/// <summary>Set-level rules: ids unique, no two rows for one key, and every factor a formula needs present.</summary>
public sealed class FactorSetValidator : AbstractValidator<FactorSetDraft>
{
    public FactorSetValidator()
    {
        RuleFor(d => d.Rows).Custom((rows, ctx) =>
        {
            foreach (var dup in rows.GroupBy(r => r.Id).Where(g => g.Count() > 1))
            {
                var first = dup.First();
                foreach (var again in dup.Skip(1))
                {
                    ctx.AddFailure(At(again, "id"), $"id '{again.Id}' is already used at {first.File} line {first.Line}");
                }
            }
            foreach (var dup in rows.GroupBy(Key).Where(g => g.Key is not null && g.Count() > 1))
            {
                var first = dup.First();
                foreach (var again in dup.Skip(1))
                {
                    ctx.AddFailure(At(again, "kind"), $"a second {again.Kind} row for the same key ({dup.Key}); the first is at {first.File} line {first.Line}");
                }
            }

            var factors = rows.Select(r => r.ToFactor()).ToArray();
            var families = ctx.InstanceToValidate.FuelFamilies;
            bool Has(FactorKind kind, EnergyCarrier carrier, string? family = null) =>
                factors.Any(f => f.Kind == kind && f.Carrier == carrier && (family is null || f.Region == family));
            foreach (var carrier in EnergyCarriers.All.Where(c => c.CoefficientCarrier() == c && c.RoleOf() != CarrierRole.Fuel))
            {
                if (!Has(FactorKind.StandardCoal, carrier))
                {
                    ctx.AddFailure("factor set", $"no standard-coal coefficient for {carrier.Token()} ({carrier.ChineseName()})");
                }
            }
            // One fuel, one heating value: a fuel's standard coal is its NCV ÷ 29 307 kJ/kgce, so a coefficient of its own
            // could only disagree with the NCV its CO2 uses.
            foreach (var row in rows.Where(r => r.Kind == "standard-coal" && EnergyCarriers.TryParse(r.Carrier, out var c) && c.RoleOf() == CarrierRole.Fuel))
            {
                ctx.AddFailure(At(row, "carrier"),
                    $"{row.Carrier} is a fuel: its standard coal is its heating value (the ncv row of its fuel family, or a measured NCV) ÷ 29 307 kJ/kgce " +
                    "(GB/T 2589), so that one fuel has one heating value; remove this row");
            }
            foreach (var row in rows.Where(r => FactorTokens.TryParseKind(r.Kind, out var k) && k.IsFuelKind() && families.All(f => f.Id != r.Region)))
            {
                ctx.AddFailure(At(row, "region"),
                    $"a fuel default's region names its fuel family; '{row.Region}' is not one of {string.Join(", ", families.Select(f => f.Id))} (factor-set.json fuelFamilies)");
            }
            var fuelKinds = new[] { FactorKind.NetCalorificValue, FactorKind.CarbonContent, FactorKind.OxidationRate };
            foreach (var family in families)
            {
                foreach (var carrier in EnergyCarriers.All.Where(c => c.RoleOf() == CarrierRole.Fuel))
                {
                    var present = fuelKinds.Where(k => Has(k, carrier, family.Id)).ToArray();
                    // The default family covers every fuel; another family may leave a fuel out (the default's rows stand in),
                    // but not half of one: a fuel's NCV, CC and OF come from one table.
                    if ((family.IsDefault && present.Length < fuelKinds.Length) || (present.Length is > 0 and < 3))
                    {
                        ctx.AddFailure("factor set", $"fuel family {family.Id}: {carrier.Token()} ({carrier.ChineseName()}) lacks " +
                            string.Join(", ", fuelKinds.Except(present).Select(k => k.Token())));
                    }
                }
            }
            if (!factors.Any(f => f.Kind == FactorKind.ElectricityEquivalent))
            {
                ctx.AddFailure("factor set", "no electricity-equivalent (thermal coal rate) row for any year");
            }
            var heat = factors.Count(f => f.Kind == FactorKind.HeatCo2);
            if (heat != 1)
            {
                ctx.AddFailure("factor set", $"exactly one heat-co2 row is needed, found {heat}");
            }
            var priceIndex = factors.Where(f => f.Kind == FactorKind.PriceIndex).ToArray();
            if (priceIndex.Length > 0 && !priceIndex.Any(f => f.Year == 2020 && f.Value == 100m))
            {
                ctx.AddFailure("factor set", "a price index must have the base row year 2020 = 100");
            }
        });
        RuleFor(d => d.GridRegion)
            .Must((d, region) => d.Rows.Any(r => r.Kind == "grid-co2" && r.Region == region))
            .WithMessage(d => $"configured Carbon:GridRegion '{d.GridRegion}' has no grid-co2 row; regions with rows: {string.Join(", ", d.Rows.Where(r => r.Kind == "grid-co2").Select(r => r.Region).Distinct())}");
    }

    private static string At(FactorLine row, string field) => $"{row.File} line {row.Line}, field '{field}'";

    private static string? Key(FactorLine row)
    {
        if (!FactorTokens.TryParseKind(row.Kind, out var kind))
        {
            return null;
        }
        if (kind.NeedsCarrier())
        {
            return kind.IsFuelKind() ? $"{row.Kind} {row.Carrier} {row.Region}" : $"{row.Kind} {row.Carrier}";
        }
        if (kind.NeedsYear())
        {
            return $"{row.Kind} {row.Region} {row.Year}";
        }
        return row.Kind == "heat-co2" ? null : row.Kind;
    }
}
