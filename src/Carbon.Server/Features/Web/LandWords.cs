using Carbon.Domain.LandUse;

namespace Carbon.Server.Features.Web;

/// <summary>Land's words on the pages: Chinese first, then English.</summary>
public static class LandWords
{
    public static string State(ParcelState state) => state switch
    {
        ParcelState.Granted => "已供地 granted",
        ParcelState.UnderConstruction => "在建 under construction",
        ParcelState.Completed => "已竣工 completed",
        ParcelState.InProduction => "已投产 in production",
        ParcelState.Reviewed => "达产复核通过 reviewed",
        ParcelState.InBreach => "违约 in breach",
        _ => "已收回 repossessed",
    };

    public static string Event(ParcelEvent e) => e switch
    {
        ParcelEvent.Grant => "供地 grant",
        ParcelEvent.Start => "开工 start",
        ParcelEvent.Complete => "竣工 complete",
        ParcelEvent.Produce => "投产 produce",
        ParcelEvent.PassReview => "复核通过 review passed",
        ParcelEvent.FailReview => "复核未通过 review failed",
        ParcelEvent.Renew => "续期 renew",
        ParcelEvent.Transfer => "转让 transfer",
        ParcelEvent.Repossess => "收回 repossess",
        ParcelEvent.Lease => "出租 lease",
        ParcelEvent.EndLease => "退租 end a lease",
        ParcelEvent.MarkLowEfficiency => "认定低效 confirm low-efficiency",
        ParcelEvent.ClearLowEfficiency => "撤销低效认定 clear the finding",
        ParcelEvent.StartDisposal => "启动处置 begin a disposal",
        ParcelEvent.CompleteDisposal => "处置完成 disposal completed",
        _ => "执行违约处理 enforce a remedy",
    };

    public static string Disposal(DisposalKind k) => k switch
    {
        DisposalKind.Reclaim => "收回",
        DisposalKind.Transfer => "转让",
        DisposalKind.Upgrade => "改造提升",
        DisposalKind.Merge => "兼并重组",
        _ => "退二优二",
    };

    public static string Reason(LowEfficiencyReason r) => r switch
    {
        LowEfficiencyReason.ClassD => "亩均评价 D 类 class D",
        LowEfficiencyReason.LowTax => "亩均税收低于标准 tax per 亩 below the threshold",
        _ => "连续12个月无填报 idle 12 months",
    };

    public static string Supply(SupplyMode s) => s switch
    {
        SupplyMode.FlexibleTerm => "弹性出让",
        SupplyMode.LongLease => "长期租赁",
        SupplyMode.LeaseAndGrant => "租让结合",
        SupplyMode.LeaseThenGrant => "先租后让",
        SupplyMode.WithProject => "带项目出让",
        _ => "标准地",
    };

    public static string Clause(ObligationClause c) => c switch
    {
        ObligationClause.Investment => "固定资产投资强度（万元/亩）",
        ObligationClause.TaxPerMu => "亩均税收（万元/亩）",
        ObligationClause.EnergyPerValueAdded => "单位增加值能耗（tce/万元）",
        ObligationClause.FloorAreaRatio => "容积率",
        _ => "排放总量（t/年）",
    };

    public static string Due(ParcelDue d) => d switch
    {
        ParcelDue.StartOverdue => "开工逾期 start overdue",
        ParcelDue.CompletionOverdue => "竣工逾期 completion overdue",
        _ => "达产复核到期 review due",
    };

    public static string Location(ParcelLocationKind k) => k switch
    {
        ParcelLocationKind.Park => "园区",
        ParcelLocationKind.VillageCluster => "村镇级工业集聚点",
        _ => "街区",
    };
}
