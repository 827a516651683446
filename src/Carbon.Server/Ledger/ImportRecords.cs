namespace Carbon.Server.Ledger;

/// <summary>An uploaded file to import, kept whole with its hash: its check and its rejected rows are made from it.</summary>
public sealed class ImportFileRecord
{
    public required string Id { get; init; }
    public required string Kind { get; init; }
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public long Length { get; init; }
    public DateTimeOffset UploadedAt { get; init; }
    public required string UploadedBy { get; init; }
    public required byte[] Content { get; init; }
}

/// <summary>A confirmed import, once committed: who confirmed it, when, and what it came to.</summary>
public sealed class ImportCommitRecord
{
    public long Id { get; init; }
    public required string ImportId { get; init; }
    public DateTimeOffset At { get; init; }
    public required string Actor { get; init; }
    public int Created { get; init; }
    public int Revised { get; init; }
    public int Unchanged { get; init; }
    public int Rejected { get; init; }
    public int Failed { get; init; }
}

/// <summary>
/// A row of a committed 205-1 form (the source figures behind a filing): columns 1–10 and 丁 as filed, null where blank.
/// The latest import of a firm-month is the one that counts.
/// </summary>
public sealed class Form2051LineRecord
{
    public long Id { get; init; }
    public required string ImportId { get; init; }
    public required string Uscc { get; init; }
    public int Year { get; init; }
    public int Month { get; init; }
    public int Row { get; init; }
    public required string Code { get; init; }
    public required string Name { get; init; }
    public required string Unit { get; init; }
    public decimal? Opening { get; init; }
    public decimal? Purchased { get; init; }
    public decimal? PurchaseAmount { get; init; }
    public decimal? Consumed { get; init; }
    public decimal? Industrial { get; init; }
    public decimal? Feedstock { get; init; }
    public decimal? NonIndustrial { get; init; }
    public decimal? Transport { get; init; }
    public decimal? Closing { get; init; }
    public decimal? Coefficient { get; init; }
    public decimal? Reference { get; init; }

    /// <summary>The row as the form had it, for checking it again (figures in invariant notation; an empty figure as "").</summary>
    public Domain.Intake.Form2051Line ToLine()
    {
        static string Text(decimal? v) => v?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return new Domain.Intake.Form2051Line(Row, new Dictionary<Domain.Intake.Form2051Column, string>
        {
            [Domain.Intake.Form2051Column.Name] = Name, [Domain.Intake.Form2051Column.Unit] = Unit, [Domain.Intake.Form2051Column.Code] = Code,
            [Domain.Intake.Form2051Column.Opening] = Text(Opening), [Domain.Intake.Form2051Column.Purchased] = Text(Purchased),
            [Domain.Intake.Form2051Column.PurchaseAmount] = Text(PurchaseAmount), [Domain.Intake.Form2051Column.Consumed] = Text(Consumed),
            [Domain.Intake.Form2051Column.Industrial] = Text(Industrial), [Domain.Intake.Form2051Column.Feedstock] = Text(Feedstock),
            [Domain.Intake.Form2051Column.NonIndustrial] = Text(NonIndustrial), [Domain.Intake.Form2051Column.Transport] = Text(Transport),
            [Domain.Intake.Form2051Column.Closing] = Text(Closing), [Domain.Intake.Form2051Column.Coefficient] = Text(Coefficient),
            [Domain.Intake.Form2051Column.Reference] = Text(Reference),
        });
    }
}
