using Carbon.Sheets;

namespace Carbon.Server.Tests.Infrastructure;

/// <summary>
/// Statistics form 205-1 laid out as the bureau's sheet is: title, 表号, the firm's 统一社会信用代码 and 报告期, the two
/// header rows (names, then 甲 乙 丙 1–10 丁), the energy rows, 能源合计, and the signatures at the foot.
/// </summary>
public static class Form2051Workbook
{
    /// <summary>A row of the body: 甲 乙 丙, then columns 1–10 and 丁 (null: blank).</summary>
    public sealed record Row(string Name, string Unit, string Code, params object?[] Figures);

    public static GridOut Sheet(string name, string uscc, string period, IEnumerable<Row> rows)
    {
        var lines = new List<IReadOnlyList<object?>>
        {
            new object?[] { "能源购进、消费与库存" },
            new object?[] { null, null, null, null, null, null, null, null, null, null, null, "表    号：", "205-1表" },
            new object?[] { "统一社会信用代码：", uscc, null, null, null, null, null, null, null, null, null, "制定机关：", "国家统计局" },
            new object?[] { "单位详细名称：", "宁波测试制造有限公司", null, null, null, null, null, null, null, null, null, "报告期：", period },
            new object?[] { "能源名称", "计量单位", "代码", "期初库存量", "购进量", null, "消费量", null, null, null, null, "期末库存量", "采用折标系数", "参考折标系数" },
            new object?[] { null, null, null, null, "实物量", "金额（千元）", "合计", "工业生产消费", "#用作原材料", "非工业生产消费", "#运输工具消费" },
            new object?[] { "甲", "乙", "丙", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "丁" },
        };
        lines.AddRange(rows.Select(r => (IReadOnlyList<object?>)new object?[] { r.Name, r.Unit, r.Code }.Concat(r.Figures).ToArray()));
        lines.Add(new object?[] { "单位负责人：张三", null, null, "统计负责人：李四", null, null, "填表人：王五" });
        return new GridOut(name, lines, 0);
    }

    public static byte[] Xlsx(params GridOut[] sheets) => SheetFiles.Write(SheetFormat.Xlsx, sheets);
}
