using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Units;
using Carbon.Server.Features.Filings;

namespace Carbon.Server.Features.Web;

/// <summary>
/// The filing form of the web page: one row per carrier (empty = not filed) and the month's figures. It becomes the
/// API's <see cref="FilingRequest"/>, so the page and the API validate and file through the same code.
/// </summary>
public sealed class FilingForm
{
    public List<LineForm> Lines { get; set; } = [];
    public decimal? WaterM3 { get; set; }
    public decimal? OutputValue { get; set; }
    public decimal? ValueAdded { get; set; }
    public decimal? Revenue { get; set; }
    public decimal? TaxPaid { get; set; }
    public int? Employees { get; set; }
    public decimal? RdExpense { get; set; }
    public decimal? CodT { get; set; }
    public decimal? Nh3nT { get; set; }
    public decimal? So2T { get; set; }
    public decimal? NoxT { get; set; }
    public string? Reason { get; set; }
    public bool Confirm { get; set; }
    public string? Note { get; set; }

    /// <summary>A row of the energy table.</summary>
    public sealed class LineForm
    {
        public string? Carrier { get; set; }
        public decimal? Quantity { get; set; }
        public string? Unit { get; set; }
        public decimal? Feedstock { get; set; }
        public decimal? MeasuredNcv { get; set; }
    }

    /// <summary>The form of a month: its current filing's figures, or empty rows in each carrier's first unit.</summary>
    public static FilingForm From(MonthlyFiling? current)
    {
        var form = new FilingForm();
        foreach (var carrier in EnergyCarriers.All)
        {
            // EnergyUse is a struct: FirstOrDefault would give an empty line, not null, for a carrier not filed.
            var filed = current?.Energy.Where(e => e.Carrier == carrier).Select(e => (EnergyUse?)e).FirstOrDefault();
            form.Lines.Add(new LineForm
            {
                Carrier = carrier.Token(),
                Quantity = filed?.Quantity.Value,
                Unit = filed?.Quantity.Unit.Token() ?? Enum.GetValues<MeasureUnit>().First(u => carrier.Accepts(u)).Token(),
                Feedstock = filed is { Feedstock: > 0m } f ? f.Feedstock : null,
                MeasuredNcv = filed?.MeasuredNcv,
            });
        }
        if (current is not null)
        {
            (form.WaterM3, form.OutputValue, form.ValueAdded, form.Revenue, form.TaxPaid, form.Employees, form.RdExpense) =
                (current.WaterM3, current.OutputValue, current.ValueAdded, current.Revenue, current.TaxPaid, current.Employees, current.RdExpense);
            (form.CodT, form.Nh3nT, form.So2T, form.NoxT) = (current.Pollutants?.CodT, current.Pollutants?.Nh3nT, current.Pollutants?.So2T, current.Pollutants?.NoxT);
        }
        return form;
    }

    /// <summary>The API request this form says, and for each of its energy lines the form row it came from.</summary>
    public (FilingRequest Request, IReadOnlyList<int> Rows) ToRequest(MonthlyFiling? current)
    {
        var rows = new List<int>();
        var lines = new List<EnergyLineRequest?>();
        for (var i = 0; i < Lines.Count; i++)
        {
            if (Lines[i].Quantity is { } q)
            {
                rows.Add(i);
                lines.Add(new EnergyLineRequest(Lines[i].Carrier, q, Lines[i].Unit, Lines[i].Feedstock, Lines[i].MeasuredNcv));
            }
        }
        var pollutants = CodT is null && Nh3nT is null && So2T is null && NoxT is null ? null : new PollutantsRequest(CodT, Nh3nT, So2T, NoxT);
        var request = new FilingRequest(lines, WaterM3, OutputValue, ValueAdded, Revenue, TaxPaid, Employees, RdExpense)
        {
            Pollutants = pollutants,
            // Products are not edited on this page: what the month had is sent again, never dropped.
            Products = (current?.Products ?? []).Select(p => (ProductLineRequest?)new ProductLineRequest(p.Name, p.Quantity, p.Unit)).ToList(),
            Reason = string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(),
            Confirm = Confirm ? true : null,
            Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
        };
        return (request, rows);
    }
}
