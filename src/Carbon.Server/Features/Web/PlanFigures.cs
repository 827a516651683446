using Carbon.Server.Features.Targets;
using Carbon.Server.Ledger;

namespace Carbon.Server.Features.Web;

/// <summary>
/// The plan page's district-wide figures of a year that need every firm's filings (the trajectory split, the clusters and
/// buildings), kept by a <see cref="LedgerFreshCache{TKey,T}"/> as the dashboard's are: computed off the request, served
/// from memory, recomputed seconds after the ledger changes. The targets themselves come from <see cref="DashboardFigures"/>.
/// </summary>
public sealed class PlanFigures
{
    private readonly TargetsService _targets;
    private readonly TrajectoryService _trajectory;
    private readonly ClusterService _clusters;
    private readonly LedgerFreshCache<int, (TrajectoryResponse Trajectory, ClustersResponse Clusters)> _years;

    public PlanFigures(TargetsService targets, TrajectoryService trajectory, ClusterService clusters, LedgerWriter ledger, TimeProvider clock,
        ILogger<PlanFigures> log)
    {
        (_targets, _trajectory, _clusters) = (targets, trajectory, clusters);
        _years = new LedgerFreshCache<int, (TrajectoryResponse, ClustersResponse)>(ComputeAsync, ledger, clock, log);
    }

    /// <summary>The first plan's split and clusters of a year: the last computed, or (the very first time) the computation awaited.</summary>
    public async Task<(TrajectoryResponse Trajectory, ClustersResponse Clusters)> GetAsync(int year) => (await _years.GetAsync(year)).Value;

    private async Task<(TrajectoryResponse, ClustersResponse)> ComputeAsync(int year) =>
        (await _trajectory.SplitAsync(_targets.Plans[0], year, null), await _clusters.ComputeAsync(_targets.Plans[0], year));
}
