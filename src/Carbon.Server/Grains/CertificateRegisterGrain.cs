using Carbon.Domain.Access;
using System.Globalization;
using Carbon.Domain.Certificates;
using Carbon.Domain.Registry;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("certificate-register")]
public sealed class CertificateRegisterGrain(CertificateReads reader, LedgerWriter writer, TimeProvider clock) : Grain, ICertificateRegisterGrain
{
    private readonly Dictionary<(string Prefix, int Year), int> _last = [];
    private readonly HashSet<string> _revoked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LiveKey> _keys = new(StringComparer.Ordinal);

    /// <summary>The live (issued, not revoked) certificates of each firm, kind and year: one, unless issued before the rule.</summary>
    private readonly Dictionary<LiveKey, SortedSet<string>> _live = [];

    /// <summary>Numbers reserved and not yet recorded, with what they are for and the reason they supersede the live one.</summary>
    private readonly Dictionary<string, (LiveKey Key, string? SupersedeReason)> _pending = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _revoked.UnionWith(await reader.RevokedNumbersAsync());
        foreach (var c in await reader.IdentitiesAsync())
        {
            var parts = c.Number.Split('-');
            var last = (parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture));
            _last[last] = Math.Max(_last.GetValueOrDefault(last), int.Parse(parts[2], CultureInfo.InvariantCulture));
            var key = LiveKey.Of(CertificateKinds.Parse(c.Kind), c.Uscc, c.Year, c.SourceId);
            _keys[c.Number] = key;
            if (!_revoked.Contains(c.Number))
            {
                Live(key).Add(c.Number);
            }
        }
    }

    Task<string?> ICertificateRegisterGrain.FindLiveAsync(CertificateKind kind, Uscc? uscc, int year, string? sourceId) =>
        Task.FromResult(_live.GetValueOrDefault(LiveKey.Of(kind, uscc?.Value, year, sourceId))?.Max);

    Task<ReserveOutcome> ICertificateRegisterGrain.ReserveAsync(CertificateReservation r)
    {
        GrainGuards.Reserve(r, clock);
        var key = LiveKey.Of(r.Kind, r.Uscc?.Value, r.Year, r.SourceId);
        if (_pending.Values.Any(p => p.Key == key))
        {
            return Task.FromResult(new ReserveOutcome(ReserveStatus.InProgress, null));
        }
        if (r.SupersedeReason is null && _live.GetValueOrDefault(key)?.Max is { } live)
        {
            return Task.FromResult(new ReserveOutcome(ReserveStatus.Existing, live));
        }
        var prefix = (r.Kind.Prefix(), r.Year);
        var next = _last.GetValueOrDefault(prefix) + 1;
        _last[prefix] = next;
        var number = string.Create(CultureInfo.InvariantCulture, $"{prefix.Item1}-{r.Year}-{next:D6}");
        _pending[number] = (key, r.SupersedeReason);
        return Task.FromResult(new ReserveOutcome(ReserveStatus.Reserved, number));
    }

    Task ICertificateRegisterGrain.ReleaseAsync(string number)
    {
        _pending.Remove(number);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Records the certificate; when its reservation superseded, the live one it replaces is revoked in the same
    /// transaction, its reason naming the successor.
    /// </summary>
    async Task ICertificateRegisterGrain.RecordAsync(CertificateEntry e)
    {
        GrainGuards.Record(e, _pending.ContainsKey(e.Number), clock);
        var key = LiveKey.Of(e.Kind, e.Uscc?.Value, e.Year, e.SourceId);
        var supersedeReason = _pending.Remove(e.Number, out var pending) ? pending.SupersedeReason : null;
        var superseded = supersedeReason is null ? [] : Live(key).ToArray();
        var revocations = superseded
            .Select(number => new CertificateRevocationRecord
            {
                Number = number, At = e.IssuedAt, Actor = e.IssuedBy, Reason = $"被 {e.Number} 取代 (superseded by {e.Number})：{supersedeReason}",
            })
            .ToList();
        await writer.WriteAsync(db =>
        {
            db.Certificates.Add(new CertificateRecord
            {
                Number = e.Number, Kind = e.Kind.Token(), Uscc = e.Uscc?.Value, Year = e.Year, SourceId = e.SourceId, BatchId = e.BatchId,
                IssuedAt = e.IssuedAt, ValidUntil = e.ValidUntil, IssuedBy = e.IssuedBy, Sha256 = e.Sha256, Signature = e.Signature,
                DataJson = e.DataJson, Pdf = e.Pdf,
            });
            db.AuditEvents.Add(new AuditEventRecord
            {
                At = e.IssuedAt, Actor = e.IssuedBy, Action = "certificate.issued", Subject = e.Number, Detail = $"{e.Kind.Token()} {e.Uscc?.Value ?? "district"} {e.Year} sha256 {e.Sha256}",
            });
            foreach (var r in revocations)
            {
                db.CertificateRevocations.Add(r);
                db.AuditEvents.Add(new AuditEventRecord { At = r.At, Actor = r.Actor, Action = "certificate.revoked", Subject = r.Number, Detail = r.Reason });
            }
        });
        _keys[e.Number] = key;
        foreach (var number in superseded)
        {
            Revoked(number);
        }
        Live(key).Add(e.Number);
    }

    async Task<RevokeOutcome> ICertificateRegisterGrain.RevokeAsync(string number, string reason, Caller caller)
    {
        GrainGuards.Revoke(number, reason, caller.Account);
        var actor = caller.Account;
        if (!caller.Administers || !_keys.ContainsKey(number))
        {
            return new RevokeOutcome(RevokeStatus.Unknown, null, null);
        }
        if (_revoked.Contains(number))
        {
            var existing = await reader.FindRevocationAsync(number);
            return new RevokeOutcome(RevokeStatus.AlreadyRevoked, existing?.At, existing?.Reason);
        }
        var now = clock.GetUtcNow();
        await writer.WriteAsync(db =>
        {
            db.CertificateRevocations.Add(new CertificateRevocationRecord { Number = number, At = now, Actor = actor, Reason = reason });
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = actor, Action = "certificate.revoked", Subject = number, Detail = reason });
        });
        Revoked(number);
        return new RevokeOutcome(RevokeStatus.Revoked, now, reason);
    }

    private SortedSet<string> Live(LiveKey key)
    {
        if (!_live.TryGetValue(key, out var numbers))
        {
            _live[key] = numbers = new SortedSet<string>(StringComparer.Ordinal);
        }
        return numbers;
    }

    private void Revoked(string number)
    {
        _revoked.Add(number);
        Live(_keys[number]).Remove(number);
    }

    /// <summary>
    /// One live certificate per firm, kind and year (亩均 notices: the evaluation's year; green factories: the
    /// application's); one supervision document per step of a case (its source, "case:step"); one district-wide
    /// report per year (no firm).
    /// </summary>
    private readonly record struct LiveKey(CertificateKind Kind, string? Uscc, int Year, string? Source)
    {
        public static LiveKey Of(CertificateKind kind, string? uscc, int year, string? source) =>
            new(kind, uscc, year, kind == CertificateKind.SupervisionDocument ? source : null);
    }
}
