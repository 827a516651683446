using System.Globalization;
using System.Text.RegularExpressions;
using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Intake;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;
using Carbon.Server.Features.Filings;
using Carbon.Sheets;

namespace Carbon.Server.Features.Intake;

/// <summary>A firm-month of form 205-1 as found in a sheet: where, the header's USCC and 报告期 (text, with their cells), and its rows.</summary>
public sealed record Form2051Sheet(Grid Grid, string Uscc, (int Row, string Column) UsccCell, string Period, (int Row, string Column) PeriodCell,
    IReadOnlyList<Form2051Line> Lines);

/// <summary>A monitoring record with the firm and month it belongs to (as written).</summary>
public sealed record MonitoringRow(int Row, string Uscc, string StatDate, MonitoringRecord Record);

/// <summary>
/// A monitoring export's sheet: its records, the header's row number, the columns of the firm and the date, those of the
/// record's fields, and whether statDate or dataValue is missing from the header.
/// </summary>
public sealed record MonitoringSheet(Grid Grid, int HeaderRow, IReadOnlyList<MonitoringRow> Rows, (string Uscc, string Date) Columns,
    (string Code, string StatType, string Value, string Valid) RecordColumns, bool NoDate, bool NoValue);

/// <summary>
/// Reads the layouts Carbon imports out of sheets: form 205-1 (one sheet per firm-month, found by its 甲 乙 丙 column
/// labels and its header's 统一社会信用代码 and 报告期), Carbon's template (one row per firm-month, columns found by
/// the key in their header) and the online monitoring system's monthly records (one row per data item).
/// </summary>
public static partial class IntakeSheets
{
    /// <summary>The row of column labels: it holds 甲, 乙 and 丙.</summary>
    public static int? LabelRow(Grid g) =>
        g.Rows.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Cells.Contains("甲") && x.r.Cells.Contains("乙") && x.r.Cells.Contains("丙")) is { r: not null } hit
            ? hit.i
            : null;

    public static Form2051Sheet? ReadForm2051(Grid g)
    {
        if (LabelRow(g) is not { } labelAt)
        {
            return null;
        }
        var labels = g.Rows[labelAt];
        var columns = new Dictionary<Form2051Column, int>();
        for (var i = 0; i < labels.Cells.Count; i++)
        {
            if (Form2051Columns.TryParseLabel(labels[i], out var c) && !columns.ContainsKey(c))
            {
                columns[c] = i;
            }
        }
        var (uscc, usccCell) = Labelled(g, "统一社会信用代码", "信用代码");
        var (period, periodCell) = Labelled(g, "报告期", "所属期", "统计期");
        var lines = new List<Form2051Line>();
        foreach (var row in g.Rows.Skip(labelAt + 1))
        {
            var first = row.Cells.FirstOrDefault(c => c.Length > 0) ?? "";
            if (Footer.Any(f => first.StartsWith(f, StringComparison.Ordinal)))
            {
                break;
            }
            var cells = columns.ToDictionary(c => c.Key, c => row[c.Value]);
            if (cells.GetValueOrDefault(Form2051Column.Name, "").Length == 0 && cells.GetValueOrDefault(Form2051Column.Code, "").Length == 0)
            {
                continue;
            }
            lines.Add(new Form2051Line(row.Number, cells));
        }
        return new Form2051Sheet(g, uscc, usccCell, period, periodCell, lines);
    }

    private static readonly string[] Footer = ["单位负责人", "统计负责人", "填表人", "报出日期", "说明"];

    /// <summary>"统一社会信用代码：9133…" in one cell, or the label in one cell and the value in the next filled one.</summary>
    private static (string Value, (int Row, string Column) Cell) Labelled(Grid g, params string[] labels)
    {
        foreach (var row in g.Rows)
        {
            for (var i = 0; i < row.Cells.Count; i++)
            {
                var cell = row[i];
                var label = labels.FirstOrDefault(l => cell.Contains(l, StringComparison.Ordinal));
                if (label is null)
                {
                    continue;
                }
                var after = cell[(cell.IndexOf(label, StringComparison.Ordinal) + label.Length)..].TrimStart(' ', '：', ':', '（', '）', '(', ')').Trim();
                if (after.Length > 0)
                {
                    return (after, (row.Number, Xlsx.ColumnName(i)));
                }
                for (var j = i + 1; j < row.Cells.Count; j++)
                {
                    if (row[j].Length > 0)
                    {
                        return (row[j], (row.Number, Xlsx.ColumnName(j)));
                    }
                }
                return ("", (row.Number, Xlsx.ColumnName(i)));
            }
        }
        return ("", (g.Rows.FirstOrDefault()?.Number ?? 1, "A"));
    }

    /// <summary>
    /// The row naming the monitoring export's fields: it has the firm's code (enterpriseCode, 统一社会信用代码) and the
    /// data-item code (dataCode, 数据项编码).
    /// </summary>
    public static int? MonitoringHeaderRow(Grid g) =>
        g.Rows.Select((r, i) => (r, i)).FirstOrDefault(x => MonitoringField(x.r, MonitoringUscc) is not null && MonitoringField(x.r, MonitoringCode) is not null) is
            { r: not null } hit ? hit.i : null;

    private static readonly string[] MonitoringUscc = ["enterprisecode", "uscc", "统一社会信用代码", "企业代码"];
    private static readonly string[] MonitoringCode = ["datacode", "数据项编码", "数据编码"];
    private static readonly string[] MonitoringStatType = ["stattype", "统计类型", "数据类型"];
    private static readonly string[] MonitoringDate = ["statdate", "统计时间", "统计日期", "数据时间"];
    private static readonly string[] MonitoringValue = ["datavalue", "数据值", "统计值"];
    private static readonly string[] MonitoringValid = ["valid", "是否有效"];

    private static int? MonitoringField(GridRow header, string[] names)
    {
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var cell = header[i].Trim().ToLowerInvariant();
            if (names.Any(n => cell == n || cell.StartsWith(n + "(", StringComparison.Ordinal) || cell.StartsWith(n + "（", StringComparison.Ordinal)))
            {
                return i;
            }
        }
        return null;
    }

    /// <summary>
    /// The records of a monitoring export (one row each; fields found by name in the header row), grouped by firm and by
    /// the month of statDate (2025-03, 2025-03-01, 2025-03-31 00:00:00 …), with the column letters of each field.
    /// </summary>
    public static MonitoringSheet? ReadMonitoring(Grid g)
    {
        if (MonitoringHeaderRow(g) is not { } headerAt)
        {
            return null;
        }
        var header = g.Rows[headerAt];
        int? At(string[] names) => MonitoringField(header, names);
        string Letter(int? i) => i is { } c ? Xlsx.ColumnName(c) : "";
        var (uscc, code, type, date, value, valid) = (At(MonitoringUscc)!.Value, At(MonitoringCode)!.Value, At(MonitoringStatType), At(MonitoringDate),
            At(MonitoringValue), At(MonitoringValid));
        var rows = g.Rows.Skip(headerAt + 1).Where(r => !r.IsBlank).Select(r => new MonitoringRow(r.Number, r[uscc].Trim(),
            date is { } d ? r[d].Trim() : "", new MonitoringRecord(r.Number, r[code], type is { } t ? r[t] : "", value is { } v ? r[v] : "", valid is { } ok ? r[ok] : ""))).ToList();
        return new MonitoringSheet(g, header.Number, rows,
            (Letter(uscc), Letter(date)), (Letter(code), Letter(type), Letter(value), Letter(valid)), date is null, value is null);
    }

    /// <summary>The month of a monitoring record's statDate: a month, or a day or a time within it.</summary>
    public static bool TryStatMonth(string text, out YearMonth month)
    {
        var t = text.Trim();
        if (t.Length > 10 && (t[10] == ' ' || t[10] == 'T'))
        {
            t = t[..10];
        }
        return TryMonth(t, out month);
    }

    /// <summary>
    /// A month as people write it: 2026-10, 2026/10, 2026.10, 2026年10月, 202610, or an Excel date (a serial day number,
    /// what "2026-10" becomes when Excel takes it for a date).
    /// </summary>
    public static bool TryMonth(string? text, out YearMonth month)
    {
        month = default;
        var t = (text ?? "").Trim();
        if (MonthPattern().Match(t) is { Success: true } m
            && int.TryParse(m.Groups["y"].Value, CultureInfo.InvariantCulture, out var y) && int.TryParse(m.Groups["m"].Value, CultureInfo.InvariantCulture, out var mo)
            && mo is >= 1 and <= 12 && y is >= 1900 and <= 9999)
        {
            month = new YearMonth(y, mo);
            return true;
        }
        if (decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is >= 20000 and < 80000)
        {
            var day = DateOnly.FromDateTime(new DateTime(1899, 12, 30).AddDays((double)decimal.Truncate(serial)));
            month = new YearMonth(day.Year, day.Month);
            return true;
        }
        return false;
    }

    [GeneratedRegex(@"^(?<y>\d{4})\s*(?:[-/.年]\s*(?<m>\d{1,2})\s*月?|(?<m>\d{2}))(?:[-/.]\d{1,2}日?)?$")]
    private static partial Regex MonthPattern();
}

/// <summary>One column of Carbon's template: its key (the API's field), header label and the unit its figures are in.</summary>
public sealed record TemplateColumn(string Key, string Label, string? Unit)
{
    public string Header => Unit is null ? $"{Label} {Key}" : $"{Label} {Key} ({Unit})";
}

/// <summary>A template row read: its row, the USCC and month text with their columns, and the filing it states (not yet checked).</summary>
public sealed record TemplateRow(int Row, string Uscc, string UsccColumn, string Month, string MonthColumn, FilingRequest Request,
    IReadOnlyDictionary<string, string> FieldColumns, IReadOnlyList<IntakeIssue> Issues, bool HasPollutants, bool HasProducts);

/// <summary>
/// Carbon's import template: one row per firm-month, every filing field. Energy has one column per carrier in a fixed
/// unit (electricity kWh, solid and liquid fuels t, gases m³, heat GJ), and for each fuel its 原料用能 part and its
/// measured NCV; then water, the money figures (万元), employees, the pollutants (t), three products and a reason.
/// </summary>
public static class CarbonTemplate
{
    public const int Products = 3;

    public static IReadOnlyList<TemplateColumn> Columns { get; } = Build();

    private static List<TemplateColumn> Build()
    {
        var columns = new List<TemplateColumn> { new("uscc", "统一社会信用代码", null), new("month", "月份（yyyy-MM）", null) };
        foreach (var c in EnergyCarriers.All)
        {
            columns.Add(new(c.Token(), c.ChineseName(), UnitOf(c).Token()));
        }
        foreach (var c in EnergyCarriers.All.Where(c => c.RoleOf() == CarrierRole.Fuel))
        {
            columns.Add(new($"{c.Token()}.feedstock", $"{c.ChineseName()}其中用作原料", UnitOf(c).Token()));
            columns.Add(new($"{c.Token()}.ncv", $"{c.ChineseName()}低位发热量实测值", EnergyUse.NcvUnit(c)));
        }
        columns.AddRange(
        [
            new("waterM3", "取水量", "m3"), new("outputValue", "工业总产值", "万元"), new("valueAdded", "工业增加值", "万元"),
            new("revenue", "营业收入", "万元"), new("taxPaid", "实缴税金", "万元"), new("employees", "从业人员", "人"),
            new("rdExpense", "研发经费", "万元"),
            new("codT", "化学需氧量", "t"), new("nh3nT", "氨氮", "t"), new("so2T", "二氧化硫", "t"), new("noxT", "氮氧化物", "t"),
        ]);
        for (var p = 1; p <= Products; p++)
        {
            columns.AddRange([new($"product{p}.name", $"产品{p}名称", null), new($"product{p}.quantity", $"产品{p}产量", null), new($"product{p}.unit", $"产品{p}单位", null)]);
        }
        columns.Add(new("reason", "修订原因（已填报月份）", null));
        return columns;
    }

    /// <summary>The template's unit for a carrier: kWh, t, m³ or GJ by what it is measured in.</summary>
    public static MeasureUnit UnitOf(EnergyCarrier c) => c.DimensionOf() switch
    {
        Dimension.Electricity => MeasureUnit.KilowattHour,
        Dimension.Mass => MeasureUnit.Tonne,
        Dimension.Volume => MeasureUnit.CubicMetre,
        _ => MeasureUnit.Gigajoule,
    };

    /// <summary>The key a header cell names: the word of it that is a column key ("电力 electricity (kWh)" → electricity).</summary>
    public static string? KeyOf(string header) =>
        header.Split([' ', '(', ')', '（', '）'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => Columns.Any(c => c.Key == w));

    /// <summary>Whether a sheet is the template: a row naming both the uscc and the month columns.</summary>
    public static int? HeaderRow(Grid g) =>
        g.Rows.Select((r, i) => (r, i)).FirstOrDefault(x => x.r.Cells.Select(KeyOf).Contains("uscc") && x.r.Cells.Select(KeyOf).Contains("month")) is
            { r: not null } hit ? hit.i : null;

    /// <summary>A filled example row (an unregistered firm: importing it unchanged is refused, as it should be).</summary>
    public static IReadOnlyList<object?> Example { get; } = Columns.Select(c => c.Key switch
    {
        "uscc" => "9133021213967419XF",
        "month" => "2025-01",
        "electricity" => 120_000m,
        "natural-gas" => 8_000m,
        "waterM3" => 1_500m,
        "outputValue" => 800m,
        "valueAdded" => 180m,
        "revenue" => 820m,
        "taxPaid" => 25m,
        "employees" => 60,
        "rdExpense" => 12m,
        "product1.name" => "铸件",
        "product1.quantity" => 300m,
        "product1.unit" => "t",
        _ => (object?)null,
    }).ToList();

    /// <summary>The template as a sheet: the header and the rows given.</summary>
    public static GridOut Sheet(IEnumerable<IReadOnlyList<object?>> rows) =>
        new("填报模板 Carbon template", Columns.Select(c => (object?)c.Header).ToList() is var header ? rows.Prepend(header) : rows, 1,
            Columns.Select(c => c.Key is "uscc" ? 22d : c.Key == "reason" ? 30d : 16d).ToList());

    /// <summary>Each carrier's column key, unit and, for a fuel, its feedstock and NCV keys: made once, read for every row.</summary>
    private sealed record TemplateCarrier(string Token, string Unit, bool Fuel, string FeedstockKey, string NcvKey);

    private static readonly TemplateCarrier[] TemplateCarriers = EnergyCarriers.All
        .Select(c => new TemplateCarrier(c.Token(), UnitOf(c).Token(), c.RoleOf() == CarrierRole.Fuel, $"{c.Token()}.feedstock", $"{c.Token()}.ncv")).ToArray();

    private sealed record EnergyNames(string Quantity, string Carrier, string Unit, string Feedstock, string Ncv);

    private static readonly EnergyNames[] EnergyFieldCache = Enumerable.Range(0, EnergyCarriers.All.Count + 1).Select(NamesOf).ToArray();

    private static EnergyNames NamesOf(int i) =>
        new($"Energy[{i}].Quantity", $"Energy[{i}].Carrier", $"Energy[{i}].Unit", $"Energy[{i}].Feedstock", $"Energy[{i}].MeasuredNcv");

    /// <summary>The validator's property names of energy line <paramref name="i"/>.</summary>
    private static EnergyNames EnergyFieldNames(int i) => i < EnergyFieldCache.Length ? EnergyFieldCache[i] : NamesOf(i);

    /// <summary>The rows of a template sheet whose header is at <paramref name="headerAt"/>.</summary>
    public static IEnumerable<TemplateRow> Read(Grid g, int headerAt)
    {
        var header = g.Rows[headerAt];
        var at = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            if (KeyOf(header[i]) is { } key && !at.ContainsKey(key))
            {
                at[key] = i;
            }
        }
        var hasPollutants = new[] { "codT", "nh3nT", "so2T", "noxT" }.Any(at.ContainsKey);
        var hasProducts = at.Keys.Any(k => k.StartsWith("product", StringComparison.Ordinal));
        // Column letters once per sheet, not per cell.
        var letters = at.ToDictionary(kv => kv.Key, kv => Xlsx.ColumnName(kv.Value), StringComparer.Ordinal);
        foreach (var row in g.Rows.Skip(headerAt + 1))
        {
            var issues = new List<IntakeIssue>();
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            string Col(string key) => letters.TryGetValue(key, out var letter) ? letter : key;
            string Text(string key) => at.TryGetValue(key, out var i) ? row[i] : "";
            decimal? Number(string key, string field)
            {
                fields[field] = Col(key);
                var t = Text(key);
                if (t.Length == 0)
                {
                    return null;
                }
                if (t.Contains(','))
                {
                    t = t.Replace(",", "", StringComparison.Ordinal);
                }
                if (decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    return v;
                }
                issues.Add(new IntakeIssue(row.Number, Col(key), $"“{Text(key)}”不是数字 ({key} is not a number)"));
                return null;
            }

            var energy = new List<EnergyLineRequest?>();
            foreach (var c in TemplateCarriers)
            {
                var index = energy.Count;
                var names = EnergyFieldNames(index);
                var q = Number(c.Token, names.Quantity);
                if (q is null or 0m)
                {
                    continue;
                }
                fields[names.Carrier] = Col(c.Token);
                fields[names.Unit] = Col(c.Token);
                var feedstock = c.Fuel ? Number(c.FeedstockKey, names.Feedstock) : null;
                var ncv = c.Fuel ? Number(c.NcvKey, names.Ncv) : null;
                energy.Add(new EnergyLineRequest(c.Token, q, c.Unit, feedstock is 0m ? null : feedstock, ncv));
            }
            var employees = Number("employees", "Employees");
            if (employees is { } e && e != decimal.Truncate(e))
            {
                issues.Add(new IntakeIssue(row.Number, Col("employees"), $"从业人员应为整数 (employees is a whole number)"));
            }
            var products = new List<ProductLineRequest?>();
            for (var p = 1; p <= Products; p++)
            {
                var index = products.Count;
                var name = Text($"product{p}.name");
                fields[$"Products[{index}].Name"] = Col($"product{p}.name");
                fields[$"Products[{index}].Unit"] = Col($"product{p}.unit");
                var quantity = Number($"product{p}.quantity", $"Products[{index}].Quantity");
                if (name.Length > 0 || quantity is not null || Text($"product{p}.unit").Length > 0)
                {
                    products.Add(new ProductLineRequest(name.Length > 0 ? name : null, quantity, Text($"product{p}.unit") is { Length: > 0 } u ? u : null));
                }
            }
            var pollutants = new PollutantsRequest(Number("codT", "Pollutants.CodT"), Number("nh3nT", "Pollutants.Nh3nT"), Number("so2T", "Pollutants.So2T"),
                Number("noxT", "Pollutants.NoxT"));
            var request = new FilingRequest(energy, Number("waterM3", "WaterM3"), Number("outputValue", "OutputValue"), Number("valueAdded", "ValueAdded"),
                Number("revenue", "Revenue"), Number("taxPaid", "TaxPaid"), employees is { } n && n == decimal.Truncate(n) && Math.Abs(n) <= int.MaxValue ? (int)n : null,
                Number("rdExpense", "RdExpense"))
            {
                Pollutants = pollutants, Products = products, Reason = Text("reason") is { Length: > 0 } r ? r : null,
            };
            fields["Reason"] = Col("reason");
            yield return new TemplateRow(row.Number, Text("uscc"), Col("uscc"), Text("month"), Col("month"), request, fields, issues, hasPollutants, hasProducts);
        }
    }
}
