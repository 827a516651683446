using System.Collections.Concurrent;
using Carbon.Domain.Accounting;
using Carbon.Server.Features.Targets;
using Carbon.Server.Ledger;

namespace Carbon.Server.Features.Web;

/// <summary>
/// The dashboard's district-wide figures of a year that need every firm's filings (the plan's targets, the largest
/// consumers, the biggest movers): computed in the background and served from memory, so that a page never waits for
/// the bulk read. Kept fresh by the ledger: recomputed once the ledger has changed (at most every few seconds), and
/// every minute in any case (a cluster's other processes write too). Whoever asks while a refresh runs gets the figures
/// before it: the page says when they were computed.
/// </summary>
public sealed class DashboardFigures(TargetsService targets, EvaluationSnapshots snapshots, LedgerWriter ledger, TimeProvider clock,
    ILogger<DashboardFigures> log)
{
    private static readonly TimeSpan MinAge = TimeSpan.FromSeconds(5), MaxAge = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<int, Slot> _years = new();

    /// <summary>The year's figures: the last computed, or (the very first time) the first computation awaited.</summary>
    public Task<YearFigures> GetAsync(int year)
    {
        var slot = _years.GetOrAdd(year, y => new Slot(InBackground(y)));
        lock (slot)
        {
            var current = slot.Figures;
            if (current.IsFaulted && slot.Refresh is null)
            {
                slot.Figures = current = InBackground(year);   // a failed computation is not kept
            }
            else if (current.IsCompletedSuccessfully && slot.Refresh is null && Stale(current.Result))
            {
                slot.Refresh = RefreshAsync(year, slot);
            }
            return current;
        }
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

    private bool Stale(YearFigures f)
    {
        var age = clock.GetUtcNow() - f.ComputedAt;
        return age >= MaxAge || (age >= MinAge && ledger.Commits != f.Commits);
    }

    private async Task RefreshAsync(int year, Slot slot)
    {
        try
        {
            var fresh = await InBackground(year);
            lock (slot)
            {
                slot.Figures = Task.FromResult(fresh);
            }
        }
        catch (Exception e)
        {
            log.LogWarning(e, "dashboard figures of {Year} could not be refreshed; the previous ones are kept", year);
        }
        finally
        {
            lock (slot)
            {
                slot.Refresh = null;
            }
        }
    }

    /// <summary>
    /// Computes on a thread of its own: the bulk reads block (SQLite's async calls complete synchronously) for hundreds of
    /// milliseconds, and holding a pool thread that long on a two-core machine starves the requests being served.
    /// </summary>
    private Task<YearFigures> InBackground(int year) =>
        Task.Factory.StartNew(() => ComputeAsync(year), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    private async Task<YearFigures> ComputeAsync(int year)
    {
        var commits = ledger.Commits;
        var at = clock.GetUtcNow();
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
        return new YearFigures(year, report, firms.OrderByDescending(f => f.EquivalentTce).ToList(), at, commits);
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

    private sealed class Slot(Task<YearFigures> figures)
    {
        public Task<YearFigures> Figures { get; set; } = figures;

        public Task? Refresh { get; set; }
    }
}

/// <summary>A year's district-wide figures: the plan's targets, every firm that filed (largest 等价值 energy first), when computed.</summary>
public sealed record YearFigures(int Year, TargetsResponse? Targets, IReadOnlyList<FirmFigures> Firms, DateTimeOffset ComputedAt, long Commits)
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
/// computes the dashboard's figures of every year it offers (last year, its default, first), so that no visitor waits.
/// </summary>
public sealed class DashboardWarmup(IHostApplicationLifetime lifetime, DashboardFigures figures, Configuration.ReportingClock clock,
    IGrainFactory grains, RegistryReads registry, ILogger<DashboardWarmup> log) : IHostedService
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
            await figures.WarmAsync(Enumerable.Range(2021, clock.Today.Year - 2020).OrderBy(y => y == last ? 0 : 1).ThenByDescending(y => y), stopping);
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
