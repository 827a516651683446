using Carbon.Domain.Energy;
using Carbon.Domain.Factors;
using Carbon.Domain.Units;

namespace Carbon.Domain.Accounting;

/// <summary>
/// Filed activity summed over any set of enterprise-months: energy per carrier in base units (kWh, kg, m³, MJ),
/// water, money and staff, and for fuels the heat and the oxidised carbon of each line. It is a commutative monoid under
/// <c>+</c> (and a group with <c>-</c>), and every accounting figure is computed from it, so a park's figures equal the
/// formula applied to the sum of its ledger. A fuel's heat is fixed per line — its measured NCV, else its firm's fuel
/// family default — because firms of one park follow different guideline families (see <see cref="FuelBasis"/>).
/// </summary>
public sealed record ActivityTotals
{
    private static readonly int CarrierCount = EnergyCarriers.All.Count;

    private const int HeatSlot = 0, FeedstockHeatSlot = 1, CarbonSlot = 2, MeasuredSlot = 3, FuelSlots = 4;

    private readonly decimal[] _energy;

    private ActivityTotals(decimal[] energy, decimal[]? feedstock = null, decimal[]? fuel = null)
    {
        _energy = energy;
        FeedstockBase = feedstock ?? NoFeedstock;
        FuelBase = fuel;
    }

    /// <summary>Per fuel: heat (GJ), feedstock heat (GJ), oxidised carbon (tC), quantity at measured NCV; null when no fuel was filed.</summary>
    private decimal[]? FuelBase { get; init; }

    private decimal FuelValue(int slot, EnergyCarrier carrier) => FuelBase is null ? 0m : FuelBase[slot * CarrierCount + (int)carrier];

    /// <summary>热量: Σ quantity × NCV of a fuel's lines (GJ), the NCV measured where a line says so, else the family default.</summary>
    public decimal HeatGj(EnergyCarrier carrier) => FuelValue(HeatSlot, carrier);

    /// <summary>The heat of the part of a fuel used as raw material (GJ).</summary>
    public decimal FeedstockHeatGj(EnergyCarrier carrier) => FuelValue(FeedstockHeatSlot, carrier);

    /// <summary>Σ (quantity − feedstock) × NCV × CC × OF of a fuel's lines: the carbon oxidised in combustion (tC, GB/T 32150-2015).</summary>
    public decimal OxidisedCarbonT(EnergyCarrier carrier) => FuelValue(CarbonSlot, carrier);

    /// <summary>The part of a fuel's quantity whose lines carried a measured NCV (base units).</summary>
    public decimal MeasuredNcvQuantity(EnergyCarrier carrier) => FuelValue(MeasuredSlot, carrier);

    /// <summary>These totals with a fuel's heat, feedstock heat, oxidised carbon and measured quantity set (for surrogates and tests).</summary>
    public ActivityTotals WithFuel(EnergyCarrier carrier, decimal heatGj, decimal feedstockHeatGj, decimal oxidisedCarbonT, decimal measuredQuantity)
    {
        var f = FuelBase is null ? new decimal[CarrierCount * FuelSlots] : (decimal[])FuelBase.Clone();
        f[HeatSlot * CarrierCount + (int)carrier] = heatGj;
        f[FeedstockHeatSlot * CarrierCount + (int)carrier] = feedstockHeatGj;
        f[CarbonSlot * CarrierCount + (int)carrier] = oxidisedCarbonT;
        f[MeasuredSlot * CarrierCount + (int)carrier] = measuredQuantity;
        return this with { FuelBase = f };
    }

    /// <summary>All zeros, shared by every totals without feedstock (most of them): no array here is written after construction.</summary>
    private static readonly decimal[] NoFeedstock = new decimal[CarrierCount];

    /// <summary>Feedstock per carrier in base units (never exposed: arrays are mutable).</summary>
    private decimal[] FeedstockBase { get; init; }

    /// <summary>Nothing filed.</summary>
    public static ActivityTotals Zero { get; } = new(new decimal[CarrierCount]);

    /// <summary>原料用能 of a fuel in its base unit: the part of <see cref="Energy"/> used as raw material, not burnt.</summary>
    public decimal Feedstock(EnergyCarrier carrier) => FeedstockBase[(int)carrier];

    /// <summary>The fuels with feedstock and the quantity in base units.</summary>
    public IEnumerable<KeyValuePair<EnergyCarrier, decimal>> FeedstockByCarrier() =>
        Enumerable.Range(0, CarrierCount).Where(i => FeedstockBase[i] != 0m).Select(i => KeyValuePair.Create((EnergyCarrier)i, FeedstockBase[i]));

    /// <summary>These totals with feedstock per fuel (base units).</summary>
    public ActivityTotals WithFeedstock(IEnumerable<KeyValuePair<EnergyCarrier, decimal>> feedstock)
    {
        var f = new decimal[CarrierCount];
        foreach (var (carrier, quantity) in feedstock)
        {
            f[(int)carrier] += quantity;
        }
        return this with { FeedstockBase = f };
    }

    /// <summary>Totals with the given energy per carrier (in <see cref="EnergyCarriers.All"/> order, base units); set the rest with <c>init</c>.</summary>
    public static ActivityTotals WithEnergy(ReadOnlySpan<decimal> energyByCarrier)
    {
        if (energyByCarrier.Length != CarrierCount)
        {
            throw new ArgumentException($"expected {CarrierCount} carriers, got {energyByCarrier.Length}", nameof(energyByCarrier));
        }
        return new ActivityTotals(energyByCarrier.ToArray());
    }

    /// <summary>Totals with the given energy per carrier (base units); set the rest with <c>init</c>.</summary>
    public static ActivityTotals WithEnergy(IEnumerable<KeyValuePair<EnergyCarrier, decimal>> energyByCarrier)
    {
        var energy = new decimal[CarrierCount];
        foreach (var (carrier, quantity) in energyByCarrier)
        {
            energy[(int)carrier] += quantity;
        }
        return new ActivityTotals(energy);
    }

    /// <summary>The carriers with a non-zero quantity and that quantity in base units: keyed, so no order is implied.</summary>
    public IEnumerable<KeyValuePair<EnergyCarrier, decimal>> EnergyByCarrier()
    {
        for (var i = 0; i < CarrierCount; i++)
        {
            if (_energy[i] != 0m)
            {
                yield return new((EnergyCarrier)i, _energy[i]);
            }
        }
    }

    /// <summary>Quantity of a carrier in its base unit (kWh, kg, m³ or MJ).</summary>
    public decimal Energy(EnergyCarrier carrier) => _energy[(int)carrier];

    public decimal WaterM3 { get; init; }

    public decimal OutputValue { get; init; }

    public decimal ValueAdded { get; init; }

    public decimal Revenue { get; init; }

    public decimal TaxPaid { get; init; }

    public decimal RdExpense { get; init; }

    /// <summary>Σ monthly headcount; divided by months it is 年平均职工人数.</summary>
    public decimal EmployeeMonths { get; init; }

    /// <summary>Σ reported main pollutants (t).</summary>
    public decimal PollutantsT { get; init; }

    /// <summary>Enterprise-months whose filing reported pollutants.</summary>
    public int PollutantMonths { get; init; }

    /// <summary>Enterprise-months summed in.</summary>
    public int FilingMonths { get; init; }

    /// <summary>
    /// Electricity delivered to the grid, as metered (kWh). <see cref="Energy"/> of exported electricity is only the part
    /// deducted from purchases: what exceeded the firm's own renewable generation, and never more than it purchased.
    /// </summary>
    public decimal ExportedKwh { get; init; }

    /// <summary>Renewable electricity used on site: generated − exported, month by month, never below zero (kWh).</summary>
    public decimal RenewableSelfUsedKwh { get; init; }

    /// <summary>
    /// The totals of one monthly filing, its fuels on the firm's <paramref name="fuels"/>. Exports are netted here, month
    /// by month (GB/T 2589-2020: energy delivered outside the boundary is deducted where it was counted in): exported
    /// electricity first comes out of the firm's own renewable generation and only the rest out of purchased electricity,
    /// and no deduction exceeds what was purchased — for electricity and for heat. A rooftop-PV exporter cannot have
    /// negative consumption, and sums stay exact. Each fuel line's heat is quantity × NCV (measured, else the family's),
    /// and its oxidised carbon (quantity − feedstock) × NCV × CC × OF (GB/T 32150-2015 燃料燃烧排放).
    /// </summary>
    public static ActivityTotals From(MonthlyFiling filing, FuelBasis fuels)
    {
        var energy = new decimal[CarrierCount];
        decimal[]? feedstock = null;
        decimal[]? fuel = null;
        foreach (var use in filing.Energy)
        {
            var quantity = use.Quantity.InBaseUnit;
            var feedstockBase = use.Feedstock * use.Quantity.Unit.ScaleToBase();
            energy[(int)use.Carrier] += quantity;
            if (feedstockBase != 0m)
            {
                feedstock ??= new decimal[CarrierCount];
                feedstock[(int)use.Carrier] += feedstockBase;
            }
            if (use.Carrier.RoleOf() != CarrierRole.Fuel)
            {
                continue;
            }
            var defaults = fuels.For(use.Carrier);
            var ncv = use.MeasuredNcv is { } measured ? measured / EnergyUse.NcvDenominatorScale(use.Carrier) : defaults.Ncv.Normalized;
            fuel ??= new decimal[CarrierCount * FuelSlots];
            var i = (int)use.Carrier;
            fuel[HeatSlot * CarrierCount + i] += quantity * ncv;
            fuel[FeedstockHeatSlot * CarrierCount + i] += feedstockBase * ncv;
            fuel[CarbonSlot * CarrierCount + i] += (quantity - feedstockBase) * ncv * defaults.CarbonContent.Normalized * defaults.Oxidation.Normalized;
            fuel[MeasuredSlot * CarrierCount + i] += use.MeasuredNcv is null ? 0m : quantity;
        }
        var exported = energy[(int)EnergyCarrier.ExportedElectricity];
        var generated = energy[(int)EnergyCarrier.RenewableGeneration];
        energy[(int)EnergyCarrier.ExportedElectricity] = Math.Min(energy[(int)EnergyCarrier.Electricity], Math.Max(0m, exported - generated));
        energy[(int)EnergyCarrier.ExportedHeat] = Math.Min(energy[(int)EnergyCarrier.Heat], energy[(int)EnergyCarrier.ExportedHeat]);
        var reported = filing.Pollutants is { Reported: true };
        return new ActivityTotals(energy, feedstock, fuel)
        {
            ExportedKwh = exported,
            RenewableSelfUsedKwh = Math.Max(0m, generated - exported),
            WaterM3 = filing.WaterM3,
            OutputValue = filing.OutputValue,
            ValueAdded = filing.ValueAdded,
            Revenue = filing.Revenue,
            TaxPaid = filing.TaxPaid,
            RdExpense = filing.RdExpense,
            EmployeeMonths = filing.Employees,
            PollutantsT = reported ? filing.Pollutants!.TotalT : 0m,
            PollutantMonths = reported ? 1 : 0,
            FilingMonths = 1,
        };
    }

    public static ActivityTotals Sum(IEnumerable<ActivityTotals> items)
    {
        var total = Zero;
        foreach (var item in items)
        {
            total += item;
        }
        return total;
    }

    public static ActivityTotals operator +(ActivityTotals a, ActivityTotals b) => Combine(a, b, 1);

    public static ActivityTotals operator -(ActivityTotals a, ActivityTotals b) => Combine(a, b, -1);

    /// <summary>Every quantity times k (for the scaling property: doubling every input doubles every total).</summary>
    public ActivityTotals Scale(decimal k)
    {
        var energy = new decimal[CarrierCount];
        var feedstock = new decimal[CarrierCount];
        for (var i = 0; i < CarrierCount; i++)
        {
            energy[i] = _energy[i] * k;
            feedstock[i] = FeedstockBase[i] * k;
        }
        return new ActivityTotals(energy, feedstock, FuelBase?.Select(v => v * k).ToArray())
        {
            WaterM3 = WaterM3 * k,
            OutputValue = OutputValue * k,
            ValueAdded = ValueAdded * k,
            Revenue = Revenue * k,
            TaxPaid = TaxPaid * k,
            RdExpense = RdExpense * k,
            EmployeeMonths = EmployeeMonths * k,
            PollutantsT = PollutantsT * k,
            PollutantMonths = PollutantMonths,
            FilingMonths = FilingMonths,
            ExportedKwh = ExportedKwh * k,
            RenewableSelfUsedKwh = RenewableSelfUsedKwh * k,
        };
    }

    public bool Equals(ActivityTotals? other) =>
        other is not null
        && _energy.AsSpan().SequenceEqual(other._energy)
        && FeedstockBase.AsSpan().SequenceEqual(other.FeedstockBase)
        && FuelEquals(FuelBase, other.FuelBase)
        && WaterM3 == other.WaterM3
        && OutputValue == other.OutputValue
        && ValueAdded == other.ValueAdded
        && Revenue == other.Revenue
        && TaxPaid == other.TaxPaid
        && RdExpense == other.RdExpense
        && EmployeeMonths == other.EmployeeMonths
        && PollutantsT == other.PollutantsT
        && PollutantMonths == other.PollutantMonths
        && FilingMonths == other.FilingMonths
        && ExportedKwh == other.ExportedKwh
        && RenewableSelfUsedKwh == other.RenewableSelfUsedKwh;

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var e in _energy)
        {
            hash.Add(e);
        }
        hash.Add(WaterM3);
        hash.Add(ValueAdded);
        hash.Add(FilingMonths);
        return hash.ToHashCode();
    }

    /// <summary>Fuel sums are equal when every value is; a missing array is all zeros.</summary>
    private static bool FuelEquals(decimal[]? a, decimal[]? b)
    {
        for (var i = 0; i < CarrierCount * FuelSlots; i++)
        {
            if ((a?[i] ?? 0m) != (b?[i] ?? 0m))
            {
                return false;
            }
        }
        return true;
    }

    private static ActivityTotals Combine(ActivityTotals a, ActivityTotals b, int sign)
    {
        var energy = new decimal[CarrierCount];
        for (var i = 0; i < CarrierCount; i++)
        {
            energy[i] = a._energy[i] + sign * b._energy[i];
        }
        decimal[]? feedstock = null;
        if (!ReferenceEquals(a.FeedstockBase, NoFeedstock) || !ReferenceEquals(b.FeedstockBase, NoFeedstock))
        {
            feedstock = new decimal[CarrierCount];
            for (var i = 0; i < CarrierCount; i++)
            {
                feedstock[i] = a.FeedstockBase[i] + sign * b.FeedstockBase[i];
            }
        }
        decimal[]? fuel = null;
        if (a.FuelBase is not null || b.FuelBase is not null)
        {
            fuel = new decimal[CarrierCount * FuelSlots];
            for (var i = 0; i < fuel.Length; i++)
            {
                fuel[i] = (a.FuelBase?[i] ?? 0m) + sign * (b.FuelBase?[i] ?? 0m);
            }
        }
        return new ActivityTotals(energy, feedstock, fuel)
        {
            WaterM3 = a.WaterM3 + sign * b.WaterM3,
            OutputValue = a.OutputValue + sign * b.OutputValue,
            ValueAdded = a.ValueAdded + sign * b.ValueAdded,
            Revenue = a.Revenue + sign * b.Revenue,
            TaxPaid = a.TaxPaid + sign * b.TaxPaid,
            RdExpense = a.RdExpense + sign * b.RdExpense,
            EmployeeMonths = a.EmployeeMonths + sign * b.EmployeeMonths,
            PollutantsT = a.PollutantsT + sign * b.PollutantsT,
            PollutantMonths = a.PollutantMonths + sign * b.PollutantMonths,
            FilingMonths = a.FilingMonths + sign * b.FilingMonths,
            ExportedKwh = a.ExportedKwh + sign * b.ExportedKwh,
            RenewableSelfUsedKwh = a.RenewableSelfUsedKwh + sign * b.RenewableSelfUsedKwh,
        };
    }
}
