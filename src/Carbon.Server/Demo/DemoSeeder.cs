using Carbon.Server.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Demo;

/// <summary>
/// Seeds <see cref="DemoDistrict"/> into an empty ledger, once, before the silo starts (so no grain is active and
/// every grain later rebuilds from these rows), through the <see cref="LedgerWriter"/> as one transaction. A ledger
/// that holds anything is left alone.
/// </summary>
public sealed class DemoSeeder(ILedgerContextFactory contexts, LedgerWriter writer, ILogger<DemoSeeder> log)
{
    private const int ChunkSize = 2_000;

    public async Task<bool> SeedAsync(CancellationToken cancellationToken = default)
    {
        await using (var check = contexts.Create())
        {
            if (await check.Parks.AnyAsync(cancellationToken) || await check.Enterprises.AnyAsync(cancellationToken))
            {
                log.LogWarning("--demo: the ledger already holds data; nothing seeded");
                return false;
            }
        }
        var started = DateTime.UtcNow;
        var district = DemoDistrict.Generate().ToList();
        var filings = district.SelectMany(d => d.Filings).ToList();
        var steps = new List<Action<LedgerDbContext>>
        {
            db =>
            {
                db.Parks.AddRange(DemoDistrict.Parks);
                db.Enterprises.AddRange(district.Select(d => d.Identity));
                db.EnterpriseRevisions.AddRange(district.Select(d => d.Profile));
                db.AuditEvents.Add(new AuditEventRecord
                {
                    At = DateTimeOffset.UtcNow, Actor = DemoDistrict.Actor, Action = "demo.seeded", Subject = "district",
                    Detail = $"{DemoDistrict.Parks.Length} parks, {district.Count} enterprises, {DemoDistrict.First}..{DemoDistrict.Last}",
                });
            },
        };
        steps.AddRange(filings.Chunk(ChunkSize).Select(chunk => (Action<LedgerDbContext>)(db => db.Filings.AddRange(chunk))));
        await writer.WriteInStepsAsync(steps);
        log.LogInformation("--demo: seeded {Parks} parks, {Enterprises} enterprises and {Filings} filing revisions in {Seconds:F1} s",
            DemoDistrict.Parks.Length, district.Count, filings.Count, (DateTime.UtcNow - started).TotalSeconds);
        return true;
    }
}
