namespace Carbon.Domain.LandUse;

/// <summary>A clause of a 标准地 contract that the 达产 review measures.</summary>
public enum ObligationClause
{
    /// <summary>固定资产投资强度 (万元/亩), at least.</summary>
    Investment,
    /// <summary>亩均税收 (万元/亩), at least.</summary>
    TaxPerMu,
    /// <summary>单位增加值能耗 (tce/万元), at most.</summary>
    EnergyPerValueAdded,
    /// <summary>容积率, at least.</summary>
    FloorAreaRatio,
    /// <summary>排放总量 (t/年), at most.</summary>
    Emissions,
}

/// <summary>
/// What the review found for the holder in the review year: tax paid, value added (万元), energy (tce, 等价值) and
/// pollutants (t) from its filings; fixed-asset investment (万元) and the floor-area ratio as the official records them
/// (no filing holds them); the land the holder's figures are spread over (亩: every parcel it holds) and the parcel's own
/// area, over which its investment is spread (null: the same). A figure not known is null.
/// </summary>
public sealed record ReviewFacts(decimal AreaMu, decimal? TaxPaid, decimal? ValueAdded, decimal? EnergyTce, decimal? PollutantsT,
    decimal? Investment, decimal? FloorAreaRatio, decimal? ParcelMu = null);

/// <summary>One clause: what was agreed, what was found (null: not measured), and whether it was met (null: not measured).</summary>
public sealed record ClauseResult(ObligationClause Clause, decimal Contracted, decimal? Actual, bool? Met);

/// <summary>The review: every clause of the contract, and whether any was broken.</summary>
public sealed record ReviewResult(IReadOnlyList<ClauseResult> Clauses)
{
    public bool Breached => Clauses.Any(c => c.Met == false);

    /// <summary>Clauses that could not be measured (a figure missing): the review is not complete until they are.</summary>
    public IEnumerable<ClauseResult> Unmeasured => Clauses.Where(c => c.Met is null);
}

/// <summary>
/// 达产复核 of a 标准地 contract: each clause of the contract held against the holder's actual figures for the review
/// year, clause by clause (the contract's own terms; 亩均税收 = 税收 ÷ 用地面积, 单位增加值能耗 = 综合能耗 ÷ 增加值).
/// </summary>
public static class StandardLandReview
{
    public static ReviewResult Review(StandardLandObligations contract, ReviewFacts facts)
    {
        var clauses = new List<ClauseResult>();
        void AtLeast(ObligationClause clause, decimal? contracted, decimal? actual)
        {
            if (contracted is { } c)
            {
                clauses.Add(new ClauseResult(clause, c, actual, actual is { } a ? a >= c : null));
            }
        }
        void AtMost(ObligationClause clause, decimal? contracted, decimal? actual)
        {
            if (contracted is { } c)
            {
                clauses.Add(new ClauseResult(clause, c, actual, actual is { } a ? a <= c : null));
            }
        }
        static decimal? PerMu(decimal? amount, decimal mu) => amount is { } v && mu > 0m ? v / mu : null;

        // The investment was made on this parcel; the tax is the holder's, over all the land it holds.
        AtLeast(ObligationClause.Investment, contract.InvestmentPerMu, PerMu(facts.Investment, facts.ParcelMu ?? facts.AreaMu));
        AtLeast(ObligationClause.TaxPerMu, contract.TaxPerMu, PerMu(facts.TaxPaid, facts.AreaMu));
        AtMost(ObligationClause.EnergyPerValueAdded, contract.EnergyPerValueAdded,
            facts is { EnergyTce: { } e, ValueAdded: > 0m } ? e / facts.ValueAdded.Value : null);
        AtLeast(ObligationClause.FloorAreaRatio, contract.FloorAreaRatio, facts.FloorAreaRatio);
        AtMost(ObligationClause.Emissions, contract.EmissionsT, facts.PollutantsT);
        return new ReviewResult(clauses);
    }
}
