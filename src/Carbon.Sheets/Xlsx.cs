using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Carbon.Sheets;

/// <summary>
/// XLSX with the Open XML SDK's streaming reader and writer (SAX): a sheet is read a row at a time and written a cell at
/// a time, so a file of 100 000 rows never becomes a document tree in memory.
/// </summary>
public static class Xlsx
{
    /// <summary>The largest part read, in characters: a guard against a small ZIP that expands to gigabytes.</summary>
    private const long MaxCharactersInPart = 200_000_000;

    public static IReadOnlyList<Grid> Read(Stream stream)
    {
        SpreadsheetDocument document;
        try
        {
            document = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxCharactersInPart });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw new SheetFormatException($"不是有效的 XLSX 文件 (not a readable XLSX workbook): {e.Message}");
        }
        using (document)
        {
            var workbook = document.WorkbookPart ?? throw new SheetFormatException("XLSX 文件中没有工作簿 (no workbook in the file)");
            var shared = SharedStrings(workbook);
            var grids = new List<Grid>();
            var total = 0;
            foreach (var sheet in workbook.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                if (sheet.Id?.Value is not { } id || workbook.GetPartById(id) is not WorksheetPart part)
                {
                    continue;   // a chart sheet or a broken reference: nothing to read
                }
                var rows = ReadRows(part, shared, ref total);
                grids.Add(new Grid(sheet.Name?.Value ?? $"Sheet{grids.Count + 1}", rows));
            }
            return grids;
        }
    }

    private static List<string> SharedStrings(WorkbookPart workbook)
    {
        var strings = new List<string>();
        if (workbook.SharedStringTablePart is not { } part)
        {
            return strings;
        }
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType == typeof(SharedStringItem) && reader.IsStartElement)
            {
                // Rich text keeps its runs' text; phonetic guides (rPh) are not part of the value.
                var item = (SharedStringItem)reader.LoadCurrentElement()!;
                strings.Add(item.Text?.Text ?? string.Concat(item.Elements<Run>().Select(r => r.Text?.Text)));
            }
        }
        return strings;
    }

    private static List<GridRow> ReadRows(WorksheetPart part, List<string> shared, ref int total)
    {
        var rows = new List<GridRow>();
        using var reader = OpenXmlReader.Create(part);
        var next = 1;
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }
            var row = (Row)reader.LoadCurrentElement()!;
            var number = (int)(row.RowIndex?.Value ?? (uint)next);
            next = number + 1;
            var cells = new List<string>();
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : column;
                if (column >= SheetFiles.MaxColumns)
                {
                    throw new SheetFormatException($"第 {number} 行超过 {SheetFiles.MaxColumns} 列 (row {number} has more than {SheetFiles.MaxColumns} columns)");
                }
                while (cells.Count < column)
                {
                    cells.Add("");
                }
                cells.Add(Value(cell, shared));
                column++;
            }
            var read = new GridRow(number, cells);
            if (!read.IsBlank)
            {
                if (++total > SheetFiles.MaxRows)
                {
                    throw new SheetFormatException($"文件超过 {SheetFiles.MaxRows:N0} 行，请分批导入 (more than {SheetFiles.MaxRows:N0} rows: split the file)");
                }
                rows.Add(read);
            }
        }
        return rows;
    }

    private static string Value(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i].Trim() : "";
        }
        if (type == CellValues.InlineString)
        {
            return (cell.InlineString?.Text?.Text ?? cell.InlineString?.InnerText ?? "").Trim();
        }
        if (type == CellValues.Boolean)
        {
            return raw == "1" ? "TRUE" : "FALSE";
        }
        return raw.Trim();
    }

    /// <summary>"A1" → 0, "Z9" → 25, "AA3" → 26.</summary>
    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                index = index * 26 + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                index = index * 26 + (c - 'a' + 1);
            }
            else
            {
                break;
            }
        }
        return index - 1;
    }

    /// <summary>0 → "A", 25 → "Z", 26 → "AA".</summary>
    public static string ColumnName(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + (index - 1) % 26) + name;
        }
        return name;
    }

    /// <summary>Writes a workbook of the sheets in order, each streamed: bold, frozen header rows and the given column widths.</summary>
    public static void Write(Stream stream, IReadOnlyList<GridOut> sheets)
    {
        using var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var styles = workbook.AddNewPart<WorkbookStylesPart>();
        styles.Stylesheet = Stylesheet();
        var list = workbook.Workbook.AppendChild(new DocumentFormat.OpenXml.Spreadsheet.Sheets());
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            WriteSheet(part, sheet);
            list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId++, Name = SheetName(sheet.Name, names) });
        }
        workbook.Workbook.Save();
    }

    private static void WriteSheet(WorksheetPart part, GridOut sheet)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        if (sheet.HeaderRows > 0)
        {
            writer.WriteStartElement(new SheetViews());
            writer.WriteStartElement(new SheetView { WorkbookViewId = 0 });
            writer.WriteElement(new Pane
            {
                VerticalSplit = sheet.HeaderRows, TopLeftCell = $"A{sheet.HeaderRows + 1}", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
            });
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        if (sheet.Widths is { Count: > 0 } widths)
        {
            writer.WriteStartElement(new Columns());
            for (var i = 0; i < widths.Count; i++)
            {
                writer.WriteElement(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
            }
            writer.WriteEndElement();
        }
        writer.WriteStartElement(new SheetData());
        uint number = 0;
        foreach (var row in sheet.Rows)
        {
            number++;
            writer.WriteStartElement(new Row { RowIndex = number });
            var bold = number <= sheet.HeaderRows;
            for (var i = 0; i < row.Count; i++)
            {
                if (Cell(row[i], $"{ColumnName(i)}{number}", bold) is { } cell)
                {
                    writer.WriteElement(cell);
                }
            }
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static Cell? Cell(object? value, string reference, bool bold)
    {
        var style = bold ? 1u : 0u;
        return value switch
        {
            null => null,
            decimal d => new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(d) },
            int i => new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(i) },
            long l => new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue((decimal)l) },
            double x => new Cell { CellReference = reference, StyleIndex = style, CellValue = new CellValue(x) },
            _ => new Cell
            {
                CellReference = reference, StyleIndex = style, DataType = CellValues.InlineString,
                InlineString = new InlineString(new Text(Clean(value.ToString() ?? "")) { Space = SpaceProcessingModeValues.Preserve }),
            },
        };
    }

    /// <summary>XML cannot carry most control characters: they are dropped (tab and line breaks stay).</summary>
    private static string Clean(string text) =>
        text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r')) ? new string(text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r').ToArray()) : text;

    /// <summary>Excel's rules: at most 31 characters, none of []:*?/\, unique ignoring case.</summary>
    private static string SheetName(string name, HashSet<string> taken)
    {
        var clean = new string(name.Where(c => c is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\')).ToArray()).Trim('\'', ' ');
        clean = clean.Length == 0 ? "Sheet" : clean[..Math.Min(clean.Length, 31)];
        var candidate = clean;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = $" ({n})";
            candidate = clean[..Math.Min(clean.Length, 31 - suffix.Length)] + suffix;
        }
        return candidate;
    }

    /// <summary>Two cell formats: 0 plain, 1 bold (header rows). Excel requires the two default fills.</summary>
    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(new FontSize { Val = 11 }), new Font(new Bold(), new FontSize { Val = 11 })) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(new CellFormat { FontId = 0, FillId = 0, BorderId = 0 }, new CellFormat { FontId = 1, FillId = 0, BorderId = 0, ApplyFont = true }) { Count = 2 });
}
