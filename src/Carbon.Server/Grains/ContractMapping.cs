using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

/// <summary>Between wire contracts, ledger rows and the methodology's types.</summary>
public static class ContractMapping
{
    /// <summary>The domain filing; content reaching here was validated, so a bad token means a corrupt ledger.</summary>
    public static MonthlyFiling ToDomain(this FilingContent content, int year, int month)
    {
        var energy = new EnergyUse[content.Energy.Length];
        for (var i = 0; i < energy.Length; i++)
        {
            var line = content.Energy[i];
            if (!EnergyCarriers.TryParse(line.Carrier, out var carrier) || !MeasureUnits.TryParse(line.Unit, out var unit))
            {
                throw new InvalidOperationException($"filing {year}-{month:D2} line {i}: unknown carrier '{line.Carrier}' or unit '{line.Unit}'");
            }
            energy[i] = new EnergyUse(carrier, new Quantity(line.Quantity, unit));
        }
        var p = content.Pollutants;
        return new MonthlyFiling(new YearMonth(year, month), energy, content.WaterM3, content.OutputValue, content.ValueAdded,
            content.Revenue, content.TaxPaid, content.Employees, content.RdExpense,
            p is null ? null : new Pollutants(p.CodT, p.Nh3nT, p.So2T, p.NoxT));
    }

    public static ActivityTotals Totals(this FilingContent content, int year, int month) =>
        ActivityTotals.From(content.ToDomain(year, month));

    public static TotalsSnapshot ToSnapshot(this ActivityTotals t) =>
        new(t.EnergyToArray(), t.WaterM3, t.OutputValue, t.ValueAdded, t.Revenue, t.TaxPaid, t.RdExpense,
            t.EmployeeMonths, t.PollutantsT, t.PollutantMonths, t.FilingMonths);

    public static ActivityTotals ToDomain(this TotalsSnapshot s) =>
        ActivityTotals.WithEnergy(s.Energy) with
        {
            WaterM3 = s.WaterM3,
            OutputValue = s.OutputValue,
            ValueAdded = s.ValueAdded,
            Revenue = s.Revenue,
            TaxPaid = s.TaxPaid,
            RdExpense = s.RdExpense,
            EmployeeMonths = s.EmployeeMonths,
            PollutantsT = s.PollutantsT,
            PollutantMonths = s.PollutantMonths,
            FilingMonths = s.FilingMonths,
        };

    public static FilingContent ToContent(this FilingRecord r) =>
        new(
            r.Energy.OrderBy(l => l.Line).Select(l => new EnergyLine(l.Carrier, l.Quantity, l.Unit)).ToArray(),
            r.WaterM3, r.OutputValue, r.ValueAdded, r.Revenue, r.TaxPaid, r.Employees, r.RdExpense,
            r.CodT is null && r.Nh3nT is null && r.So2T is null && r.NoxT is null
                ? null
                : new PollutantsInput(r.CodT, r.Nh3nT, r.So2T, r.NoxT),
            r.Products.Count == 0
                ? null
                : r.Products.OrderBy(p => p.Line).Select(p => new ProductLine(p.Name, p.Quantity, p.Unit)).ToArray());

    public static FilingRecord ToRecord(this FilingSubmission s, string uscc, int revision, DateTimeOffset at) =>
        new()
        {
            Uscc = uscc,
            Year = s.Year,
            Month = s.Month,
            Revision = revision,
            WaterM3 = s.Content.WaterM3,
            OutputValue = s.Content.OutputValue,
            ValueAdded = s.Content.ValueAdded,
            Revenue = s.Content.Revenue,
            TaxPaid = s.Content.TaxPaid,
            Employees = s.Content.Employees,
            RdExpense = s.Content.RdExpense,
            CodT = s.Content.Pollutants?.CodT,
            Nh3nT = s.Content.Pollutants?.Nh3nT,
            So2T = s.Content.Pollutants?.So2T,
            NoxT = s.Content.Pollutants?.NoxT,
            Reason = string.IsNullOrWhiteSpace(s.Reason) ? null : s.Reason.Trim(),
            Actor = s.Actor,
            RecordedAt = at,
            Energy = s.Content.Energy.Select((l, i) => new FilingEnergyRecord
            {
                Line = i,
                Carrier = l.Carrier,
                Quantity = l.Quantity,
                Unit = l.Unit,
            }).ToList(),
            Products = s.Content.ProductLines.Select((p, i) => new FilingProductRecord
            {
                Line = i,
                Name = p.Name,
                Quantity = p.Quantity,
                Unit = p.Unit,
            }).ToList(),
        };

    public static EnterpriseProfile ToProfile(this EnterpriseRevisionRecord r, string? parkCode) =>
        new(r.Uscc, r.Name, r.Industry, r.IndustryCode, parkCode, r.Scale, r.LandAreaMu, r.EstablishedOn, r.LandGrantedOn,
            r.FloorAreaM2, r.FootprintM2);

    public static EnterpriseRevisionRecord ToRevision(this EnterpriseProfile p, int revision, string? reason, string actor, DateTimeOffset at) =>
        new()
        {
            Uscc = p.Uscc,
            Revision = revision,
            Name = p.Name,
            Industry = p.Industry,
            IndustryCode = p.IndustryCode,
            Scale = p.Scale,
            LandAreaMu = p.LandAreaMu,
            EstablishedOn = p.EstablishedOn,
            LandGrantedOn = p.LandGrantedOn,
            FloorAreaM2 = p.FloorAreaM2,
            FootprintM2 = p.FootprintM2,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            Actor = actor,
            RecordedAt = at,
        };

    public static ParkProfile ToProfile(this ParkRecord r) => new(r.Code, r.Name, r.Kind);
}
