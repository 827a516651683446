using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Orleans.Storage;

namespace Carbon.Server.Grains;

/// <summary>
/// A grain is the single writer of its records and keeps them in memory; a write the ledger refuses means that picture
/// may be wrong. The one known way: a silo declared dead while it still ran (cut off, not stopped) commits a firm's month
/// after the firm's grain has activated elsewhere from the ledger; the new activation's next revision number then breaks
/// the unique key. Orleans deactivates a grain whose call throws <see cref="InconsistentStateException"/>, so the next call
/// rebuilds from the ledger and sees the landed write; the caller is told to retry (503), never given a 500.
/// </summary>
internal static class LedgerWrites
{
    public static async Task OrReloadAsync(this Task write, string grain)
    {
        try
        {
            await write;
        }
        catch (Exception e) when (e is DbException or DbUpdateException)
        {
            throw new InconsistentStateException(
                $"台账拒绝了 {grain} 的写入，将从台账重新载入 (the ledger refused a write of {grain}: {e.GetBaseException().Message}; it reloads from the ledger)", e);
        }
    }
}
