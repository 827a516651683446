namespace Carbon.Domain.Accounting;

/// <summary>
/// A factor as used in one term of a trace: its id, value and unit as written in the factor file, and the edition of
/// the table it was read in (so a 2008 coefficient is never cited as the 2020 standard's).
/// </summary>
public sealed record FactorRef(string Id, decimal Value, string Unit, int? Year, string Edition, string Status, string Source)
{
    public static FactorRef Of(Factors.Factor f) =>
        new(f.Id, f.Value, f.Unit, f.Year, f.Edition, Factors.FactorTokens.Token(f.Status), f.Source);
}

/// <summary>
/// One term of a figure: quantity × factors = result, with the clause it follows. Summing the results of a figure's
/// terms gives the figure exactly.
/// </summary>
public sealed record TraceTerm(
    string Figure,
    string? Carrier,
    decimal Quantity,
    string QuantityUnit,
    IReadOnlyList<FactorRef> Factors,
    string Formula,
    string Clause,
    decimal Result,
    string ResultUnit,
    string? Note = null);
