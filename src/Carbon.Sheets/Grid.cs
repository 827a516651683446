namespace Carbon.Sheets;

/// <summary>
/// One sheet as read: its name and its non-empty rows, each with its 1-based row number in the sheet and its cells as
/// text (numbers as stored, in invariant notation; a formula as its cached value; an empty cell as "").
/// </summary>
public sealed record Grid(string Name, IReadOnlyList<GridRow> Rows);

/// <summary>A row of a <see cref="Grid"/>; reading past its last cell gives "".</summary>
public sealed record GridRow(int Number, IReadOnlyList<string> Cells)
{
    public string this[int column] => column >= 0 && column < Cells.Count ? Cells[column] : "";

    /// <summary>True when every cell is blank.</summary>
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// A sheet to write: rows of cells, each a string (text), a number (decimal, int, long, double: written as a number) or
/// null (empty). The first <paramref name="HeaderRows"/> rows are bold and stay in view when scrolling; <paramref name="Widths"/>
/// are column widths in characters.
/// </summary>
public sealed record GridOut(string Name, IEnumerable<IReadOnlyList<object?>> Rows, int HeaderRows = 1, IReadOnlyList<double>? Widths = null);

/// <summary>Why a file could not be read as a spreadsheet (not its content's errors: those are the importer's).</summary>
public sealed class SheetFormatException(string message) : Exception(message);

/// <summary>The formats Carbon reads and writes.</summary>
public enum SheetFormat
{
    Xlsx,
    Csv,
}

/// <summary>Reads and writes either format by its <see cref="SheetFormat"/>, and tells them apart by their first bytes.</summary>
public static class SheetFiles
{
    /// <summary>The most rows read from one file, over all its sheets.</summary>
    public const int MaxRows = 200_000;

    /// <summary>The most cells read from one row.</summary>
    public const int MaxColumns = 256;

    /// <summary>XLSX is a ZIP file ("PK\x03\x04"); anything else is taken as CSV.</summary>
    public static SheetFormat Detect(ReadOnlySpan<byte> head) =>
        head.Length >= 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4 ? SheetFormat.Xlsx : SheetFormat.Csv;

    /// <summary>Every sheet of an XLSX workbook, or the one sheet of a CSV file (named <paramref name="csvName"/>).</summary>
    public static IReadOnlyList<Grid> Read(byte[] file, string csvName = "Sheet1") =>
        Detect(file) == SheetFormat.Xlsx ? Xlsx.Read(new MemoryStream(file, writable: false)) : [Csv.Read(file, csvName)];

    /// <summary>Writes the sheets as XLSX, or the first as CSV.</summary>
    public static byte[] Write(SheetFormat format, IReadOnlyList<GridOut> sheets)
    {
        using var stream = new MemoryStream();
        if (format == SheetFormat.Xlsx)
        {
            Xlsx.Write(stream, sheets);
        }
        else
        {
            Csv.Write(stream, sheets[0].Rows);
        }
        return stream.ToArray();
    }

    public static string ContentType(SheetFormat format) =>
        format == SheetFormat.Xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";

    public static string Extension(SheetFormat format) => format == SheetFormat.Xlsx ? ".xlsx" : ".csv";
}
