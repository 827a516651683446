namespace Carbon.Domain;

/// <summary>
/// Division that is total: a quotient that is undefined (denominator ≤ 0) or beyond what a decimal holds is null, never
/// an exception, so no filed figure can make a read fail.
/// </summary>
public static class Ratio
{
    /// <summary>numerator ÷ denominator, or null when the denominator is not positive or the quotient overflows.</summary>
    public static decimal? Of(decimal numerator, decimal denominator)
    {
        if (denominator <= 0m)
        {
            return null;
        }
        try
        {
            return numerator / denominator;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>Like <see cref="Of"/> for a denominator of either sign; null only when it is zero or the quotient overflows.</summary>
    public static decimal? OfSigned(decimal numerator, decimal denominator) =>
        denominator == 0m ? null : denominator > 0m ? Of(numerator, denominator) : Of(-numerator, -denominator);
}
