using Carbon.Domain.Access;
using Carbon.Domain.Registry;
using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Ledger;

/// <summary>A filing's current revision with the park of its enterprise.</summary>
public sealed record CurrentFiling(string? ParkCode, FilingRecord Filing);

/// <summary>An enterprise's identity and every revision of its profile, oldest first (the last is current).</summary>
public sealed record EnterpriseHistory(EnterpriseRecord Identity, IReadOnlyList<EnterpriseRevisionRecord> Revisions)
{
    public EnterpriseRevisionRecord Current => Revisions[^1];
}

/// <summary>The registry's read side (parks, enterprises, filings): what their grains rebuild from. Each read is its own short context.</summary>
public sealed class RegistryReads(ILedgerContextFactory contexts)
{
    /// <summary>The USCCs that filed a month (any revision).</summary>
    public async Task<HashSet<string>> LoadFiledAsync(int year, int month)
    {
        await using var db = contexts.Create();
        return (await db.Filings.AsNoTracking().Where(f => f.Year == year && f.Month == month).Select(f => f.Uscc).Distinct().ToListAsync())
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Every registered park, in code order.</summary>
    public async Task<List<ParkRecord>> LoadParksAsync()
    {
        await using var db = contexts.Create();
        return await db.Parks.AsNoTracking().OrderBy(p => p.Code).ToListAsync();
    }

    public async Task<ParkRecord?> FindParkAsync(string code)
    {
        await using var db = contexts.Create();
        return await db.Parks.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code);
    }

    public async Task<EnterpriseHistory?> FindEnterpriseAsync(string uscc)
    {
        await using var db = contexts.Create();
        var identity = await db.Enterprises.AsNoTracking().FirstOrDefaultAsync(e => e.Uscc == uscc);
        if (identity is null)
        {
            return null;
        }
        var revisions = await db.EnterpriseRevisions.AsNoTracking().Where(r => r.Uscc == uscc).OrderBy(r => r.Revision).ToListAsync();
        return new EnterpriseHistory(identity, revisions);
    }

    public async Task<int> CountEnterprisesAsync()
    {
        await using var db = contexts.Create();
        return await db.Enterprises.CountAsync();
    }

    /// <summary>Every revision of every month of one enterprise, with energy and product lines, oldest first.</summary>
    public async Task<List<FilingRecord>> LoadFilingsAsync(string uscc)
    {
        await using var db = contexts.Create();
        return await db.Filings.AsNoTracking()
            .Where(f => f.Uscc == uscc)
            .Include(f => f.Energy)
            .Include(f => f.Products)
            .OrderBy(f => f.Year).ThenBy(f => f.Month).ThenBy(f => f.Revision)
            .AsSplitQuery()
            .ToListAsync();
    }

    /// <summary>One revision of one month with its energy and product lines, or null.</summary>
    public async Task<FilingRecord?> LoadFilingAsync(string uscc, int year, int month, int revision)
    {
        await using var db = contexts.Create();
        return await db.Filings.AsNoTracking()
            .Where(f => f.Uscc == uscc && f.Year == year && f.Month == month && f.Revision == revision)
            .Include(f => f.Energy)
            .Include(f => f.Products)
            .AsSplitQuery()
            .FirstOrDefaultAsync();
    }

    /// <summary>The highest filing id of a year and how many revisions of the year the ledger holds up to it (0, 0 when none).</summary>
    public async Task<(long LastId, long Count)> YearMarkAsync(int year)
    {
        await using var db = contexts.Create();
        var last = await db.Filings.Where(f => f.Year == year).Select(f => (long?)f.Id).MaxAsync() ?? 0;
        return (last, await db.Filings.LongCountAsync(f => f.Year == year && f.Id <= last));
    }

    /// <summary>How many revisions of a year the ledger holds with an id up to <paramref name="lastId"/>.</summary>
    public async Task<long> CountYearFilingsAsync(int year, long lastId)
    {
        await using var db = contexts.Create();
        return await db.Filings.LongCountAsync(f => f.Year == year && f.Id <= lastId);
    }

    /// <summary>
    /// Every revision of a year's months written after <paramref name="afterId"/>, with energy and product lines, in id order:
    /// what a cache of derived figures that has read the ledger up to that id still has to take in.
    /// </summary>
    public async Task<List<FilingRecord>> LoadYearFilingsAfterAsync(int year, long afterId)
    {
        await using var db = contexts.Create();
        var filings = await db.Filings.AsNoTracking().Where(f => f.Year == year && f.Id > afterId).OrderBy(f => f.Id).ToListAsync();
        if (filings.Count == 0)
        {
            return filings;
        }
        var byId = filings.ToDictionary(f => f.Id);
        // Only this year's lines: ids of other years interleave (and a year first filed now has afterId 0).
        var first = filings[0].Id;
        var ofYear = db.Filings.Where(f => f.Year == year && f.Id >= first).Select(f => f.Id);
        await foreach (var line in db.FilingEnergy.AsNoTracking().Where(l => l.FilingId >= first && ofYear.Contains(l.FilingId)).AsAsyncEnumerable())
        {
            byId.GetValueOrDefault(line.FilingId)?.Energy.Add(line);
        }
        await foreach (var product in db.FilingProducts.AsNoTracking().Where(p => p.FilingId >= first && ofYear.Contains(p.FilingId)).AsAsyncEnumerable())
        {
            byId.GetValueOrDefault(product.FilingId)?.Products.Add(product);
        }
        return filings;
    }

    /// <summary>The current profile of each member of a park; <c>null</c> means the enterprises outside every park.</summary>
    public async Task<List<EnterpriseRevisionRecord>> LoadMembersAsync(string? parkCode)
    {
        await using var db = contexts.Create();
        var revisions = await db.EnterpriseRevisions.AsNoTracking()
            .Where(r => db.Enterprises.Any(e => e.Uscc == r.Uscc && e.ParkCode == parkCode))
            .ToListAsync();
        return CurrentProfiles(revisions);
    }

    /// <summary>Every enterprise's identity with its current profile, by USCC.</summary>
    public async Task<List<(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile)>> LoadRegistryAsync()
    {
        await using var db = contexts.Create();
        var identities = await db.Enterprises.AsNoTracking().ToDictionaryAsync(e => e.Uscc);
        return CurrentProfiles(await db.EnterpriseRevisions.AsNoTracking().ToListAsync()).Select(r => (identities[r.Uscc], r)).ToList();
    }

    /// <summary>The registry as far as <paramref name="caller"/> may see it: the one scope rule of every list of firms.</summary>
    public async Task<List<(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile)>> LoadVisibleAsync(Caller caller) =>
        (await LoadRegistryAsync()).Where(r => caller.CanRead(Uscc.Parse(r.Identity.Uscc), r.Identity.ParkCode)).ToList();

    private static List<EnterpriseRevisionRecord> CurrentProfiles(IEnumerable<EnterpriseRevisionRecord> revisions) =>
        CurrentRevisions<string, EnterpriseRevisionRecord>.Of(revisions, r => r.Uscc, r => r.Revision)
            .OrderBy(r => r.Uscc, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The current revision of every month filed by the enterprises in scope: one park, the enterprises outside parks
    /// (<paramref name="allParks"/> false and <paramref name="parkCode"/> null), or everyone (<paramref name="allParks"/> true),
    /// optionally for one year, with energy and product lines. Flat queries joined in memory: a wide join that repeats
    /// every filing column on each line, sorted, was the slow part of a district-wide read.
    /// </summary>
    public async Task<List<CurrentFiling>> LoadCurrentFilingsAsync(string? parkCode, bool allParks, int? year = null)
    {
        await using var db = contexts.Create();
        var scope = allParks
            ? db.Enterprises.AsNoTracking()
            : db.Enterprises.AsNoTracking().Where(e => e.ParkCode == parkCode);
        var filings = year is { } y ? db.Filings.AsNoTracking().Where(f => f.Year == y) : db.Filings.AsNoTracking();
        var inScope = from f in filings join e in scope on f.Uscc equals e.Uscc select new { e.ParkCode, Filing = f };

        var current = new CurrentRevisions<(string, int, int), CurrentFiling>(c => (c.Filing.Uscc, c.Filing.Year, c.Filing.Month), c => c.Filing.Revision);
        await foreach (var row in inScope.AsAsyncEnumerable())
        {
            current.Offer(new CurrentFiling(row.ParkCode, row.Filing));
        }
        var byId = current.Rows.ToDictionary(c => c.Filing.Id);
        var lines = from l in db.FilingEnergy.AsNoTracking() join f in inScope on l.FilingId equals f.Filing.Id select l;
        await foreach (var line in lines.AsAsyncEnumerable())
        {
            if (byId.TryGetValue(line.FilingId, out var filing))
            {
                filing.Filing.Energy.Add(line);
            }
        }
        var products = from p in db.FilingProducts.AsNoTracking() join f in inScope on p.FilingId equals f.Filing.Id select p;
        await foreach (var product in products.AsAsyncEnumerable())
        {
            if (byId.TryGetValue(product.FilingId, out var filing))
            {
                filing.Filing.Products.Add(product);
            }
        }
        return current.Rows.OrderBy(c => c.Filing.Uscc, StringComparer.Ordinal).ThenBy(c => c.Filing.Year).ThenBy(c => c.Filing.Month).ToList();
    }
}
