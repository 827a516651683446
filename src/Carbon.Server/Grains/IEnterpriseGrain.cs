using Carbon.Domain.Access;
using Carbon.Domain.Accounting;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// One enterprise (企业), keyed by its USCC: the single writer of its registration and filings, and the in-memory
/// cache of its current figures, rebuilt from the ledger on activation. Every call names its <see cref="Caller"/>: a
/// caller outside the firm's scope is answered as if the firm were not registered.
/// </summary>
public interface IEnterpriseGrain : IGrainWithStringKey
{
    /// <summary>The registration and the months filed, or null if not registered (or not the caller's to see).</summary>
    [ReadOnly]
    Task<EnterpriseView?> GetAsync(Caller caller);

    /// <summary>Registers the enterprise once; a second registration changes nothing.</summary>
    Task<RegistrationStatus> RegisterAsync(EnterpriseProfile profile, Caller caller);

    /// <summary>Revises the profile (not the park); a change needs a reason, the same profile changes nothing.</summary>
    Task<ProfileOutcome> ReviseProfileAsync(EnterpriseProfile profile, string? reason, Caller caller);

    /// <summary>Writes the month's next revision to the ledger, then acknowledges, then tells the park.</summary>
    Task<FilingOutcome> FileAsync(FilingSubmission submission);

    /// <summary>Many months at once (an import), each decided as <see cref="FileAsync"/> would; those to write in one ledger write.</summary>
    Task<FilingOutcome[]> FileManyAsync(FilingSubmission[] submissions);

    /// <summary>A month's current revision (or revision <paramref name="revision"/>) and its history; null if there is none.</summary>
    [ReadOnly]
    Task<FilingView?> GetFilingAsync(YearMonth month, Caller caller, int? revision = null);

    /// <summary>The current filing of every month of a year that was filed, in month order.</summary>
    [ReadOnly]
    Task<MonthlyFiling[]> GetFilingsAsync(int year, Caller caller);

    /// <summary>Each month of a year (index 0 = January), null where nothing was filed; null if not registered.</summary>
    [ReadOnly]
    Task<ActivityTotals?[]?> GetMonthsAsync(int year, Caller caller);

    /// <summary>Summed activity of a period and its 2020 baseline, or null if not registered.</summary>
    [ReadOnly]
    Task<PeriodTotals?> GetTotalsAsync(PeriodQuery query, Caller caller);

    /// <summary>Each month filed and its current revision (the firm's own list of months), or null if not registered or not visible.</summary>
    [ReadOnly]
    Task<MonthRevision[]?> ListFilingsAsync(Caller caller);
}

public static class EnterpriseGrains
{
    /// <summary>The grain of an enterprise: its key is the USCC's 18 characters.</summary>
    public static IEnterpriseGrain Enterprise(this IGrainFactory grains, Uscc uscc) => grains.GetGrain<IEnterpriseGrain>(uscc.Value);
}
