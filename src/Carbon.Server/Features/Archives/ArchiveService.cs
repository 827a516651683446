using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Carbon.Server.Certificates;
using Carbon.Server.Ledger;

namespace Carbon.Server.Features.Archives;

/// <summary>
/// Writes a year's signed archive (年度归档) as a zip straight to a stream — no temporary file: each entry is hashed as it
/// is written, manifest.json lists them all, and manifest.sig is the certificate signing key's signature over it. The
/// ledger is read from one snapshot (<see cref="ArchiveReads"/>), so filings go on while an archive is written.
/// </summary>
public sealed class ArchiveService(ArchiveReads reads, CertificateSigner signer, ILedgerContextFactory contexts, TimeProvider time)
{
    public const string ContentType = "application/zip";

    public static string FileName(int year) => $"carbon-archive-{year}.zip";

    /// <summary>Writes the archive of <paramref name="year"/> to <paramref name="output"/> and records archive.exported; the manifest.</summary>
    public async Task<ArchiveManifest> WriteAsync(Stream output, int year, string actor, CancellationToken cancel)
    {
        var createdAt = time.GetUtcNow();
        var files = new List<ArchiveFile>();
        // The zip writes some bytes synchronously (an entry's last deflate block, the central directory); the response takes
        // only asynchronous writes: those wait in this buffer, which is passed on after each entry and at the end.
        await using var buffer = new AsyncOutput(output);
        await using var snapshot = await reads.OpenAsync(year, cancel);
        var zip = await ZipArchive.CreateAsync(buffer, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8, cancel);
        try
        {
            async Task<ArchiveFile> Entry(string name, Func<Stream, Task<long?>> write)
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = createdAt;
                ArchiveFile file;
                await using (var stream = await entry.OpenAsync(cancel))
                {
                    using var hashing = new HashingStream(stream);
                    var records = await write(hashing);
                    await hashing.DrainAsync(cancel);
                    file = new ArchiveFile(name, hashing.Written, hashing.Sha256(), records);
                }
                await buffer.DrainAsync(cancel);
                return file;
            }
            Task<ArchiveFile> Bytes(string name, byte[] content) => Entry(name, async s =>
            {
                await s.WriteAsync(content, cancel);
                return null;
            });

            var tables = snapshot.Tables();
            var readme = ArchiveReadme.Text(year, createdAt.ToOffset(Configuration.ReportingClock.Offset), actor, signer.Fingerprint,
                tables.Select(t => (t.File, t.Description)));
            files.Add(await Bytes(ArchiveManifest.ReadmeFile, Encoding.UTF8.GetBytes(readme)));
            files.Add(await Bytes(ArchiveManifest.PublicKeyFile, Encoding.ASCII.GetBytes(signer.PublicKeyPem)));
            foreach (var table in tables)
            {
                files.Add(await Entry(table.File, async s =>
                {
                    long records = 0;
                    await foreach (var row in table.Rows.WithCancellation(cancel))
                    {
                        await JsonSerializer.SerializeAsync(s, row, row.GetType(), ArchiveManifest.Lines, cancel);
                        s.WriteByte((byte)'\n');
                        records++;
                    }
                    return records;
                }));
            }
            await foreach (var blob in snapshot.BlobsAsync(cancel))
            {
                files.Add(await Bytes(blob.File, blob.Content));
            }
            var manifest = new ArchiveManifest(ArchiveManifest.CurrentFormat, year, createdAt, actor, signer.Fingerprint, ArchiveManifest.Algorithm, files);
            var bytes = manifest.ToBytes();
            await Bytes(ArchiveManifest.FileName, bytes);
            await Bytes(ArchiveManifest.SignatureFile, Convert.FromBase64String(signer.Sign(bytes)));
            await zip.DisposeAsync();   // the central directory, into the buffer
            await buffer.DrainAsync(cancel);
            await RecordAsync(year, actor, createdAt, bytes);
            return manifest;
        }
        finally
        {
            await zip.DisposeAsync();   // after an error; a second time does nothing
        }
    }

    /// <summary>archive.exported: who took the year out, when, and the manifest's SHA-256 (which names every file's).</summary>
    private async Task RecordAsync(int year, string actor, DateTimeOffset at, byte[] manifest)
    {
        await using var db = contexts.Create();
        db.AuditEvents.Add(new AuditEventRecord
        {
            At = at, Actor = actor, Action = "archive.exported", Subject = $"archive-{year}",
            Detail = $"manifest sha256 {CertificateSigner.Sha256(manifest)}, key {signer.Fingerprint[..16]}",
        });
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>Takes synchronous writes into memory and passes everything on asynchronously, in blocks or when drained.</summary>
    private sealed class AsyncOutput(Stream inner) : Stream
    {
        private readonly MemoryStream _pending = new();
        private const int Block = 64 * 1024;

        public async Task DrainAsync(CancellationToken cancel)
        {
            if (_pending.Length > 0)
            {
                await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancel);
                _pending.SetLength(0);
            }
        }

        public override void Write(byte[] buffer, int offset, int count) => _pending.Write(buffer, offset, count);

        public override void Write(ReadOnlySpan<byte> buffer) => _pending.Write(buffer);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _pending.Write(buffer.Span);
            if (_pending.Length >= Block)
            {
                await DrainAsync(cancellationToken);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Flush()
        {
            // drained by DrainAsync, never synchronously
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _pending.Dispose();
            }
            base.Dispose(disposing);
        }

        public override ValueTask DisposeAsync()
        {
            _pending.Dispose();
            GC.SuppressFinalize(this);
            return ValueTask.CompletedTask;
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>Passes writes on, counting the bytes and hashing them; small writes are gathered so the zip gets them in blocks.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly MemoryStream _pending = new();
        private const int Block = 64 * 1024;

        public long Written { get; private set; }

        public string Sha256() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            // Only ever small (the line ends): gathered, never written through synchronously.
            _hash.AppendData(buffer);
            Written += buffer.Length;
            _pending.Write(buffer);
        }

        public override void WriteByte(byte value) => Write([value]);

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _hash.AppendData(buffer.Span);
            Written += buffer.Length;
            _pending.Write(buffer.Span);
            if (_pending.Length >= Block)
            {
                await DrainAsync(cancellationToken);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        /// <summary>The serializer flushes after every record: the bytes wait until a block is full or the entry ends.</summary>
        public override Task FlushAsync(CancellationToken cancellationToken) =>
            _pending.Length >= Block ? DrainAsync(cancellationToken) : Task.CompletedTask;

        public async Task DrainAsync(CancellationToken cancellationToken)
        {
            if (_pending.Length > 0)
            {
                await inner.WriteAsync(_pending.GetBuffer().AsMemory(0, (int)_pending.Length), cancellationToken);
                _pending.SetLength(0);
            }
        }

        public override void Flush()
        {
            // Nothing is written synchronously; FlushAsync passes the gathered bytes on.
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
                _pending.Dispose();
            }
            base.Dispose(disposing);
        }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
