namespace Carbon.Domain.LandUse;

/// <summary>How an industrial parcel was supplied (供地方式).</summary>
public enum SupplyMode
{
    /// <summary>弹性出让: a grant for a term shorter than the legal maximum.</summary>
    FlexibleTerm,
    /// <summary>长期租赁.</summary>
    LongLease,
    /// <summary>租让结合: part leased, part granted.</summary>
    LeaseAndGrant,
    /// <summary>先租后让: leased first, granted once the project meets its terms.</summary>
    LeaseThenGrant,
    /// <summary>带项目出让: granted with a named project.</summary>
    WithProject,
    /// <summary>标准地: granted with per-mu obligations (investment, tax, energy, floor area, emissions) agreed in the contract.</summary>
    StandardLand,
}

/// <summary>Where a parcel lies: in a park, in a village-level industrial cluster (村镇级工业集聚点), or in a block (街区).</summary>
public enum ParcelLocationKind
{
    Park,
    VillageCluster,
    Block,
}

/// <summary>
/// Where a parcel stands in its life (工业用地全生命周期管理): granted → under construction → completed → in production →
/// reviewed at 达产 (passed, or in breach) → repossessed. Renewal and transfer keep the state; repossession ends it.
/// </summary>
public enum ParcelState
{
    Granted,
    UnderConstruction,
    Completed,
    InProduction,
    /// <summary>达产复核 passed: every clause of the contract met.</summary>
    Reviewed,
    /// <summary>达产复核 found a clause broken: the contract's remedies apply.</summary>
    InBreach,
    /// <summary>收回: at expiry or for breach. Nothing follows.</summary>
    Repossessed,
}

/// <summary>What happens to a parcel: each is one event on the ledger with its actor, date and document.</summary>
public enum ParcelEvent
{
    /// <summary>供地: the parcel granted or leased to its first holder (its registration; nothing leads to it).</summary>
    Grant,
    /// <summary>开工.</summary>
    Start,
    /// <summary>竣工.</summary>
    Complete,
    /// <summary>投产.</summary>
    Produce,
    /// <summary>达产复核, passed.</summary>
    PassReview,
    /// <summary>达产复核, a clause broken.</summary>
    FailReview,
    /// <summary>续期: a new term, the same holder.</summary>
    Renew,
    /// <summary>转让 (二级市场): a new holder, who takes over the obligations.</summary>
    Transfer,
    /// <summary>收回.</summary>
    Repossess,
    /// <summary>出租: a lessee (承租企业) takes part of the parcel; the state is unchanged.</summary>
    Lease,
    /// <summary>退租: a lessee leaves.</summary>
    EndLease,
    /// <summary>认定低效: an official confirms the data's proposal that the parcel is low-efficiency land.</summary>
    MarkLowEfficiency,
    /// <summary>撤销认定: the proposal dismissed, or the finding withdrawn before any disposal.</summary>
    ClearLowEfficiency,
    /// <summary>启动处置: a disposal of low-efficiency land begins (收回 / 转让 / 改造提升 / 兼并重组 / 退二优二), with the 亩 it concerns.</summary>
    StartDisposal,
    /// <summary>处置完成: the disposal is completed, on a day, with its evidence; a completed 收回 ends the parcel.</summary>
    CompleteDisposal,
    /// <summary>违约处理: one of the contract's agreed remedies enforced after a failed review.</summary>
    EnforceRemedy,
}

/// <summary>What a parcel's contract makes due: a start or a completion overdue, or the 达产 review.</summary>
public enum ParcelDue
{
    StartOverdue,
    CompletionOverdue,
    ReviewDue,
}

/// <summary>The parcel lifecycle as a state machine: which event may happen in which state, and where it leads.</summary>
public static class ParcelLifecycle
{
    /// <summary>
    /// The state after <paramref name="e"/>, or null when it may not happen now: the construction steps go in order; a
    /// review follows production (and may be made again after a breach is cured); renewal and transfer keep the state of
    /// a parcel that is built (transfer also before, with the obligations); repossession may end any live parcel.
    /// </summary>
    public static ParcelState? Next(ParcelState state, ParcelEvent e) => (state, e) switch
    {
        (ParcelState.Repossessed, _) => null,
        (ParcelState.Granted, ParcelEvent.Start) => ParcelState.UnderConstruction,
        (ParcelState.UnderConstruction, ParcelEvent.Complete) => ParcelState.Completed,
        (ParcelState.Completed, ParcelEvent.Produce) => ParcelState.InProduction,
        (ParcelState.InProduction or ParcelState.Reviewed or ParcelState.InBreach, ParcelEvent.PassReview) => ParcelState.Reviewed,
        (ParcelState.InProduction or ParcelState.Reviewed or ParcelState.InBreach, ParcelEvent.FailReview) => ParcelState.InBreach,
        (ParcelState.InProduction or ParcelState.Reviewed, ParcelEvent.Renew) => state,
        (_, ParcelEvent.Transfer) => state,
        (_, ParcelEvent.Repossess) => ParcelState.Repossessed,
        (_, ParcelEvent.Lease or ParcelEvent.EndLease or ParcelEvent.MarkLowEfficiency or ParcelEvent.ClearLowEfficiency
            or ParcelEvent.StartDisposal or ParcelEvent.CompleteDisposal) => state,
        (ParcelState.InBreach, ParcelEvent.EnforceRemedy) => state,
        _ => null,
    };

    /// <summary>
    /// What is due or overdue on a parcel by its contract's dates, and since when: 开工 not started by <c>startBy</c>, 竣工
    /// not completed by <c>completeBy</c>, and the 达产 review once its year has ended (from 1 January after it) while the
    /// parcel is in production and not yet reviewed. Nothing for a repossessed parcel or one without such dates.
    /// </summary>
    public static IReadOnlyList<(ParcelDue Due, DateOnly Since)> Due(ParcelState state, StandardLandObligations? contract, DateOnly today)
    {
        var due = new List<(ParcelDue, DateOnly)>();
        if (contract is not { } c || state == ParcelState.Repossessed)
        {
            return due;
        }
        if (c.StartBy is { } start && start < today && state == ParcelState.Granted)
        {
            due.Add((ParcelDue.StartOverdue, start.AddDays(1)));
        }
        if (c.CompleteBy is { } complete && complete < today && state is ParcelState.Granted or ParcelState.UnderConstruction)
        {
            due.Add((ParcelDue.CompletionOverdue, complete.AddDays(1)));
        }
        if (c.ReviewYear is { } year && year < today.Year && state == ParcelState.InProduction)
        {
            due.Add((ParcelDue.ReviewDue, new DateOnly(year + 1, 1, 1)));
        }
        return due;
    }

    /// <summary>The lifecycle events open to a parcel in <paramref name="state"/>, in the order they usually come (leases,
    /// low-efficiency findings and remedies are <see cref="ParcelHistory"/>'s, open by the parcel's condition).</summary>
    public static IReadOnlyList<ParcelEvent> Open(ParcelState state) =>
        Enum.GetValues<ParcelEvent>().Where(e => e <= ParcelEvent.Repossess && Next(state, e) is not null).ToList();
}

/// <summary>
/// A 标准地 contract's obligations (the contract's own clauses, as agreed): fixed-asset investment and 亩均税收 at 达产 at
/// least so much per 亩, energy per unit of value added at most so much, a floor-area ratio at least so much, emissions
/// at most so much a year; the dates by which construction starts and completes, the year of the 达产 review, and the
/// remedies agreed for a breach. A clause left null is not in the contract.
/// </summary>
public sealed record StandardLandObligations(
    decimal? InvestmentPerMu,
    decimal? TaxPerMu,
    decimal? EnergyPerValueAdded,
    decimal? FloorAreaRatio,
    decimal? EmissionsT,
    DateOnly? StartBy,
    DateOnly? CompleteBy,
    int? ReviewYear,
    IReadOnlyList<string> Remedies);
