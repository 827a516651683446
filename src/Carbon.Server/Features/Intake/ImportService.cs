using System.Globalization;
using System.Security.Cryptography;
using Carbon.Domain.Access;
using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Factors;
using Carbon.Domain.Intake;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;
using Carbon.Server.Configuration;
using Carbon.Server.Factors;
using Carbon.Server.Features.Filings;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Carbon.Sheets;
using FluentValidation;

namespace Carbon.Server.Features.Intake;

/// <summary>A file checked: the check, the firm-months to commit if confirmed, and the sheets it was read from.</summary>
public sealed record CheckedFile(ImportPreview Preview, ImportFirm[] Firms, IReadOnlyList<Grid> Sheets, SheetFormat Format, string Sha256);

/// <summary>
/// Reads an uploaded file as form 205-1, Carbon's template or the monitoring system's monthly records, and checks every firm-month the way the API checks a filing:
/// the firm must be the caller's to file, the month in range, the figures pass the same validator (so the words are the
/// API's), and a 205-1 form must balance. A firm-month with any error is refused whole; the others are new, a revision
/// (reason "import {file}") or unchanged. Nothing is written here.
/// </summary>
public sealed class ImportService(
    IntakeCatalog catalog, IntakeReads reads, IGrainFactory grains, IValidator<FilingRequest> validator, FactorSet factors, ReportingClock clock)
{
    /// <summary>The largest file taken.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    private sealed class Draft(string sheet, int[] rows)
    {
        public string Sheet { get; } = sheet;
        public int[] Rows { get; } = rows;
        public List<ImportIssue> Issues { get; } = [];
        public Uscc? Uscc { get; set; }
        public YearMonth? Month { get; set; }
        public Func<MonthlyFiling?, (FilingRequest Request, IReadOnlyDictionary<string, (int Row, string Column)> Cells)>? Build { get; set; }
        public string? Reason { get; set; }
        public Form2051Rows? Form2051 { get; set; }
        public void Error(int row, string column, string message) => Issues.Add(new ImportIssue(Sheet, row, column, message));
    }

    public async Task<CheckedFile> CheckAsync(string fileName, byte[] content, Caller caller)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        var current = clock.CurrentMonth;   // one "this month" for the whole file, even across midnight at a month's end
        var format = SheetFiles.Detect(content);
        var sheets = SheetFiles.Read(content, Path.GetFileNameWithoutExtension(fileName));
        var form2051 = sheets.Select(IntakeSheets.ReadForm2051).OfType<Form2051Sheet>().ToList();
        var template = sheets.Select(g => (Grid: g, Header: CarbonTemplate.HeaderRow(g))).Where(x => x.Header is not null).ToList();
        var monitoring = form2051.Count == 0 && template.Count == 0 ? sheets.Select(IntakeSheets.ReadMonitoring).OfType<MonitoringSheet>().ToList() : [];
        if (form2051.Count == 0 && template.Count == 0 && monitoring.Count == 0)
        {
            throw new SheetFormatException("未识别的表格：既没有205-1表的“甲 乙 丙”列标，也没有 Carbon 模板的 uscc、month 列，也没有在线监测的 enterpriseCode、dataCode 列 " +
                                           "(neither form 205-1, nor Carbon's template, nor monitoring records: download the template from the import page)");
        }
        var kind = form2051.Count > 0 ? ImportKind.Form2051 : template.Count > 0 ? ImportKind.Template : ImportKind.Monitoring;
        var drafts = kind switch
        {
            ImportKind.Form2051 => await Form2051DraftsAsync(form2051, current),
            ImportKind.Template => template.SelectMany(t => TemplateDrafts(t.Grid, t.Header!.Value, current)).ToList(),
            _ => monitoring.SelectMany(m => MonitoringDrafts(m, current)).ToList(),
        };

        var reason = $"import {fileName}";
        var items = new List<ImportItem>();
        var firms = new Dictionary<Uscc, (List<FilingSubmission> Months, List<Form2051Rows> Rows)>();
        var duplicates = drafts.Where(d => d.Uscc is not null && d.Month is not null).GroupBy(d => (d.Uscc!.Value, d.Month!.Value)).Where(g => g.Count() > 1);
        foreach (var group in duplicates)
        {
            foreach (var d in group)
            {
                d.Error(d.Rows[0], "", $"{group.Key.Item1} {group.Key.Item2} 在文件中出现不止一次 (the same firm and month appears more than once in the file)");
            }
        }
        // Firm by firm, several at once (each firm's months in order, against what its grain holds); then the results are
        // gathered in the file's order, so the report reads as the sheet does.
        var outcomes = new (ImportItemStatus Status, FilingSubmission? Submission)?[drafts.Count];
        var byFirm = drafts.Select((d, i) => (Draft: d, Index: i)).Where(x => x.Draft is { Uscc: not null, Month: not null, Build: not null })
            .GroupBy(x => x.Draft.Uscc!.Value).ToList();
        await Parallel.ForEachAsync(byFirm, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (firm, _) =>
        {
            var uscc = firm.Key;
            var mine = caller.CanFile(uscc) && await grains.Enterprise(uscc).GetAsync(caller) is not null;
            var filed = new Dictionary<int, MonthlyFiling[]>();
            async Task<MonthlyFiling[]> YearAsync(int year) =>
                filed.TryGetValue(year, out var f) ? f : filed[year] = await grains.Enterprise(uscc).GetFilingsAsync(year, caller);
            foreach (var (d, index) in firm)
            {
                if (!mine)
                {
                    d.Error(d.Rows[0], "", $"未登记企业 {uscc}，请先登记 (no enterprise registered with USCC {uscc}; register it first)");
                    continue;
                }
                var month = d.Month!.Value;
                var existing = (await YearAsync(month.Year)).FirstOrDefault(f => f.Month == month);
                var (request, cells) = d.Build!(existing);
                (int Row, string Column) At(string field) => cells.TryGetValue(field, out var at) ? at : (d.Rows[0], "");
                foreach (var e in (await validator.ValidateAsync(request)).Errors)
                {
                    var (row, column) = At(e.PropertyName);
                    d.Error(row, column, e.ErrorMessage);
                }
                if (d.Issues.Any(i => !i.Warning))
                {
                    continue;
                }
                var filing = request.ToDomain(month);
                var history = (await YearAsync(month.Year - 1)).Concat(await YearAsync(month.Year)).Where(f => f.Month < month).ToDictionary(f => f.Month);
                var implausible = Plausibility.Check(filing, history);
                foreach (var i in implausible)
                {
                    var (row, column) = At($"Energy[{i.Line}].Quantity");
                    d.Issues.Add(new ImportIssue(d.Sheet, row, column,
                        $"{i.Quantity} 远超本企业历史（{i.Reference} 推算应在 {i.ExpectedMin}–{i.ExpectedMax} 之间）：确认导入即视为确认 " +
                        $"(far outside this firm's history; confirming the import confirms it)", Warning: true));
                }
                var status = existing is null ? ImportItemStatus.New : existing == filing ? ImportItemStatus.Unchanged : ImportItemStatus.Revision;
                // The reason goes with every month: one filed between this check and the commit is revised with it.
                outcomes[index] = (status, new FilingSubmission(filing, d.Reason ?? reason, caller, [],
                    implausible.Count > 0 ? $"导入 {fileName} 时确认 (confirmed when importing {fileName})" : null));
            }
        });
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            if (d is not { Uscc: { } uscc, Month: { } month })
            {
                continue;
            }
            if (outcomes[i] is not { Submission: { } submission } outcome)
            {
                items.Add(new ImportItem(uscc, month, d.Sheet, d.Rows, ImportItemStatus.Rejected));
                continue;
            }
            items.Add(new ImportItem(uscc, month, d.Sheet, d.Rows, outcome.Status));
            if (!firms.TryGetValue(uscc, out var firm))
            {
                firms[uscc] = firm = ([], []);
            }
            firm.Months.Add(submission);
            if (d.Form2051 is { } rows)
            {
                firm.Rows.Add(rows);
            }
        }
        var sameAs = await reads.CommittedWithHashAsync(sha);
        var preview = new ImportPreview(kind, items.ToArray(), drafts.SelectMany(d => d.Issues).ToArray(), sameAs);
        return new CheckedFile(preview,
            firms.Select(f => new ImportFirm(f.Key, f.Value.Months.OrderBy(s => s.Filing.Month).ToArray(), f.Value.Rows.ToArray())).ToArray(),
            sheets, format, sha);
    }

    private static void Header(Draft d, string uscc, (int Row, string Column) usccCell, string period, (int Row, string Column) periodCell, YearMonth current)
    {
        if (Domain.Registry.Uscc.TryParse(uscc.Trim(), out var u, out var error))
        {
            d.Uscc = u;
        }
        else
        {
            d.Error(usccCell.Row, usccCell.Column, string.IsNullOrWhiteSpace(uscc) ? "缺少统一社会信用代码 (no USCC)" : error);
        }
        if (!IntakeSheets.TryMonth(period, out var month))
        {
            d.Error(periodCell.Row, periodCell.Column, $"报告期“{period}”应为 yyyy-MM (the period must be a month, yyyy-MM)");
        }
        else if (month < ReportingClock.FirstMonth || month > current)
        {
            d.Error(periodCell.Row, periodCell.Column, $"月份应在 {ReportingClock.FirstMonth} 至 {current} 之间 (month must be {ReportingClock.FirstMonth}..{current})");
        }
        else
        {
            d.Month = month;
        }
    }

    /// <summary>205-1 sheets, checked month after month per firm so each opening meets the closing before it.</summary>
    private async Task<List<Draft>> Form2051DraftsAsync(List<Form2051Sheet> sheets, YearMonth current)
    {
        var drafts = new List<(Draft Draft, Form2051Sheet Sheet)>();
        foreach (var s in sheets)
        {
            var d = new Draft(s.Grid.Name, s.Lines.Select(l => l.Row).DefaultIfEmpty(s.UsccCell.Row).ToArray());
            Header(d, s.Uscc, s.UsccCell, s.Period, s.PeriodCell, current);
            drafts.Add((d, s));
        }
        var closings = new Dictionary<(Uscc, YearMonth), IReadOnlyDictionary<string, decimal>>();
        foreach (var (d, s) in drafts.OrderBy(x => x.Draft.Uscc?.Value).ThenBy(x => x.Draft.Month))
        {
            if (d is not { Uscc: { } uscc, Month: { } month })
            {
                continue;
            }
            var previousMonth = month.AddMonths(-1);
            var previous = closings.TryGetValue((uscc, previousMonth), out var inFile) ? inFile : await reads.ClosingAsync(uscc.Value, previousMonth.Year, previousMonth.Month);
            var result = Form2051.Check(s.Lines, catalog.Form2051, previous, OurCoefficient);
            closings[(uscc, month)] = result.Closing;
            d.Issues.AddRange(result.Issues.Select(i => new ImportIssue(d.Sheet, i.Row, i.Column, i.Message, i.Warning)));
            var rowOf = s.Lines.Select(l => (l.Row, Item: catalog.Form2051.Find(l[Form2051Column.Code], l[Form2051Column.Name])))
                .Where(x => x.Item?.Carrier is not null).GroupBy(x => x.Item!.Carrier!.Value).ToDictionary(g => g.Key, g => g.First().Row);
            d.Form2051 = new Form2051Rows(month, s.Lines.Select(l => new Form2051Figures(l.Row,
                catalog.Form2051.Find(l[Form2051Column.Code], l[Form2051Column.Name])?.Code ?? l[Form2051Column.Code], l[Form2051Column.Name], l[Form2051Column.Unit],
                Form2051Columns.All.Where(c => c >= Form2051Column.Opening).Select(c => decimal.TryParse(l[c].Replace(",", "", StringComparison.Ordinal),
                    NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null).ToArray())).ToArray());
            var covered = catalog.Form2051.Items.Where(i => i.Carrier is not null).Select(i => i.Carrier!.Value).ToHashSet();
            d.Build = existing =>
            {
                // 205-1 gives the energy; the month's other figures, and carriers the form has no row for (exported energy,
                // own renewables), stay as filed. A month not yet filed gets zeros for them, and a warning says so.
                var lines = result.Energy.Select(e => (EnergyLineRequest?)new EnergyLineRequest(e.Carrier.Token(), e.Quantity.Value, e.Quantity.Unit.Token(),
                    e.Feedstock == 0m ? null : e.Feedstock)).ToList();
                lines.AddRange((existing?.Energy ?? []).Where(e => !covered.Contains(e.Carrier))
                    .Select(e => (EnergyLineRequest?)new EnergyLineRequest(e.Carrier.Token(), e.Quantity.Value, e.Quantity.Unit.Token(), e.Feedstock == 0m ? null : e.Feedstock, e.MeasuredNcv)));
                var cells = new Dictionary<string, (int Row, string Column)>(StringComparer.Ordinal);
                for (var i = 0; i < result.Energy.Count; i++)
                {
                    var row = rowOf.GetValueOrDefault(result.Energy[i].Carrier, d.Rows[0]);
                    cells[$"Energy[{i}].Quantity"] = (row, Form2051Column.Industrial.Label());
                    cells[$"Energy[{i}].Feedstock"] = (row, Form2051Column.Feedstock.Label());
                    cells[$"Energy[{i}].Unit"] = (row, Form2051Column.Unit.Label());
                }
                var request = existing is null
                    ? new FilingRequest(lines, 0m, 0m, 0m, 0m, 0m, 0, 0m) { Pollutants = null, Products = [] }
                    : FilingRequest.From(existing) with { Energy = lines };
                if (existing is null && !d.Issues.Any(i => !i.Warning))
                {
                    d.Issues.Add(new ImportIssue(d.Sheet, s.UsccCell.Row, s.UsccCell.Column,
                        $"{month} 尚未填报：产值、增加值、税金、用水等记为 0，请随后补填或用 Carbon 模板导入 (no filing yet: the other figures are 0 until filed)", Warning: true));
                }
                return (request, cells);
            };
        }
        return drafts.Select(x => x.Draft).ToList();
    }

    /// <summary>
    /// Monitoring records, one draft per firm and month of statDate: the firm-level monthly records give the carriers they
    /// cover; the month's other carriers and figures stay as filed (zeros, with a warning, for a month not yet filed).
    /// </summary>
    private IEnumerable<Draft> MonitoringDrafts(MonitoringSheet s, YearMonth current)
    {
        if (s.NoDate || s.NoValue)
        {
            var d = new Draft(s.Grid.Name, [s.HeaderRow]);
            d.Error(s.HeaderRow, "", $"缺少 {(s.NoDate ? "statDate 统计时间" : "dataValue 数据值")} 列 (the header has no {(s.NoDate ? "statDate" : "dataValue")} column)");
            yield return d;
            yield break;
        }
        foreach (var group in s.Rows.GroupBy(r => (r.Uscc, Month: IntakeSheets.TryStatMonth(r.StatDate, out var m) ? m.ToString() : r.StatDate)))
        {
            var rows = group.ToList();
            var d = new Draft(s.Grid.Name, rows.Select(r => r.Row).ToArray());
            Header(d, group.Key.Uscc, (rows[0].Row, s.Columns.Uscc), IntakeSheets.TryStatMonth(rows[0].StatDate, out var month) ? month.ToString() : rows[0].StatDate,
                (rows[0].Row, s.Columns.Date), current);
            var result = OnlineMonitoring.Month(rows.Select(r => r.Record).ToList(), catalog.Monitoring, s.RecordColumns);
            d.Issues.AddRange(result.Issues.Select(i => new ImportIssue(d.Sheet, i.Row, i.Column, i.Message, i.Warning)));
            if (result.Covered.Count == 0 && !result.HasErrors)
            {
                d.Error(rows[0].Row, s.RecordColumns.Code, "该企业本月没有可导入的企业级月数据 (no firm-level monthly record for this firm and month)");
            }
            var rowOf = rows.Where(r => MonitoringItemCode.TryParse(r.Record.DataCode, out var c) && catalog.Monitoring.Energies.ContainsKey(c.Energy))
                .GroupBy(r => catalog.Monitoring.Energies[MonitoringItemCode.TryParse(r.Record.DataCode, out var c) ? c.Energy : ""].Carrier)
                .ToDictionary(g => g.Key, g => g.First().Row);
            d.Build = existing =>
            {
                // The meter gives the quantity; the share of it used as feedstock (原料用能) and a measured NCV are the firm's
                // own figures, kept from the month as filed.
                EnergyLineRequest Line(EnergyUse e) => existing?.Energy.FirstOrDefault(f => f.Carrier == e.Carrier) is { } filed && filed.Quantity.Value > 0m
                    ? new EnergyLineRequest(e.Carrier.Token(), e.Quantity.Value, e.Quantity.Unit.Token(),
                        filed.Feedstock == 0m ? null : Math.Round(e.Quantity.Value * filed.Feedstock / filed.Quantity.Value, 6), filed.MeasuredNcv)
                    : new EnergyLineRequest(e.Carrier.Token(), e.Quantity.Value, e.Quantity.Unit.Token());
                var lines = result.Energy.Select(e => (EnergyLineRequest?)Line(e)).ToList();
                lines.AddRange((existing?.Energy ?? []).Where(e => !result.Covered.Contains(e.Carrier))
                    .Select(e => (EnergyLineRequest?)new EnergyLineRequest(e.Carrier.Token(), e.Quantity.Value, e.Quantity.Unit.Token(), e.Feedstock == 0m ? null : e.Feedstock, e.MeasuredNcv)));
                var cells = new Dictionary<string, (int Row, string Column)>(StringComparer.Ordinal);
                for (var i = 0; i < result.Energy.Count; i++)
                {
                    cells[$"Energy[{i}].Quantity"] = (rowOf.GetValueOrDefault(result.Energy[i].Carrier, d.Rows[0]), s.RecordColumns.Value);
                }
                if (existing is null && !d.Issues.Any(i => !i.Warning))
                {
                    d.Issues.Add(new ImportIssue(d.Sheet, d.Rows[0], s.Columns.Uscc,
                        $"{d.Month} 尚未填报：产值、增加值、税金、用水等记为 0，请随后补填或用 Carbon 模板导入 (no filing yet: the other figures are 0 until filed)", Warning: true));
                }
                return (existing is null
                    ? new FilingRequest(lines, 0m, 0m, 0m, 0m, 0m, 0, 0m) { Pollutants = null, Products = [] }
                    : FilingRequest.From(existing) with { Energy = lines }, cells);
            };
            yield return d;
        }
    }

    private static List<Draft> TemplateDrafts(Grid g, int headerAt, YearMonth current)
    {
        var drafts = new List<Draft>();
        foreach (var row in CarbonTemplate.Read(g, headerAt))
        {
            var d = new Draft(g.Name, [row.Row]);
            d.Issues.AddRange(row.Issues.Select(i => new ImportIssue(g.Name, i.Row, i.Column, i.Message)));
            Header(d, row.Uscc, (row.Row, row.UsccColumn), row.Month, (row.Row, row.MonthColumn), current);
            d.Reason = row.Request.Reason;
            d.Build = existing =>
            {
                // Sections the sheet has no columns for stay as filed: a value is never lost by leaving a column out.
                var request = row.Request;
                if (existing is not null && !row.HasPollutants)
                {
                    request = request with { Pollutants = FilingRequest.From(existing).Pollutants };
                }
                else if (!row.HasPollutants || request.Pollutants is { CodT: null, Nh3nT: null, So2T: null, NoxT: null })
                {
                    request = request with { Pollutants = null };
                }
                if (existing is not null && !row.HasProducts)
                {
                    request = request with { Products = FilingRequest.From(existing).Products };
                }
                return (request, row.FieldColumns.ToDictionary(f => f.Key, f => (row.Row, f.Value), StringComparer.Ordinal));
            };
            drafts.Add(d);
        }
        return drafts;
    }

    /// <summary>Carbon's tce per one unit of a carrier on 当量值 (GB/T 2589), from the factor set: what column 10 is checked against.</summary>
    private decimal? OurCoefficient(EnergyCarrier carrier, MeasureUnit unit)
    {
        try
        {
            var month = clock.CurrentMonth;
            var one = new MonthlyFiling(month, [new EnergyUse(carrier, new Quantity(1m, unit))], 0m, 0m, 0m, 0m, 0m, 0, 0m, null);
            return EnergyAccounting.Compute(ActivityTotals.From(one, factors.DefaultFuelBasis), factors, month.Year).CalorificTce;
        }
        catch (Exception e) when (e is MissingFactorException or UnitMismatchException)
        {
            return null;
        }
    }

    /// <summary>
    /// The rejected firm-months as the same sheets, with an 错误 column at the right saying what is wrong on each row; for
    /// a template, its header and the rejected rows only. Numbers go back as numbers.
    /// </summary>
    public static byte[] Rejected(CheckedFile file)
    {
        var rejected = file.Preview.Items.Where(i => i.Status == ImportItemStatus.Rejected).ToList();
        var issues = file.Preview.Issues.Where(i => !i.Warning).ToLookup(i => (i.Sheet, i.Row));
        var sheets = new List<GridOut>();
        foreach (var grid in file.Sheets)
        {
            var mine = rejected.Where(i => i.Sheet == grid.Name).ToList();
            if (mine.Count == 0)
            {
                continue;
            }
            var width = grid.Rows.Max(r => r.Cells.Count);
            var headerAt = file.Preview.Kind switch
            {
                ImportKind.Form2051 => IntakeSheets.LabelRow(grid) ?? 0,
                ImportKind.Template => CarbonTemplate.HeaderRow(grid) ?? 0,
                _ => IntakeSheets.MonitoringHeaderRow(grid) ?? 0,
            };
            var keep = file.Preview.Kind == ImportKind.Form2051
                ? grid.Rows
                : grid.Rows.Where(r => r.Number <= grid.Rows[headerAt].Number || mine.Any(i => i.Rows.Contains(r.Number))).ToList();
            var headerNumber = grid.Rows[headerAt].Number;
            var rows = keep.Select(r =>
            {
                var cells = Enumerable.Range(0, width).Select(i => Cell(r[i])).ToList();
                var said = issues[(grid.Name, r.Number)].Select(i => i.Column.Length > 0 ? $"[{i.Column}] {i.Message}" : i.Message).ToList();
                cells.Add(r.Number == headerNumber ? "错误" : said.Count > 0 ? string.Join("；", said) : null);
                return (IReadOnlyList<object?>)cells;
            }).ToList();
            sheets.Add(new GridOut(grid.Name, rows, file.Preview.Kind == ImportKind.Form2051 ? 0 : headerAt + 1));
        }
        return SheetFiles.Write(file.Format, sheets.Count > 0 ? sheets : [new GridOut("Sheet1", [], 0)]);
    }

    private static object? Cell(string text) =>
        text.Length == 0 ? null
        // A number goes back as a number, but not a code ("01") or a long digit string (a USCC, which a double would round).
        : text.Length <= 15 && decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)
          && (!text.StartsWith('0') || text == "0" || text.StartsWith("0.", StringComparison.Ordinal))
            ? v
            : text;
}
