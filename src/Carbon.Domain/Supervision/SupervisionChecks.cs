namespace Carbon.Domain.Supervision;

/// <summary>Whether a plant is existing (限定值, grade 3 applies) or new or expanded (准入值, grade 2 applies).</summary>
public enum PlantStatus
{
    Existing,
    NewOrExpanded,
}

/// <summary>
/// A firm's 单位产品能耗 against a quota: the months compared, the energy of those months, the output filed in them,
/// the value, the grade it reaches (1, 2, 3, or null above grade 3) and the limit that applies to the plant.
/// </summary>
public sealed record QuotaResult(EnergyQuota Quota, int Months, decimal Energy, decimal Output, decimal Value, int? Grade, decimal Limit,
    bool Exceeds, string Trace);

/// <summary>Declared equipment (设备台账 line): type, model, rated power and how many.</summary>
public sealed record DeclaredEquipment(string Type, string Model, decimal? PowerKw, int Count);

/// <summary>A meter tier count from the firm's meter register: how many points need a meter, how many have one.</summary>
public sealed record MeterTally(string Energy, MeterTier Tier, int Required, int Equipped);

/// <summary>GB 17167-2006's three tiers: 进出用能单位, 主要次级用能单位, 主要用能设备.</summary>
public enum MeterTier
{
    Entry,
    Secondary,
    Equipment,
}

/// <summary>A metering shortfall: the equipping rate found and the minimum.</summary>
public sealed record MeteringGap(MeteringRate Rate, MeterTier Tier, decimal Found, decimal Minimum);

/// <summary>The automatic checks an inspector confirms: quotas, phased-out equipment, metering.</summary>
public static class SupervisionChecks
{
    /// <summary>
    /// 单位产品能耗 = energy of the months ÷ output of the same months, compared with the quota's grade 3 (限定值, existing
    /// plants) or grade 2 (准入值, new or expanded plants) — the quota standards' clause 4 (e.g. GB 16780-2021 4.1, 4.2).
    /// Each month's energy is in the quota's energy unit; months without output are left out of both sums.
    /// </summary>
    public static QuotaResult? Quota(EnergyQuota quota, PlantStatus plant, IEnumerable<(int Month, decimal Energy, decimal Output)> months)
    {
        var used = months.Where(m => m.Output > 0m).ToList();
        var output = used.Sum(m => m.Output);
        if (used.Count == 0 || output <= 0m)
        {
            return null;
        }
        var energy = used.Sum(m => m.Energy);
        var value = energy / output;
        int? grade = quota.Grade1 is { } g1 && value <= g1 ? 1 : value <= quota.Grade2 ? 2 : value <= quota.Grade3 ? 3 : null;
        var limit = plant == PlantStatus.Existing ? quota.Grade3 : quota.Grade2;
        var trace = $"{energy:0.###} {quota.EnergyUnit} ÷ {output:0.###} {quota.ProductUnit} = {value:0.###} {quota.EnergyUnit}/{quota.ProductUnit} " +
                    $"({used.Count} 个月); {(plant == PlantStatus.Existing ? "现有 3级限定值" : "新建/改扩建 2级准入值")} {limit} — {quota.Standard}";
        return new QuotaResult(quota, used.Count, energy, output, value, grade, limit, value > limit, trace);
    }

    /// <summary>
    /// Declared equipment whose model starts with a catalogue item's model prefix not followed by a letter (so "Y" finds
    /// Y160M-4 and Y-160M but not the high-efficiency YE3 series), within its power range. An inspector confirms each match:
    /// some catalogue items apply only to units made before a year, which a model name does not tell.
    /// </summary>
    public static IReadOnlyList<(DeclaredEquipment Equipment, PhasedOutItem Item)> PhasedOut(
        IEnumerable<DeclaredEquipment> declared, IReadOnlyList<PhasedOutItem> catalogue) =>
        declared.SelectMany(e => catalogue.Where(i => Matches(e, i)).Take(1).Select(i => (e, i))).ToList();

    private static bool Matches(DeclaredEquipment e, PhasedOutItem item)
    {
        var model = Normalise(e.Model);
        return item.Models.Select(Normalise).Any(m => m.Length > 0 && model.StartsWith(m, StringComparison.Ordinal)
                                                      && (model.Length == m.Length || !char.IsLetter(model[m.Length])))
               && (e.PowerKw is not { } kw || ((item.PowerMinKw is not { } min || kw >= min) && (item.PowerMaxKw is not { } max || kw <= max)));
    }

    private static string Normalise(string model) => new(model.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant).ToArray());

    /// <summary>
    /// GB 17167-2006 4.3.2 / 4.3.3 (Table 3): the equipping rate of each tier and energy = meters equipped ÷ meters
    /// required × 100 %, against the minimum rate; a shortfall per tally below it.
    /// </summary>
    public static IReadOnlyList<MeteringGap> Metering(IEnumerable<MeterTally> register, IReadOnlyList<MeteringRate> rates)
    {
        var gaps = new List<MeteringGap>();
        foreach (var t in register.Where(t => t.Required > 0))
        {
            var rate = rates.FirstOrDefault(r => r.Energy == t.Energy);
            var minimum = rate is null ? null : t.Tier switch
            {
                MeterTier.Entry => rate.Entry,
                MeterTier.Secondary => rate.Secondary,
                _ => rate.Equipment,
            };
            var found = 100m * Math.Min(t.Equipped, t.Required) / t.Required;
            if (minimum is { } min && found < min)
            {
                gaps.Add(new MeteringGap(rate!, t.Tier, Math.Round(found, 1), min));
            }
        }
        return gaps;
    }
}
