using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;
using Orleans.Serialization.Cloning;

namespace Carbon.Server.Grains;

// Grain messages carry the methodology's own value types. The domain knows nothing of Orleans, so each crosses the
// wire as a surrogate. Carriers and units travel as their tokens and energy as a keyed map, never as enum numbers or
// arrays in enum order: silos of different versions may order the enums differently.

[GenerateSerializer, Immutable]
public readonly record struct UsccSurrogate([property: Id(0)] string Value);

[RegisterConverter]
public sealed class UsccConverter : IConverter<Uscc, UsccSurrogate>
{
    public Uscc ConvertFromSurrogate(in UsccSurrogate surrogate) => Uscc.Parse(surrogate.Value);

    public UsccSurrogate ConvertToSurrogate(in Uscc value) => new(value.Value);
}

[GenerateSerializer, Immutable]
public readonly record struct YearMonthSurrogate([property: Id(0)] int Year, [property: Id(1)] int Month);

[RegisterConverter]
public sealed class YearMonthConverter : IConverter<YearMonth, YearMonthSurrogate>
{
    public YearMonth ConvertFromSurrogate(in YearMonthSurrogate surrogate) => new(surrogate.Year, surrogate.Month);

    public YearMonthSurrogate ConvertToSurrogate(in YearMonth value) => new(value.Year, value.Month);
}

[GenerateSerializer, Immutable]
public readonly record struct ActivityTotalsSurrogate(
    Dictionary<string, decimal> Energy, decimal WaterM3, decimal OutputValue, decimal ValueAdded, decimal Revenue, decimal TaxPaid,
    decimal RdExpense, decimal EmployeeMonths, decimal PollutantsT, int PollutantMonths, int FilingMonths, decimal ExportedKwh,
    decimal RenewableSelfUsedKwh, Dictionary<string, decimal> Feedstock, Dictionary<string, FuelSumsSurrogate>? Fuel = null);

/// <summary>A fuel's heat (GJ), feedstock heat (GJ), oxidised carbon (tC) and quantity at a measured NCV.</summary>
[GenerateSerializer, Immutable]
public readonly record struct FuelSumsSurrogate(decimal HeatGj, decimal FeedstockHeatGj, decimal OxidisedCarbonT, decimal MeasuredQuantity);

[RegisterConverter]
public sealed class ActivityTotalsConverter : IConverter<ActivityTotals, ActivityTotalsSurrogate>
{
    public ActivityTotals ConvertFromSurrogate(in ActivityTotalsSurrogate s)
    {
        var t = ActivityTotals.WithEnergy(s.Energy.Select(e => KeyValuePair.Create(EnergyCarriers.Parse(e.Key), e.Value)))
            .WithFeedstock(s.Feedstock.Select(e => KeyValuePair.Create(EnergyCarriers.Parse(e.Key), e.Value))) with
        {
            WaterM3 = s.WaterM3, OutputValue = s.OutputValue, ValueAdded = s.ValueAdded, Revenue = s.Revenue, TaxPaid = s.TaxPaid,
            RdExpense = s.RdExpense, EmployeeMonths = s.EmployeeMonths, PollutantsT = s.PollutantsT,
            PollutantMonths = s.PollutantMonths, FilingMonths = s.FilingMonths, ExportedKwh = s.ExportedKwh,
            RenewableSelfUsedKwh = s.RenewableSelfUsedKwh,
        };
        foreach (var (token, f) in s.Fuel ?? [])
        {
            t = t.WithFuel(EnergyCarriers.Parse(token), f.HeatGj, f.FeedstockHeatGj, f.OxidisedCarbonT, f.MeasuredQuantity);
        }
        return t;
    }

    public ActivityTotalsSurrogate ConvertToSurrogate(in ActivityTotals t)
    {
        var totals = t;
        return new(t.EnergyByCarrier().ToDictionary(e => e.Key.Token(), e => e.Value), t.WaterM3, t.OutputValue, t.ValueAdded, t.Revenue,
            t.TaxPaid, t.RdExpense, t.EmployeeMonths, t.PollutantsT, t.PollutantMonths, t.FilingMonths, t.ExportedKwh, t.RenewableSelfUsedKwh,
            t.FeedstockByCarrier().ToDictionary(e => e.Key.Token(), e => e.Value),
            EnergyCarriers.All.Where(c => totals.HeatGj(c) != 0m || totals.OxidisedCarbonT(c) != 0m)
                .ToDictionary(c => c.Token(), c => new FuelSumsSurrogate(totals.HeatGj(c), totals.FeedstockHeatGj(c), totals.OxidisedCarbonT(c),
                    totals.MeasuredNcvQuantity(c))));
    }
}

/// <summary>One energy or product line of a filing: quantity and unit token (and for a fuel, feedstock and measured NCV).</summary>
[GenerateSerializer, Immutable]
public sealed record LineSurrogate(string Name, decimal Quantity, string Unit, decimal Feedstock = 0m, decimal? MeasuredNcv = null);

[GenerateSerializer, Immutable]
public readonly record struct MonthlyFilingSurrogate(
    YearMonth Month, LineSurrogate[] Energy, decimal WaterM3, decimal OutputValue, decimal ValueAdded, decimal Revenue, decimal TaxPaid,
    int Employees, decimal RdExpense, bool Pollutants, decimal? CodT, decimal? Nh3nT, decimal? So2T, decimal? NoxT, LineSurrogate[] Products);

[RegisterConverter]
public sealed class MonthlyFilingConverter : IConverter<MonthlyFiling, MonthlyFilingSurrogate>
{
    public MonthlyFiling ConvertFromSurrogate(in MonthlyFilingSurrogate s) =>
        new(s.Month, s.Energy.Select(e => new EnergyUse(EnergyCarriers.Parse(e.Name), new Quantity(e.Quantity, MeasureUnits.Parse(e.Unit)), e.Feedstock, e.MeasuredNcv)).ToArray(),
            s.WaterM3, s.OutputValue, s.ValueAdded, s.Revenue, s.TaxPaid, s.Employees, s.RdExpense,
            s.Pollutants ? new Pollutants(s.CodT, s.Nh3nT, s.So2T, s.NoxT) : null,
            s.Products.Select(p => new ProductOutput(p.Name, p.Quantity, p.Unit)).ToArray());

    public MonthlyFilingSurrogate ConvertToSurrogate(in MonthlyFiling f) =>
        new(f.Month, f.Energy.Select(e => new LineSurrogate(e.Carrier.Token(), e.Quantity.Value, e.Quantity.Unit.Token(), e.Feedstock, e.MeasuredNcv)).ToArray(),
            f.WaterM3, f.OutputValue, f.ValueAdded, f.Revenue, f.TaxPaid, f.Employees, f.RdExpense, f.Pollutants is not null,
            f.Pollutants?.CodT, f.Pollutants?.Nh3nT, f.Pollutants?.So2T, f.Pollutants?.NoxT,
            f.Products.Select(p => new LineSurrogate(p.Name, p.Quantity, p.Unit)).ToArray());
}

// ActivityTotals and MonthlyFiling are immutable, so a call inside one silo passes the same instance instead of copying
// it through its surrogate.

[RegisterCopier]
public sealed class ActivityTotalsCopier : IDeepCopier<ActivityTotals>
{
    public ActivityTotals? DeepCopy(ActivityTotals? input, CopyContext context) => input;
}

[RegisterCopier]
public sealed class MonthlyFilingCopier : IDeepCopier<MonthlyFiling>
{
    public MonthlyFiling? DeepCopy(MonthlyFiling? input, CopyContext context) => input;
}

/// <summary>A caller crosses silos as its account, its role token and its scope keys.</summary>
[GenerateSerializer, Immutable]
public readonly record struct CallerSurrogate(string Account, string Role, string[] Firms, string[] Parks, string[] Applications);

[RegisterConverter]
public sealed class CallerConverter : IConverter<Carbon.Domain.Access.Caller, CallerSurrogate>
{
    public Carbon.Domain.Access.Caller ConvertFromSurrogate(in CallerSurrogate s) =>
        Carbon.Domain.Access.Roles.TryParse(s.Role, out var role)
            ? Carbon.Domain.Access.Caller.Of(s.Account, role, s.Firms, s.Parks, s.Applications)
            : throw new FormatException($"'{s.Role}' is not a role");

    public CallerSurrogate ConvertToSurrogate(in Carbon.Domain.Access.Caller c) =>
        new(c.Account, Carbon.Domain.Access.Roles.Token(c.Role), [.. c.Firms], [.. c.Parks], [.. c.Applications]);
}

[RegisterCopier]
public sealed class CallerCopier : IDeepCopier<Carbon.Domain.Access.Caller>
{
    public Carbon.Domain.Access.Caller? DeepCopy(Carbon.Domain.Access.Caller? input, CopyContext context) => input;
}

[GenerateSerializer, Immutable]
public readonly record struct StandardLandObligationsSurrogate(decimal? InvestmentPerMu, decimal? TaxPerMu, decimal? EnergyPerValueAdded, decimal? FloorAreaRatio,
    decimal? EmissionsT, DateOnly? StartBy, DateOnly? CompleteBy, int? ReviewYear, string[] Remedies);

[RegisterConverter]
public sealed class StandardLandObligationsConverter : IConverter<Carbon.Domain.LandUse.StandardLandObligations, StandardLandObligationsSurrogate>
{
    public Carbon.Domain.LandUse.StandardLandObligations ConvertFromSurrogate(in StandardLandObligationsSurrogate s) =>
        new(s.InvestmentPerMu, s.TaxPerMu, s.EnergyPerValueAdded, s.FloorAreaRatio, s.EmissionsT, s.StartBy, s.CompleteBy, s.ReviewYear, s.Remedies);

    public StandardLandObligationsSurrogate ConvertToSurrogate(in Carbon.Domain.LandUse.StandardLandObligations o) =>
        new(o.InvestmentPerMu, o.TaxPerMu, o.EnergyPerValueAdded, o.FloorAreaRatio, o.EmissionsT, o.StartBy, o.CompleteBy, o.ReviewYear, o.Remedies.ToArray());
}

[GenerateSerializer, Immutable]
public readonly record struct EligibilityRuleSurrogate(Carbon.Domain.Policies.RuleKind Kind, string? Value, string[]? Values, decimal? AtLeast, string? Text);

[RegisterConverter]
public sealed class EligibilityRuleConverter : IConverter<Carbon.Domain.Policies.EligibilityRule, EligibilityRuleSurrogate>
{
    public Carbon.Domain.Policies.EligibilityRule ConvertFromSurrogate(in EligibilityRuleSurrogate s) => new(s.Kind, s.Value, s.Values, s.AtLeast, s.Text);

    public EligibilityRuleSurrogate ConvertToSurrogate(in Carbon.Domain.Policies.EligibilityRule r) => new(r.Kind, r.Value, r.Values?.ToArray(), r.AtLeast, r.Text);
}

[GenerateSerializer, Immutable]
public readonly record struct BenefitSurrogate(decimal? Amount, decimal? Rate, string? RateBase, decimal? Cap);

[RegisterConverter]
public sealed class BenefitConverter : IConverter<Carbon.Domain.Policies.Benefit, BenefitSurrogate>
{
    public Carbon.Domain.Policies.Benefit ConvertFromSurrogate(in BenefitSurrogate s) => new(s.Amount, s.Rate, s.RateBase, s.Cap);

    public BenefitSurrogate ConvertToSurrogate(in Carbon.Domain.Policies.Benefit b) => new(b.Amount, b.Rate, b.RateBase, b.Cap);
}

[GenerateSerializer, Immutable]
public readonly record struct StageGoalSurrogate(int Number, string Goal, DateOnly Due);

[RegisterConverter]
public sealed class StageGoalConverter : IConverter<Carbon.Domain.Targets.StageGoal, StageGoalSurrogate>
{
    public Carbon.Domain.Targets.StageGoal ConvertFromSurrogate(in StageGoalSurrogate s) => new(s.Number, s.Goal, s.Due);

    public StageGoalSurrogate ConvertToSurrogate(in Carbon.Domain.Targets.StageGoal g) => new(g.Number, g.Goal, g.Due);
}
