namespace Carbon.Domain.MuYield;

/// <summary>
/// 混合型企业: several firms on one parcel, known by the parcel group code on their profiles (the parcel's 不动产单元号 or a
/// code the district assigns). 黄岩区 2022 亩均评价办法: 混合型企业进行独立评价和合并评价.
/// </summary>
public static class ParcelGroups
{
    /// <summary>
    /// 合并评价 (黄岩区 2022 亩均评价办法: 混合型企业进行独立评价和合并评价): the parcel group as one firm — Σ tax, value
    /// added, revenue, R&amp;D, person-months, electricity and 等价值 energy of the members; Σ pollutants only if every member
    /// reported them (a partial sum would understate); land Σ of the members' own land, or, where no member holds land of
    /// its own, Σ of their leased areas (a 租赁 member's area lies on the land its landlord member already counts); 规上 if
    /// any member is 规上; the industry and park of the member with the most value added (its 主营). No establishment or
    /// land-grant date: only graded (non-exempt) members are merged.
    /// </summary>
    public static MuYieldInputs Merge(string code, IReadOnlyList<MuYieldInputs> members)
    {
        if (members.Count == 0)
        {
            throw new ArgumentException("a parcel group has members", nameof(members));
        }
        var main = members.OrderByDescending(m => m.ValueAdded).ThenBy(m => m.Uscc, StringComparer.Ordinal).First();
        return new MuYieldInputs(
            Uscc: code,
            Name: $"混合型企业 {code}（{members.Count} 家合并评价）",
            Industry: main.Industry,
            IndustryCode: main.IndustryCode,
            ParkCode: main.ParkCode,
            Scale: members.Any(m => m.Scale == EnterpriseScale.Above) ? EnterpriseScale.Above : EnterpriseScale.Below,
            LandAreaMu: members.Sum(m => m.LandAreaMu),
            EstablishedOn: null,
            LandGrantedOn: null,
            MonthsFiled: members.Min(m => m.MonthsFiled),
            TaxPaid: members.Sum(m => m.TaxPaid),
            ValueAdded: members.Sum(m => m.ValueAdded),
            Revenue: members.Sum(m => m.Revenue),
            RdExpense: members.Sum(m => m.RdExpense),
            EmployeeMonths: members.Sum(m => m.EmployeeMonths),
            ElectricityKwh: members.Sum(m => m.ElectricityKwh),
            EnergyEquivalentTce: members.Sum(m => m.EnergyEquivalentTce),
            PollutantsT: members.All(m => m.PollutantsT is not null) ? members.Sum(m => m.PollutantsT!.Value) : null,
            LeasedAreaMu: members.Sum(m => m.LeasedAreaMu),
            ParcelGroup: code);
    }
}
