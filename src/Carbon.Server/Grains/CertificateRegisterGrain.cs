using System.Globalization;
using Carbon.Domain.Certificates;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("certificate-register")]
public sealed class CertificateRegisterGrain(CertificateReads reader, LedgerWriter writer, TimeProvider clock) : Grain, ICertificateRegisterGrain
{
    private readonly Dictionary<(string Prefix, int Year), int> _last = [];
    private readonly HashSet<string> _revoked = new(StringComparer.Ordinal);
    private readonly HashSet<string> _numbers = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        foreach (var number in await reader.NumbersAsync())
        {
            _numbers.Add(number);
            var parts = number.Split('-');
            var key = (parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture));
            _last[key] = Math.Max(_last.GetValueOrDefault(key), int.Parse(parts[2], CultureInfo.InvariantCulture));
        }
        _revoked.UnionWith(await reader.RevokedNumbersAsync());
    }

    Task<string> ICertificateRegisterGrain.ReserveAsync(CertificateKind kind, int year)
    {
        var key = (kind.Prefix(), year);
        var next = _last.GetValueOrDefault(key) + 1;
        _last[key] = next;
        return Task.FromResult(string.Create(CultureInfo.InvariantCulture, $"{key.Item1}-{year}-{next:D6}"));
    }

    async Task ICertificateRegisterGrain.RecordAsync(CertificateEntry e)
    {
        await writer.WriteAsync(db =>
        {
            db.Certificates.Add(new CertificateRecord
            {
                Number = e.Number, Kind = e.Kind.Token(), Uscc = e.Uscc.Value, Year = e.Year, SourceId = e.SourceId, BatchId = e.BatchId,
                IssuedAt = e.IssuedAt, ValidUntil = e.ValidUntil, IssuedBy = e.IssuedBy, Sha256 = e.Sha256, Signature = e.Signature,
                DataJson = e.DataJson, Pdf = e.Pdf,
            });
            db.AuditEvents.Add(new AuditEventRecord
            {
                At = e.IssuedAt, Actor = e.IssuedBy, Action = "certificate.issued", Subject = e.Number, Detail = $"{e.Kind.Token()} {e.Uscc} {e.Year} sha256 {e.Sha256}",
            });
        });
        _numbers.Add(e.Number);
    }

    async Task<RevokeOutcome> ICertificateRegisterGrain.RevokeAsync(string number, string reason, string actor)
    {
        if (!_numbers.Contains(number))
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
        _revoked.Add(number);
        return new RevokeOutcome(RevokeStatus.Revoked, now, reason);
    }
}
