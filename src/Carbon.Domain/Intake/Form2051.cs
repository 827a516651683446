using System.Globalization;
using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Units;

namespace Carbon.Domain.Intake;

/// <summary>The columns of statistics form 205-1 《能源购进、消费与库存》, in the form's order.</summary>
public enum Form2051Column
{
    /// <summary>甲 能源名称.</summary>
    Name,
    /// <summary>乙 计量单位.</summary>
    Unit,
    /// <summary>丙 代码.</summary>
    Code,
    /// <summary>1 期初库存量.</summary>
    Opening,
    /// <summary>2 购进量（实物量）.</summary>
    Purchased,
    /// <summary>3 购进金额（千元）.</summary>
    PurchaseAmount,
    /// <summary>4 消费量合计.</summary>
    Consumed,
    /// <summary>5 工业生产消费.</summary>
    Industrial,
    /// <summary>6 其中：用作原材料 (part of 5).</summary>
    Feedstock,
    /// <summary>7 非工业生产消费.</summary>
    NonIndustrial,
    /// <summary>8 其中：运输工具消费 (part of 4).</summary>
    Transport,
    /// <summary>9 期末库存量.</summary>
    Closing,
    /// <summary>10 采用折标系数.</summary>
    Coefficient,
    /// <summary>丁 参考折标系数.</summary>
    Reference,
}

public static class Form2051Columns
{
    public static IReadOnlyList<Form2051Column> All { get; } = Enum.GetValues<Form2051Column>();

    /// <summary>The label the form prints over the column: 甲, 乙, 丙, 1 … 10, 丁.</summary>
    public static string Label(this Form2051Column c) => c switch
    {
        Form2051Column.Name => "甲",
        Form2051Column.Unit => "乙",
        Form2051Column.Code => "丙",
        Form2051Column.Reference => "丁",
        _ => ((int)c - 2).ToString(CultureInfo.InvariantCulture),
    };

    public static string ChineseName(this Form2051Column c) => c switch
    {
        Form2051Column.Name => "能源名称",
        Form2051Column.Unit => "计量单位",
        Form2051Column.Code => "代码",
        Form2051Column.Opening => "期初库存量",
        Form2051Column.Purchased => "购进量",
        Form2051Column.PurchaseAmount => "购进金额（千元）",
        Form2051Column.Consumed => "消费量合计",
        Form2051Column.Industrial => "工业生产消费",
        Form2051Column.Feedstock => "其中：用作原材料",
        Form2051Column.NonIndustrial => "非工业生产消费",
        Form2051Column.Transport => "其中：运输工具消费",
        Form2051Column.Closing => "期末库存量",
        Form2051Column.Coefficient => "采用折标系数",
        _ => "参考折标系数",
    };

    /// <summary>The column a label names ("甲", "1", "10", "丁"), if any.</summary>
    public static bool TryParseLabel(string? label, out Form2051Column column)
    {
        foreach (var c in All)
        {
            if (string.Equals(c.Label(), label?.Trim(), StringComparison.Ordinal))
            {
                column = c;
                return true;
            }
        }
        column = default;
        return false;
    }
}

/// <summary>
/// A row of the form as the catalogue knows it: its code, name and other names firms write, its unit, the Carbon carrier
/// it is filed as (null: none, so consumption of it cannot be taken), the row it is a 其中 breakdown of (never counted
/// twice), whether it is the 能源合计 row, and the form's reference coefficient (丁, tce per unit).
/// </summary>
public sealed record Form2051Item(string Code, string Name, IReadOnlyList<string> Synonyms, string Unit, EnergyCarrier? Carrier, string? BreakdownOf,
    bool IsTotal, decimal? Reference);

/// <summary>
/// The 205-1 catalogue (data: factors/intake/form-205-1.json): rows, the Chinese unit names and the units they are, and
/// the tolerances of the balance checks (absolute, in the row's unit), the coefficient check (a fraction of ours) and
/// the 能源合计 check (a fraction of the recomputed total).
/// </summary>
public sealed record Form2051Catalogue(
    string Edition,
    IReadOnlyList<Form2051Item> Items,
    IReadOnlyDictionary<string, MeasureUnit> Units,
    decimal BalanceTolerance,
    decimal CoefficientTolerance,
    decimal TotalTolerance)
{
    /// <summary>The row by code first, then by name or synonym (spaces and full-width brackets ignored).</summary>
    public Form2051Item? Find(string? code, string? name)
    {
        var c = code?.Trim();
        if (!string.IsNullOrEmpty(c))
        {
            if (c.Length == 1 && char.IsAsciiDigit(c[0]))
            {
                c = "0" + c;   // a spreadsheet drops the leading zero of "01"
            }
            if (Items.FirstOrDefault(i => i.Code == c) is { } byCode)
            {
                return byCode;
            }
        }
        var n = Normalise(name);
        return n.Length == 0 ? null : Items.FirstOrDefault(i => Normalise(i.Name) == n || i.Synonyms.Any(s => Normalise(s) == n));
    }

    private static string Normalise(string? s) =>
        new string((s ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray()).Replace('（', '(').Replace('）', ')').TrimStart('#', '其', '中', ':', '：');
}

/// <summary>One row of a filled form as read: its row number in the sheet and the text of each column it has.</summary>
public sealed record Form2051Line(int Row, IReadOnlyDictionary<Form2051Column, string> Cells)
{
    public string this[Form2051Column c] => Cells.TryGetValue(c, out var v) ? v : "";
}

/// <summary>A problem with one cell of an imported sheet: the sheet row, the column label and what is wrong.</summary>
public sealed record IntakeIssue(int Row, string Column, string Message, bool Warning = false);

/// <summary>
/// What a firm-month's form gives: its issues, the energy lines it files (quantity = column 5 工业生产消费, feedstock =
/// column 6), what was bought (column 3, in 万元), and each row's closing stock (column 9) by code, for next month's check.
/// </summary>
public sealed record Form2051Result(
    IReadOnlyList<IntakeIssue> Issues,
    IReadOnlyList<EnergyUse> Energy,
    decimal PurchaseCost10kYuan,
    IReadOnlyDictionary<string, decimal> Closing)
{
    public bool HasErrors => Issues.Any(i => !i.Warning);
}

/// <summary>
/// Reads and checks a filled 205-1 form for one firm and month (国家统计局 工业统计报表制度, form 205-1). The rules:
/// <list type="bullet">
/// <item>each row is found in the catalogue by code, then by name; an unknown row, or consumption of a row Carbon has
/// no carrier for, is an error;</item>
/// <item>4 = 5 + 7, 6 ≤ 5, 8 ≤ 4, 9 = 1 + 2 − 4 (within the balance tolerance); 期初 = last month's 期末;</item>
/// <item>采用折标系数 (10) within the coefficient tolerance of Carbon's own (GB/T 2589 当量值);</item>
/// <item>其中 rows are checked (≤ their parent) but never counted; 能源合计 is recomputed from the other rows'
/// quantities × their coefficient (10, else 丁) and compared for columns 4 and 5.</item>
/// </list>
/// </summary>
public static class Form2051
{
    private static readonly Form2051Column[] Figures =
    [
        Form2051Column.Opening, Form2051Column.Purchased, Form2051Column.PurchaseAmount, Form2051Column.Consumed, Form2051Column.Industrial,
        Form2051Column.Feedstock, Form2051Column.NonIndustrial, Form2051Column.Transport, Form2051Column.Closing, Form2051Column.Coefficient,
        Form2051Column.Reference,
    ];

    /// <param name="lines">The form's rows for one firm and month, as read.</param>
    /// <param name="catalogue">The rows, units and tolerances (data).</param>
    /// <param name="previousClosing">Last month's closing stock by row code (null: last month is not known).</param>
    /// <param name="ourCoefficient">Carbon's tce per one unit of a carrier (当量值), to check column 10 against.</param>
    public static Form2051Result Check(IReadOnlyList<Form2051Line> lines, Form2051Catalogue catalogue,
        IReadOnlyDictionary<string, decimal>? previousClosing, Func<EnergyCarrier, MeasureUnit, decimal?> ourCoefficient)
    {
        var issues = new List<IntakeIssue>();
        var energy = new List<EnergyUse>();
        var closing = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var consumedBy = new Dictionary<string, (decimal Consumed, decimal Industrial)>(StringComparer.Ordinal);
        var carriers = new Dictionary<EnergyCarrier, int>();
        decimal purchase = 0m, totalConsumed = 0m, totalIndustrial = 0m;
        (Form2051Line Line, Form2051Item Item, Dictionary<Form2051Column, decimal> Figures)? totalRow = null;
        var breakdowns = new List<(Form2051Line Line, Form2051Item Item, decimal Consumed)>();
        var tol = catalogue.BalanceTolerance;

        foreach (var line in lines)
        {
            void Error(Form2051Column c, string message) => issues.Add(new IntakeIssue(line.Row, c.Label(), message));

            var item = catalogue.Find(line[Form2051Column.Code], line[Form2051Column.Name]);
            if (item is null)
            {
                Error(string.IsNullOrWhiteSpace(line[Form2051Column.Code]) ? Form2051Column.Name : Form2051Column.Code,
                    $"未知能源品种“{line[Form2051Column.Name]}”（代码 {line[Form2051Column.Code]}）：不在205-1目录中 (not a row of form 205-1)");
                continue;
            }
            var f = new Dictionary<Form2051Column, decimal>();
            var readable = true;
            foreach (var c in Figures)
            {
                var text = line[c].Replace(",", "", StringComparison.Ordinal).Trim();
                if (text.Length == 0 || text is "-" or "—")
                {
                    continue;
                }
                if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || v < 0m)
                {
                    Error(c, $"“{line[c]}”不是非负数 ({c.ChineseName()} must be a number ≥ 0)");
                    readable = false;
                    continue;
                }
                f[c] = v;
            }
            if (!readable)
            {
                continue;
            }
            decimal F(Form2051Column c) => f.GetValueOrDefault(c);

            if (item.IsTotal)
            {
                totalRow = (line, item, f);
                continue;
            }
            var written = line[Form2051Column.Unit].Trim();
            MeasureUnit? unit = null;
            if (written.Length > 0 && written != item.Unit)
            {
                if (item.Carrier is { } carrier && catalogue.Units.TryGetValue(written, out var other) && carrier.Accepts(other))
                {
                    unit = other;   // 千瓦时 for 电力: a unit of the same kind is converted, not refused
                }
                else
                {
                    Error(Form2051Column.Unit, $"{item.Name}的计量单位应为“{item.Unit}”，不是“{written}” (the unit of {item.Code} is {item.Unit})");
                    continue;
                }
            }
            unit ??= catalogue.Units.TryGetValue(item.Unit, out var u) ? u : null;

            if (Math.Abs(F(Form2051Column.Consumed) - (F(Form2051Column.Industrial) + F(Form2051Column.NonIndustrial))) > tol)
            {
                Error(Form2051Column.Consumed, $"消费量合计 {F(Form2051Column.Consumed)} ≠ 工业生产消费 {F(Form2051Column.Industrial)} + 非工业生产消费 {F(Form2051Column.NonIndustrial)} (4 = 5 + 7)");
            }
            if (F(Form2051Column.Feedstock) > F(Form2051Column.Industrial) + tol)
            {
                Error(Form2051Column.Feedstock, $"用作原材料 {F(Form2051Column.Feedstock)} 大于工业生产消费 {F(Form2051Column.Industrial)} (6 ≤ 5)");
            }
            if (F(Form2051Column.Transport) > F(Form2051Column.Consumed) + tol)
            {
                Error(Form2051Column.Transport, $"运输工具消费 {F(Form2051Column.Transport)} 大于消费量合计 {F(Form2051Column.Consumed)} (8 ≤ 4)");
            }
            var expectedClosing = F(Form2051Column.Opening) + F(Form2051Column.Purchased) - F(Form2051Column.Consumed);
            if (Math.Abs(F(Form2051Column.Closing) - expectedClosing) > tol)
            {
                Error(Form2051Column.Closing, $"期末库存 {F(Form2051Column.Closing)} ≠ 期初 {F(Form2051Column.Opening)} + 购进 {F(Form2051Column.Purchased)} − 消费 {F(Form2051Column.Consumed)} = {expectedClosing} (9 = 1 + 2 − 4)");
            }
            if (previousClosing is not null && previousClosing.TryGetValue(item.Code, out var last) && Math.Abs(F(Form2051Column.Opening) - last) > tol)
            {
                Error(Form2051Column.Opening, $"期初库存 {F(Form2051Column.Opening)} ≠ 上月期末库存 {last} (opening must equal last month's closing)");
            }
            closing[item.Code] = F(Form2051Column.Closing);

            if (item.BreakdownOf is not null)
            {
                breakdowns.Add((line, item, F(Form2051Column.Consumed)));
                continue;   // 其中: checked, never counted
            }
            consumedBy[item.Code] = (F(Form2051Column.Consumed), F(Form2051Column.Industrial));
            purchase += F(Form2051Column.PurchaseAmount) / 10m;

            var coefficient = f.TryGetValue(Form2051Column.Coefficient, out var adopted) ? adopted : f.TryGetValue(Form2051Column.Reference, out var r) ? r : item.Reference;
            totalConsumed += F(Form2051Column.Consumed) * (coefficient ?? 0m);
            totalIndustrial += F(Form2051Column.Industrial) * (coefficient ?? 0m);

            if (item.Carrier is not { } carrierOf)
            {
                if (F(Form2051Column.Consumed) > 0m || F(Form2051Column.Industrial) > 0m)
                {
                    Error(Form2051Column.Name, $"Carbon 尚不能核算“{item.Name}”（{item.Code}）的排放，请联系经信局 (Carbon has no carrier for {item.Code}; its consumption cannot be taken)");
                }
                continue;
            }
            if (unit is not { } rowUnit)
            {
                Error(Form2051Column.Unit, $"无法识别计量单位“{item.Unit}” (unknown unit)");
                continue;
            }
            if (f.TryGetValue(Form2051Column.Coefficient, out var used) && ourCoefficient(carrierOf, rowUnit) is { } ours && ours > 0m
                && Math.Abs(used - ours) > catalogue.CoefficientTolerance * ours)
            {
                Error(Form2051Column.Coefficient, $"采用折标系数 {used} 与本系统 {Display.Round(ours)} 相差超过 {catalogue.CoefficientTolerance:P0} (10 differs from Carbon's coefficient by more than {catalogue.CoefficientTolerance:P0})");
            }
            if (carriers.TryGetValue(carrierOf, out var firstRow))
            {
                Error(Form2051Column.Name, $"{item.Name}与第 {firstRow} 行重复 (the same energy as row {firstRow})");
                continue;
            }
            carriers[carrierOf] = line.Row;
            var quantity = F(Form2051Column.Industrial);
            var feedstock = Math.Min(F(Form2051Column.Feedstock), quantity);
            if (feedstock > 0m && carrierOf.RoleOf() != CarrierRole.Fuel)
            {
                Error(Form2051Column.Feedstock, $"{item.Name}不是燃料，不能用作原材料 (only a fuel has a feedstock part)");
                continue;
            }
            if (quantity > 0m)
            {
                energy.Add(new EnergyUse(carrierOf, new Quantity(quantity, rowUnit), feedstock));
            }
        }

        foreach (var (line, item, consumed) in breakdowns)
        {
            if (consumedBy.TryGetValue(item.BreakdownOf!, out var parent) && consumed > parent.Consumed + tol)
            {
                issues.Add(new IntakeIssue(line.Row, Form2051Column.Consumed.Label(),
                    $"其中项{item.Name} {consumed} 大于其所属项（代码 {item.BreakdownOf}）{parent.Consumed} (a breakdown exceeds its row)"));
            }
        }
        if (totalRow is { } t)
        {
            foreach (var (column, computed) in new[] { (Form2051Column.Consumed, totalConsumed), (Form2051Column.Industrial, totalIndustrial) })
            {
                if (t.Figures.TryGetValue(column, out var reported)
                    && Math.Abs(reported - computed) > Math.Max(tol, catalogue.TotalTolerance * Math.Abs(computed)))
                {
                    issues.Add(new IntakeIssue(t.Line.Row, column.Label(),
                        $"能源合计 {reported} 吨标准煤 ≠ 各品种折标合计 {Display.Round(computed)} ({column.ChineseName()}: the total does not add up)"));
                }
            }
        }
        return new Form2051Result(issues, energy, purchase, closing);
    }
}
