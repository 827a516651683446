using System.Globalization;
using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Carbon.Server.Configuration;
using Carbon.Server.Features.Intake;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
using Carbon.Sheets;
using FluentValidation;

namespace Carbon.Server.Features.Warnings;

/// <summary>A sheet's column: its key, the label the template heads it with, and other headers taken for it.</summary>
public sealed record SheetColumn(string Key, string Label, params string[] Aliases);

/// <summary>A row of a 用能预算 sheet, as text: the firm, the year, the budget in tce (等价值) and on what basis.</summary>
public sealed record BudgetRow(string Uscc, string Year, string Tce, string Reason);

/// <summary>A row of the grid company's sheet, as text: the firm, the month and the kWh it was sold.</summary>
public sealed record GridElectricityRow(string Uscc, string Month, string Kwh);

/// <summary>What an uploaded district sheet came to: its rows, how many were written (none when any row is wrong or on a dry run), and every issue.</summary>
public sealed record SheetUploadResponse(string FileName, int Rows, int Written, bool DryRun, ImportIssueResponse[] Issues);

/// <summary>
/// Sheets the district uploads beside the filings: firms' annual energy budgets (用能预算) and the grid company's monthly
/// electricity (供电公司用电量), against which 205-1 and filed electricity are checked. Columns are found by their key or
/// Chinese name in the header row; every row is validated (the same words as the API's) and the firm must be registered.
/// All rows are written in one transaction, or none.
/// </summary>
public sealed class DistrictSheets(RegistryReads registry, LedgerWriter writer, ReportingClock clock, TimeProvider time)
{
    public static readonly SheetColumn[] BudgetColumns =
    [
        new("uscc", "uscc 统一社会信用代码", "统一社会信用代码", "信用代码"),
        new("year", "year 年度", "年度", "年份"),
        new("tce", "tce 用能预算（吨标准煤，等价值）", "用能预算", "预算"),
        new("reason", "reason 依据", "依据", "说明"),
    ];

    public static readonly SheetColumn[] GridColumns =
    [
        new("uscc", "uscc 统一社会信用代码", "统一社会信用代码", "信用代码"),
        new("month", "month 月份", "月份", "所属期", "电费年月"),
        new("kwh", "kwh 用电量（千瓦时）", "用电量", "售电量", "电量"),
    ];

    /// <summary>Header, plus an example row, for the download on the alerts page.</summary>
    public static byte[] Template(SheetColumn[] columns, SheetFormat format)
    {
        object?[] example = columns == BudgetColumns
            ? ["9133021213967419XF", 2026, 6_000m, "2026年用能预算（区经信局 2026-01-15 下达）"]
            : ["9133021213967419XF", "2026-10", 1_250_000m];
        return SheetFiles.Write(format, [new GridOut(columns == BudgetColumns ? "用能预算" : "供电公司用电量",
            [columns.Select(c => (object?)c.Label).ToList(), example.ToList()])]);
    }

    public Task<SheetUploadResponse> BudgetsAsync(string fileName, byte[] content, Caller caller, bool dryRun) =>
        UploadAsync(fileName, content, BudgetColumns, cells => new BudgetRow(cells[0], cells[1], cells[2], cells[3]), new BudgetRowValidator(clock),
            r => r.Uscc, r => $"{r.Uscc.Trim()} {r.Year.Trim()}", (row, at) => new EnergyBudgetRecord
            {
                Uscc = row.Uscc.Trim(), Year = int.Parse(row.Year.Trim(), CultureInfo.InvariantCulture), Tce = Number(row.Tce)!.Value,
                Reason = $"{row.Reason.Trim()}（{fileName}）", Actor = caller.Account, At = at,
            }, (db, r) => db.EnergyBudgets.Add(r), "budget.import", dryRun, caller);

    public Task<SheetUploadResponse> GridAsync(string fileName, byte[] content, Caller caller, bool dryRun) =>
        UploadAsync(fileName, content, GridColumns, cells => new GridElectricityRow(cells[0], cells[1], cells[2]), new GridRowValidator(clock),
            r => r.Uscc, r => $"{r.Uscc.Trim()} {(IntakeSheets.TryMonth(r.Month, out var m) ? m.ToString() : r.Month)}", (row, at) =>
            {
                IntakeSheets.TryMonth(row.Month, out var month);
                return new GridElectricityRecord
                {
                    Uscc = row.Uscc.Trim(), Year = month.Year, Month = month.Month, Kwh = Number(row.Kwh)!.Value, Source = fileName, Actor = caller.Account, At = at,
                };
            }, (db, r) => db.GridElectricity.Add(r), "grid.import", dryRun, caller);

    private async Task<SheetUploadResponse> UploadAsync<TRow, TRecord>(string fileName, byte[] content, SheetColumn[] columns, Func<string[], TRow> row,
        IValidator<TRow> validator, Func<TRow, string> usccOf, Func<TRow, string> keyOf, Func<TRow, DateTimeOffset, TRecord> record, Action<LedgerDbContext, TRecord> add, string action,
        bool dryRun, Caller caller)
    {
        var issues = new List<ImportIssueResponse>();
        var rows = new List<TRow>();
        var registered = (await registry.LoadRegistryAsync()).Select(r => r.Identity.Uscc).ToHashSet(StringComparer.Ordinal);
        var found = false;
        var seen = new Dictionary<string, (string Sheet, int Row)>(StringComparer.Ordinal);
        foreach (var grid in SheetFiles.Read(content, Path.GetFileNameWithoutExtension(fileName)))
        {
            if (Header(grid, columns) is not { } header)
            {
                continue;
            }
            found = true;
            var missing = columns.Where((_, i) => header.Columns[i] is null).ToList();
            if (missing.Count > 0)
            {
                issues.Add(new ImportIssueResponse(grid.Name, grid.Rows[header.At].Number, "",
                    $"缺少列：{string.Join("、", missing.Select(c => c.Label))} (the header lacks these columns)", false));
                continue;
            }
            foreach (var r in grid.Rows.Skip(header.At + 1).Where(r => !r.IsBlank))
            {
                var item = row(header.Columns.Select(c => r[c!.Value].Trim()).ToArray());
                string Letter(string property) =>
                    Array.FindIndex(columns, c => string.Equals(c.Key, property, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? Xlsx.ColumnName(header.Columns[i]!.Value) : "";
                var errors = (await validator.ValidateAsync(item)).Errors;
                issues.AddRange(errors.Select(e => new ImportIssueResponse(grid.Name, r.Number, Letter(e.PropertyName), e.ErrorMessage, false)));
                if (errors.Count == 0 && !registered.Contains(usccOf(item).Trim()))
                {
                    issues.Add(new ImportIssueResponse(grid.Name, r.Number, Letter("uscc"),
                        $"未登记企业 {usccOf(item).Trim()}，请先登记 (no enterprise registered with USCC {usccOf(item).Trim()}; register it first)", false));
                }
                if (errors.Count == 0 && !seen.TryAdd(keyOf(item), (grid.Name, r.Number)))
                {
                    issues.Add(new ImportIssueResponse(grid.Name, r.Number, Letter("uscc"),
                        $"{keyOf(item)} 与第 {seen[keyOf(item)].Row} 行重复 (the same firm and period as row {seen[keyOf(item)].Row})", false));
                }
                rows.Add(item);
            }
        }
        if (!found)
        {
            throw new SheetFormatException($"未找到表头：应有 {string.Join("、", columns.Select(c => c.Label))} 列 (no header row with these columns)");
        }
        if (issues.Count > 0 || dryRun || rows.Count == 0)
        {
            return new SheetUploadResponse(fileName, rows.Count, 0, dryRun, issues.ToArray());
        }
        var at = time.GetUtcNow();
        var records = rows.Select(r => record(r, at)).ToList();
        await writer.WriteAsync(db =>
        {
            foreach (var r in records)
            {
                add(db, r);
            }
            db.AuditEvents.Add(new AuditEventRecord { At = at, Actor = caller.Account, Action = action, Subject = "district", Detail = $"{fileName}: {records.Count} rows" });
        });
        return new SheetUploadResponse(fileName, rows.Count, records.Count, false, []);
    }

    /// <summary>The header row (within the first 20) and, per column, where it is (null: not there).</summary>
    private static (int At, int?[] Columns)? Header(Grid grid, SheetColumn[] columns)
    {
        for (var i = 0; i < Math.Min(grid.Rows.Count, 20); i++)
        {
            var cells = grid.Rows[i].Cells;
            var at = columns.Select(c => (int?)Enumerable.Range(0, cells.Count).FirstOrDefault(j => Matches(cells[j], c), -1)).Select(j => j < 0 ? null : j).ToArray();
            if (at[0] is not null && at.Count(a => a is not null) >= 2)
            {
                return (i, at);
            }
        }
        return null;
    }

    private static bool Matches(string cell, SheetColumn column)
    {
        var c = cell.Trim();
        return new[] { column.Key, column.Label }.Concat(column.Aliases).Any(n => c.Equals(n, StringComparison.OrdinalIgnoreCase))
               || c.StartsWith(column.Key + " ", StringComparison.OrdinalIgnoreCase)
               || column.Aliases.Any(a => c.StartsWith(a + "（", StringComparison.Ordinal) || c.StartsWith(a + "(", StringComparison.Ordinal));
    }

    internal static decimal? Number(string text) =>
        decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}

public sealed class BudgetRowValidator : AbstractValidator<BudgetRow>
{
    public BudgetRowValidator(ReportingClock clock)
    {
        RuleFor(r => r.Uscc).Must(u => Uscc.TryParse(u.Trim(), out _, out _)).WithMessage(r => Uscc.TryParse(r.Uscc.Trim(), out _, out var e) ? "" : e);
        RuleFor(r => r.Year).Must(y => int.TryParse(y.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v)
                                       && v >= ReportingClock.FirstMonth.Year && v <= clock.Today.Year + 1)
            .WithMessage($"year 应在 {ReportingClock.FirstMonth.Year} 至 {clock.Today.Year + 1} 之间");
        RuleFor(r => r.Tce).Must(t => DistrictSheets.Number(t) is > 0m and <= 100_000_000m)
            .WithMessage("tce 应在 0 至 1 亿之间 (tce must be above 0 and at most 100 000 000)");
        // The stored reason is this and the file's name (at most 200): together within the ledger's 500.
        RuleFor(r => r.Reason).NotEmpty().WithMessage("须说明依据 (say on what basis)").MaximumLength(250).CleanText();
    }
}

public sealed class GridRowValidator : AbstractValidator<GridElectricityRow>
{
    public GridRowValidator(ReportingClock clock)
    {
        RuleFor(r => r.Uscc).Must(u => Uscc.TryParse(u.Trim(), out _, out _)).WithMessage(r => Uscc.TryParse(r.Uscc.Trim(), out _, out var e) ? "" : e);
        RuleFor(r => r.Month).Must(m => IntakeSheets.TryMonth(m, out var month) && month >= ReportingClock.FirstMonth && month <= clock.CurrentMonth)
            .WithMessage($"月份应在 {ReportingClock.FirstMonth} 至 {clock.CurrentMonth} 之间，格式 yyyy-MM (month must be {ReportingClock.FirstMonth}..{clock.CurrentMonth})");
        RuleFor(r => r.Kwh).Must(k => DistrictSheets.Number(k) is >= 0m and <= 100_000_000_000m)
            .WithMessage("用电量应为 0 至 1000 亿 kWh 之间的数 (kWh must be a number from 0 to 100 000 000 000)");
    }
}
