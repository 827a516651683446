using Carbon.Domain.Accounting;
using Carbon.Server.Features.Targets;
using Carbon.Server.Ledger;

namespace Carbon.Server.Features.Web;

/// <summary>
/// The dashboard's district-wide figures of a year that need every firm's filings (the plan's targets, the largest
/// consumers, the biggest movers), kept by a <see cref="LedgerFreshCache{TKey,T}"/>: computed off the request, served
/// from memory, recomputed seconds after the ledger changes. The page says when they were computed.
/// </summary>
public sealed class DashboardFigures
{
    private readonly TargetsService _targets;
    private readonly EvaluationSnapshots _snapshots;
    private readonly LedgerFreshCache<int, YearFigures> _years;

    public DashboardFigures(TargetsService targets, EvaluationSnapshots snapshots, LedgerWriter ledger, TimeProvider clock, ILogger<DashboardFigures> log)
    {
        (_targets, _snapshots) = (targets, snapshots);
        _years = new LedgerFreshCache<int, YearFigures>(ComputeAsync, ledger, clock, log);
    }

    /// <summary>The year's figures: the last computed, or (the very first time) the first computation awaited.</summary>
    public async Task<YearFigures> GetAsync(int year)
    {
        var d = await _years.GetAsync(year);
        return d.Value with { ComputedAt = d.ComputedAt };
    }

    /// <summary>Computes the years at start-up, one after the other, so that no first visitor waits either.</summary>
    public async Task WarmAsync(IEnumerable<int> years, CancellationToken stopping)
    {
        foreach (var year in years)
        {
            stopping.ThrowIfCancellationRequested();
            await GetAsync(year);
        }
    }

    private async Task<YearFigures> ComputeAsync(int year)
    {
        var (targets, snapshots) = (_targets, _snapshots);
        var plan = targets.Plans.FirstOrDefault();
        var report = plan is null ? null : await targets.ComputeAsync(plan, year);
        var current = await snapshots.FirmMonthsAsync(year);
        var previous = await snapshots.FirmMonthsAsync(year - 1);

        var firms = new List<FirmFigures>(current.Count);
        foreach (var (uscc, months) in current)
        {
            var total = Sum(months, _ => true);
            var tce = snapshots.EquivalentTce(total, year);
            FirmMove? move = null;
            if (previous.TryGetValue(uscc, out var before))
            {
                // The same months of both years: a firm that has filed up to June is compared with last year's January-June.
                var common = Enumerable.Range(0, 12).Where(i => months[i] is not null && before[i] is not null).ToArray();
                if (common.Length > 0)
                {
                    var now = snapshots.EquivalentTce(Sum(months, common.Contains), year);
                    var then = snapshots.EquivalentTce(Sum(before, common.Contains), year - 1);
                    move = new FirmMove(common.Length, then, now);
                }
            }
            firms.Add(new FirmFigures(uscc, tce, total.ValueAdded, move));
        }
        return new YearFigures(year, report, firms.OrderByDescending(f => f.EquivalentTce).ToList(), default);
    }

    private static ActivityTotals Sum(ActivityTotals?[] months, Func<int, bool> include)
    {
        var sum = ActivityTotals.Zero;
        for (var i = 0; i < months.Length; i++)
        {
            if (months[i] is { } m && include(i))
            {
                sum += m;
            }
        }
        return sum;
    }
}

/// <summary>A year's district-wide figures: the plan's targets, every firm that filed (largest 等价值 energy first), when computed.</summary>
public sealed record YearFigures(int Year, TargetsResponse? Targets, IReadOnlyList<FirmFigures> Firms, DateTimeOffset ComputedAt)
{
    /// <summary>The firms whose energy moved most against the same months of the year before, largest change first.</summary>
    public IEnumerable<FirmFigures> Movers => Firms.Where(f => f.Move is not null).OrderByDescending(f => Math.Abs(f.Move!.ChangeTce));
}

/// <summary>A firm's year: comprehensive energy (等价值, tce, GB/T 2589-2020), value added (万元), its move on the year before.</summary>
public sealed record FirmFigures(string Uscc, decimal EquivalentTce, decimal ValueAdded, FirmMove? Move);

/// <summary>Energy (等价值, tce) of the same <paramref name="Months"/> months last year and this year.</summary>
public sealed record FirmMove(int Months, decimal BeforeTce, decimal NowTce)
{
    public decimal ChangeTce => NowTce - BeforeTce;

    /// <summary>The change as a share of last year's figure (null when last year's was zero).</summary>
    public decimal? Change => BeforeTce == 0m ? null : ChangeTce / BeforeTce;
}

/// <summary>
/// Once the service has started: activates the district and park grains (each rebuilds its sums from the ledger) and
/// computes the dashboard's figures of every year it offers (last year, its default, first) and the supervision page's
/// proposals, so that no visitor waits.
/// </summary>
public sealed class DashboardWarmup(IHostApplicationLifetime lifetime, DashboardFigures figures, Configuration.ReportingClock clock,
    IGrainFactory grains, RegistryReads registry, Supervision.SupervisionService supervision, ILogger<DashboardWarmup> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = WarmAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WarmAsync(CancellationToken stopping)
    {
        try
        {
            var last = clock.Today.Year - 1;
            var system = Domain.Access.Caller.System("warm-up");
            var query = new Grains.Contracts.PeriodQuery(clock.Today.Year - 1, 12);
            await grains.GetGrain<Grains.IDistrictGrain>(Grains.DistrictKeys.District).GetTotalsAsync(query, system);
            foreach (var park in await registry.LoadParksAsync())
            {
                stopping.ThrowIfCancellationRequested();
                await grains.GetGrain<Grains.IParkGrain>(park.Code).GetTotalsAsync(query, system);
            }
            await figures.GetAsync(last);
            await supervision.ProposalsAsync(clock.Today.Year);   // the supervision page's proposals
            await figures.WarmAsync(Enumerable.Range(2021, clock.Today.Year - 2020).Where(y => y != last).OrderByDescending(y => y), stopping);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            // stopping before the warm-up ended
        }
        catch (Exception e)
        {
            log.LogWarning(e, "warming the dashboard failed; its grains and figures are made on first use instead");
        }
    }
}
