using Carbon.Domain.Energy;
using Carbon.Domain.Factors;
using FluentValidation;

namespace Carbon.Server.Factors;

/// <summary>The rows of every factor file together, and the grid region the service is configured for.</summary>
public sealed record FactorSetDraft(IReadOnlyList<FactorLine> Rows, string GridRegion);

/// <summary>Set-level rules: ids unique, no two rows for one key, and every factor a formula needs present.</summary>
public sealed class FactorSetValidator : AbstractValidator<FactorSetDraft>
{
    /// <summary>1 tce = 29.307 GJ (1 kgce = 29 307 kJ, GB/T 2589).</summary>
    private const decimal StandardCoalGjPerTce = 29.307m;

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
            bool Has(FactorKind kind, EnergyCarrier carrier) => factors.Any(f => f.Kind == kind && f.Carrier == carrier);
            foreach (var carrier in EnergyCarriers.All.Where(c => c.CoefficientCarrier() == c))
            {
                if (!Has(FactorKind.StandardCoal, carrier))
                {
                    ctx.AddFailure("factor set", $"no standard-coal coefficient for {carrier.Token()} ({carrier.ChineseName()})");
                }
                if (carrier.RoleOf() != CarrierRole.Fuel)
                {
                    continue;
                }
                foreach (var kind in new[] { FactorKind.NetCalorificValue, FactorKind.CarbonContent, FactorKind.OxidationRate })
                {
                    if (!Has(kind, carrier))
                    {
                        ctx.AddFailure("factor set", $"no {kind.Token()} for fuel {carrier.Token()} ({carrier.ChineseName()})");
                    }
                }
            }
            // One fuel, one heating value per set: the standard-coal coefficient × 29.307 GJ/tce (GB/T 2589) must be the
            // NCV the CO2 uses, within the 0.5 % the published tables' rounding leaves.
            foreach (var carrier in EnergyCarriers.All.Where(c => c.RoleOf() == CarrierRole.Fuel))
            {
                var sc = factors.FirstOrDefault(f => f.Kind == FactorKind.StandardCoal && f.Carrier == carrier);
                var ncv = factors.FirstOrDefault(f => f.Kind == FactorKind.NetCalorificValue && f.Carrier == carrier);
                if (sc is null || ncv is null || ncv.Normalized <= 0m)
                {
                    continue;
                }
                var implied = sc.Normalized * StandardCoalGjPerTce;
                var off = Math.Abs(implied - ncv.Normalized) / ncv.Normalized;
                if (off > 0.005m)
                {
                    ctx.AddFailure(At(rows.First(r => r.Id == sc.Id), "value"),
                        $"{carrier.Token()}: {sc.Value} {sc.Unit} × 29 307 kJ/kgce is a heating value {off:P1} away from {ncv.Id} " +
                        $"({ncv.Value} {ncv.Unit}); one fuel has one heating value in a factor set");
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
            return $"{row.Kind} {row.Carrier}";
        }
        if (kind.NeedsYear())
        {
            return $"{row.Kind} {row.Region} {row.Year}";
        }
        return row.Kind == "heat-co2" ? null : row.Kind;
    }
}
