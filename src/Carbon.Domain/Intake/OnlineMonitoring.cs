using System.Globalization;
using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Units;

namespace Carbon.Domain.Intake;

/// <summary>
/// A data-item code (数据项编码) of the online energy-monitoring system (重点用能单位能耗在线监测系统, 接入端 data
/// specification): 16 characters — 1–2 工序 (process), 3–4 工序单元 (process unit), 5–6 设备类型 (equipment type),
/// 7–8 设备编号 (equipment number), 9–10 采集数据类型 (kind of figure), 11–14 能源品种 (energy kind), 15–16 用途 (use).
/// </summary>
public readonly record struct MonitoringItemCode
{
    public const int Length = 16;

    private MonitoringItemCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>Positions 1–8: where in the firm the figure is metered (工序, 工序单元, 设备类型, 设备编号).</summary>
    public string Location => Value[..8];

    /// <summary>Positions 9–10: 采集数据类型.</summary>
    public string DataType => Value[8..10];

    /// <summary>Positions 11–14: 能源品种.</summary>
    public string Energy => Value[10..14];

    /// <summary>Positions 15–16: 用途.</summary>
    public string Use => Value[14..];

    /// <summary>Sixteen letters or digits; a code is never shortened (a leading zero is part of it).</summary>
    public static bool TryParse(string? text, out MonitoringItemCode code)
    {
        var t = (text ?? "").Trim();
        code = default;
        if (t.Length != Length || !t.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }
        code = new MonitoringItemCode(t.ToUpperInvariant());
        return true;
    }

    public override string ToString() => Value;
}

/// <summary>
/// What the monitoring data means to Carbon (data: factors/intake/online-monitoring.json): the energy kinds (positions
/// 11–14) it files and as which carrier and unit, and the location prefix (positions 1–8) of the firm-level meters —
/// the 进出用能单位 figures that make the firm's month. Figures metered below it (a process, a unit, a device) are
/// parts of that total and never summed into it.
/// </summary>
public sealed record MonitoringCatalogue(string Edition, string FirmLevel, IReadOnlyDictionary<string, (EnergyCarrier Carrier, MeasureUnit Unit)> Energies);

/// <summary>One record of an export of the monitoring system, as read: its sheet row and text of each field.</summary>
public sealed record MonitoringRecord(int Row, string DataCode, string StatType, string Value, string Valid);

/// <summary>
/// What a firm-month's records give: their issues, the energy they file (summed by carrier) and every carrier they speak
/// for (a carrier metered at zero is covered too: the month's filed figure for it is replaced, not kept).
/// </summary>
public sealed record MonitoringResult(IReadOnlyList<IntakeIssue> Issues, IReadOnlyList<EnergyUse> Energy, IReadOnlySet<EnergyCarrier> Covered)
{
    public bool HasErrors => Issues.Any(i => !i.Warning);
}

/// <summary>
/// Reads the monthly records (statType 2, 月) of one firm and month from the online monitoring system into the energy it
/// files. The rules:
/// <list type="bullet">
/// <item>a record that is not monthly (0 实时, 1 日) or marked invalid (valid = 0) is left out, with a warning;</item>
/// <item>the code must have 16 characters and an energy kind the catalogue knows; the value must be a number ≥ 0;</item>
/// <item>only firm-level records count (positions 1–8 equal to the catalogue's prefix); a sub-meter's record is left out
/// with a warning, so a part is never counted twice; records of one carrier with different uses (15–16) are summed.</item>
/// </list>
/// </summary>
public static class OnlineMonitoring
{
    /// <summary>The statType of monthly records (0 实时, 1 日, 2 月).</summary>
    public const string Monthly = "2";

    /// <param name="records">One firm's records for one month.</param>
    /// <param name="catalogue">The energy kinds and the firm-level prefix (data).</param>
    /// <param name="columns">The column each field was read from (for the issues): code, statType, value, valid.</param>
    public static MonitoringResult Month(IReadOnlyList<MonitoringRecord> records, MonitoringCatalogue catalogue,
        (string Code, string StatType, string Value, string Valid) columns)
    {
        var issues = new List<IntakeIssue>();
        var sums = new Dictionary<EnergyCarrier, (decimal Quantity, MeasureUnit Unit)>();
        foreach (var r in records)
        {
            var statType = r.StatType.Trim();
            if (statType is not (Monthly or "月" or "month"))
            {
                issues.Add(new IntakeIssue(r.Row, columns.StatType, $"statType {statType} 不是月数据（2 = 月），未导入 (not a monthly record: left out)", Warning: true));
                continue;
            }
            if (r.Valid.Trim() is "0" or "false" or "无效")
            {
                issues.Add(new IntakeIssue(r.Row, columns.Valid, "监测系统标记为无效数据，未导入 (marked invalid by the monitoring system: left out)", Warning: true));
                continue;
            }
            if (!MonitoringItemCode.TryParse(r.DataCode, out var code))
            {
                issues.Add(new IntakeIssue(r.Row, columns.Code, $"数据项编码“{r.DataCode}”应为16位字母或数字 (a data-item code has 16 letters or digits)"));
                continue;
            }
            if (!catalogue.Energies.TryGetValue(code.Energy, out var energy))
            {
                issues.Add(new IntakeIssue(r.Row, columns.Code, $"能源品种代码 {code.Energy}（第11–14位）不在目录中 (energy kind {code.Energy} is not in the catalogue)"));
                continue;
            }
            var text = r.Value.Replace(",", "", StringComparison.Ordinal).Trim();
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0m)
            {
                issues.Add(new IntakeIssue(r.Row, columns.Value, $"dataValue“{r.Value}”不是非负数 (the value must be a number ≥ 0)"));
                continue;
            }
            if (code.Location != catalogue.FirmLevel)
            {
                issues.Add(new IntakeIssue(r.Row, columns.Code,
                    $"分项计量（位置 {code.Location}）不计入企业合计 (a sub-meter's figure is part of the firm's total, not added to it)", Warning: true));
                continue;
            }
            var (sum, _) = sums.GetValueOrDefault(energy.Carrier, (0m, energy.Unit));
            sums[energy.Carrier] = (sum + value, energy.Unit);
        }
        var lines = sums.Where(s => s.Value.Quantity > 0m).OrderBy(s => s.Key)
            .Select(s => new EnergyUse(s.Key, new Quantity(s.Value.Quantity, s.Value.Unit))).ToList();
        return new MonitoringResult(issues, lines, sums.Keys.ToHashSet());
    }
}
