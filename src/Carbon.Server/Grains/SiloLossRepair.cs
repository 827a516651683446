using Carbon.Server.Ledger;
using Orleans.Runtime;

namespace Carbon.Server.Grains;

/// <summary>
/// When a silo of the cluster is declared dead, the park and district sums are rebuilt from the ledger. Enterprise
/// grains send their parks one-way updates after each ledger write (decision 0004); a silo killed between its write and
/// the send, or holding the district feed's pending batch, leaves an update undelivered. Grains that lived on the dead
/// silo rebuild on their next activation anyway; the ones that survived elsewhere are told to rebuild here. Every
/// surviving silo does it: rebuilding is idempotent, and the ledger is the truth. It is done twice: at once, and again
/// <see cref="Settle"/> later, for a silo declared dead while still running (cut off, not stopped), whose last ledger
/// commit can land after the declaration, until it learns of its own death and stops.
/// </summary>
public sealed class SiloLossRepair(
    IClusterMembershipService membership, ILocalSiloDetails local, IGrainFactory grains, RegistryReads registry, ILogger<SiloLossRepair> log)
    : BackgroundService
{
    /// <summary>How long after a silo's death its last in-flight ledger commit may still land.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Silos already repaired for. A dead silo not in it triggers a repair, whether this silo saw it alive or not (it
        // may have joined and died between two snapshots). The dead of the first snapshot are taken as repaired: this
        // silo's grains are all activated after them, from the ledger, and the silos that outlived them repaired theirs.
        var repaired = new HashSet<SiloAddress>();
        var first = true;
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                // This silo's own death (its shutdown, or its being declared dead) is not a loss it can repair: it is going.
                var died = snapshot.Members.Values
                    .Where(m => m.Status == SiloStatus.Dead && !m.SiloAddress.Equals(local.SiloAddress) && repaired.Add(m.SiloAddress))
                    .Select(m => m.SiloAddress).ToList();
                if (first)
                {
                    first = false;
                    continue;
                }
                if (died.Count > 0 && !stoppingToken.IsCancellationRequested)
                {
                    log.LogWarning("Silo {Silos} left the cluster; park and district sums are rebuilt from the ledger", string.Join(", ", died));
                    await RepairAsync();
                    _ = Task.Delay(Settle, stoppingToken).ContinueWith(_ => RepairAsync(), TaskContinuationOptions.OnlyOnRanToCompletion);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Every park (and the enterprises outside parks), then the district, drop their sums and rebuild on the next call.</summary>
    public async Task RepairAsync()
    {
        try
        {
            var parks = (await registry.LoadParksAsync()).Select(p => p.Code).Append(ParkKeys.Unparked);
            await Task.WhenAll(parks.Select(code => grains.GetGrain<IParkGrain>(code).RebuildAsync()));
            await grains.GetGrain<IDistrictGrain>(DistrictKeys.District).RebuildAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Rebuilding the park and district sums after a silo loss failed; they rebuild when next activated");
        }
    }
}
