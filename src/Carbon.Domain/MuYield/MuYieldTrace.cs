namespace Carbon.Domain.MuYield;

/// <summary>How an indicator's value and score were computed, in the words of the 计算说明, with the firm's own figures.</summary>
public static class MuYieldTrace
{
    /// <summary>
    /// <paramref name="months"/> names the filings summed (e.g. "12 个月 (1:1 2:1 …)"), <paramref name="land"/> the land and
    /// the profile revision it came from, <paramref name="factorSet"/> the factor set of the 等价值 energy.
    /// </summary>
    public static string Explain(IndicatorScore i, MuYieldInputs r, string months, string land, string factorSet)
    {
        var text = i.Indicator switch
        {
            MuYieldIndicator.TaxPerMu => $"Σ实缴税金 {N(r.TaxPaid)} 万元 [{months}] ÷ {land}",
            MuYieldIndicator.ValueAddedPerMu => $"Σ工业增加值 {N(r.ValueAdded)} 万元 [{months}] ÷ {land}",
            MuYieldIndicator.ValueAddedPerEnergy =>
                $"Σ工业增加值 {N(r.ValueAdded)} 万元 ÷ 综合能耗(等价值) {N(r.EnergyEquivalentTce)} tce (GB/T 2589-2020, 因子集 {factorSet})",
            MuYieldIndicator.ValueAddedPerEmission => r.PollutantsT is { } p
                ? $"Σ工业增加值 {N(r.ValueAdded)} 万元 ÷ Σ主要污染物(COD+氨氮+SO2+NOx) {N(p)} t"
                : "无排放数据：按办法取本群体该项平均分 (no pollutant data: the population's average score)",
            MuYieldIndicator.LabourProductivity =>
                $"Σ工业增加值 {N(r.ValueAdded)} 万元 ÷ 年平均职工人数 {N(i.Denominator)} 人 (Σ{N(r.EmployeeMonths)} 人·月 ÷ {r.MonthsFiled})",
            MuYieldIndicator.RdIntensity => $"Σ研发经费 {N(r.RdExpense)} 万元 ÷ Σ营业收入 {N(r.Revenue)} 万元",
            MuYieldIndicator.TaxPerElectricity => $"Σ实缴税金 {N(r.TaxPaid)} 万元 ÷ 购入电量 {N(r.ElectricityKwh / 10_000m)} 万kWh",
            MuYieldIndicator.RevenuePerMu => $"Σ营业收入 {N(r.Revenue)} 万元 ÷ {land}",
            _ => i.Indicator.Token(),
        };
        var score = i.Missing
            ? $"; 得分 {N(i.Score)}"
            : i.Capped
                ? $"; 得分 = min({N(i.Weight)} × {N(i.Value!.Value)} ÷ {N(i.Benchmark)}, 封顶 {N(i.Score)}) = {N(i.Score)}"
                : $"; 得分 = {N(i.Weight)} × {N(i.Value!.Value)} ÷ {N(i.Benchmark)} = {N(i.Score)}";
        return text + score;
    }


    private static string N(decimal v) => Display.Text(v);
}
