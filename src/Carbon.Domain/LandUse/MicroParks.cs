namespace Carbon.Domain.LandUse;

/// <summary>
/// A micro-enterprise park's entry standard (小微企业园 准入标准, data per park): the industries it admits (empty: any),
/// the least 亩均税收 and the worst 亩均 class it accepts. A criterion left null is not applied.
/// </summary>
public sealed record MicroParkStandard(IReadOnlySet<string> Industries, decimal? MinTaxPerMu, string? WorstClass);

/// <summary>What the standard is held against: the firm's industry code, 亩均税收 and class in an evaluation run.</summary>
public sealed record MicroParkFirmFacts(string? IndustryCode, decimal? TaxPerMu, string? Class);

/// <summary>Entry review and dynamic management of firms in a micro-enterprise park (小微企业园 动态管理).</summary>
public static class MicroParks
{
    private static readonly string[] ClassOrder = ["A", "B", "C", "D"];

    /// <summary>
    /// The criteria the firm fails (empty: it meets the standard): an industry outside the list (by the code's prefix,
    /// so "C34" admits "C3411"), 亩均税收 below the least, a class worse than the worst accepted. A criterion whose figure
    /// is unknown is failed: a firm is admitted on what it shows.
    /// </summary>
    public static IReadOnlyList<string> Fails(MicroParkStandard standard, MicroParkFirmFacts firm)
    {
        var fails = new List<string>();
        if (standard.Industries.Count > 0 && (firm.IndustryCode is not { } code || !standard.Industries.Any(i => code.StartsWith(i, StringComparison.Ordinal))))
        {
            fails.Add("industry");
        }
        if (standard.MinTaxPerMu is { } min && (firm.TaxPerMu is not { } tax || tax < min))
        {
            fails.Add("tax-per-mu");
        }
        if (standard.WorstClass is { } worst && (firm.Class is not { } c || Array.IndexOf(ClassOrder, c) < 0 || Array.IndexOf(ClassOrder, c) > Array.IndexOf(ClassOrder, worst)))
        {
            fails.Add("class");
        }
        return fails;
    }

    /// <summary>
    /// Exit (退出): a firm that fell below the standard in each of the last two evaluations in a row. <paramref name="metByRun"/>
    /// is oldest first; one failing run, or two failing runs with a passing one between, is not enough.
    /// </summary>
    public static bool MustExit(IReadOnlyList<bool> metByRun) => metByRun.Count >= 2 && !metByRun[^1] && !metByRun[^2];
}
