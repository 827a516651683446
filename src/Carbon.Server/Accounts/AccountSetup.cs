using System.Security.Cryptography;
using Carbon.Server.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Accounts;

/// <summary>
/// First start stays one command: on a ledger without accounts the service makes a one-time setup code, keeps only its
/// hash, and prints it; <c>POST /api/setup</c> with it creates the first district official and the code is spent. A
/// restart before setup replaces the code (the old one can no longer be read back to print).
/// </summary>
public static class AccountSetup
{
    /// <summary>A new code when the ledger has no account yet, else null.</summary>
    public static async Task<string?> EnsureCodeAsync(LedgerDbContext db, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        if (await db.Users.AnyAsync(cancellationToken))
        {
            return null;
        }
        var now = clock.GetUtcNow();
        foreach (var old in await db.SetupCodes.Where(c => c.UsedAt == null).ToListAsync(cancellationToken))
        {
            old.UsedAt = now;   // superseded
        }
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var code = string.Join('-', Enumerable.Range(0, 3).Select(_ =>
            new string(Enumerable.Range(0, 4).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray())));
        db.SetupCodes.Add(new SetupCodeRecord { Hash = AccountDirectory.Hash(code), CreatedAt = now });
        await db.SaveChangesAsync(cancellationToken);
        return code;
    }
}
