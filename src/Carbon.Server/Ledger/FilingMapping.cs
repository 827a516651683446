using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;

namespace Carbon.Server.Ledger;

/// <summary>The one mapping between the ledger's filing rows and the methodology's <see cref="MonthlyFiling"/>.</summary>
public static class FilingMapping
{
    /// <summary>The filing a row holds. Rows entered through validation, so a bad token means a corrupt ledger (it throws).</summary>
    public static MonthlyFiling ToDomain(this FilingRecord r) =>
        new(new YearMonth(r.Year, r.Month),
            r.Energy.OrderBy(l => l.Line)
                .Select(l => new EnergyUse(EnergyCarriers.Parse(l.Carrier), new Quantity(l.Quantity, MeasureUnits.Parse(l.Unit)), l.Feedstock, l.MeasuredNcv))
                .ToArray(),
            r.WaterM3, r.OutputValue, r.ValueAdded, r.Revenue, r.TaxPaid, r.Employees, r.RdExpense,
            r.CodT is null && r.Nh3nT is null && r.So2T is null && r.NoxT is null ? null : new Pollutants(r.CodT, r.Nh3nT, r.So2T, r.NoxT),
            r.Products.OrderBy(p => p.Line).Select(p => new ProductOutput(p.Name, p.Quantity, p.Unit)).ToArray());

    /// <summary>The row of one revision of a filing, with its energy and product lines in filed order.</summary>
    public static FilingRecord ToRecord(this MonthlyFiling f, Uscc uscc, int revision, string? reason, string actor, DateTimeOffset at,
        string? confirmation = null) =>
        new()
        {
            Uscc = uscc.Value,
            Year = f.Month.Year,
            Month = f.Month.Month,
            Revision = revision,
            WaterM3 = f.WaterM3,
            OutputValue = f.OutputValue,
            ValueAdded = f.ValueAdded,
            Revenue = f.Revenue,
            TaxPaid = f.TaxPaid,
            Employees = f.Employees,
            RdExpense = f.RdExpense,
            CodT = f.Pollutants?.CodT,
            Nh3nT = f.Pollutants?.Nh3nT,
            So2T = f.Pollutants?.So2T,
            NoxT = f.Pollutants?.NoxT,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            Confirmation = string.IsNullOrWhiteSpace(confirmation) ? null : confirmation.Trim(),
            Actor = actor,
            RecordedAt = at,
            Energy = f.Energy.Select((l, i) => new FilingEnergyRecord
            {
                Line = i, Carrier = l.Carrier.Token(), Quantity = l.Quantity.Value, Unit = l.Quantity.Unit.Token(), Feedstock = l.Feedstock,
                MeasuredNcv = l.MeasuredNcv,
            }).ToList(),
            Products = f.Products.Select((p, i) => new FilingProductRecord { Line = i, Name = p.Name, Quantity = p.Quantity, Unit = p.Unit })
                .ToList(),
        };
}
