using System.Data;
using Carbon.Server.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Carbon.Server.Ledger;

/// <summary>
/// One kind of record of a year's archive (年度归档): the file it goes to, what it holds (中文 English), and its rows, read
/// one at a time. Rows are the ledger's records as stored (all revisions, every step), with file contents left out.
/// </summary>
public sealed record ArchiveTable(string File, string Description, IAsyncEnumerable<object> Rows);

/// <summary>A stored file of the archive (a certificate's PDF, an evidence file), by its path inside the archive.</summary>
public sealed record ArchiveBlob(string File, byte[] Content);

/// <summary>
/// The read side of the yearly archive: a snapshot of the ledger in one read transaction, so every file of an archive
/// shows the ledger at one instant. It never blocks a filing: on SQLite (WAL) a deferred read transaction takes no write
/// lock, on PostgreSQL REPEATABLE READ is a snapshot; rows are read untracked and streamed, never loaded whole.
/// </summary>
public sealed class ArchiveReads(ILedgerContextFactory contexts)
{
    /// <summary>Opens a snapshot of the ledger for <paramref name="year"/>; dispose it when the archive is written.</summary>
    public async Task<ArchiveSnapshot> OpenAsync(int year, CancellationToken cancel)
    {
        var db = contexts.Create();
        try
        {
            await db.Database.OpenConnectionAsync(cancel);
            SqliteTransaction? own = null;
            if (db.Database.GetDbConnection() is SqliteConnection sqlite)
            {
                // BEGIN DEFERRED: a reader in WAL mode; BeginTransaction() would be BEGIN IMMEDIATE and hold the write lock.
                own = sqlite.BeginTransaction(deferred: true);
                await db.Database.UseTransactionAsync(own, cancel);
            }
            else
            {
                await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancel);
            }
            return new ArchiveSnapshot(db, own, year);
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}

/// <summary>A year of the ledger as it stood when the snapshot was opened.</summary>
public sealed class ArchiveSnapshot : IAsyncDisposable
{
    private readonly LedgerDbContext _db;
    private readonly SqliteTransaction? _sqlite;
    private readonly int _year;

    internal ArchiveSnapshot(LedgerDbContext db, SqliteTransaction? sqlite, int year) => (_db, _sqlite, _year) = (db, sqlite, year);

    /// <summary>The year's records, kind by kind, in the order the archive lists them.</summary>
    public IReadOnlyList<ArchiveTable> Tables()
    {
        var (db, year) = (_db, _year);
        return
        [
            new("filings.jsonl", "月度填报，每一版（含能源与产品明细）Monthly filings, every revision, with their energy and product lines",
                Rows(db.Filings.AsNoTracking().AsSingleQuery().Include(f => f.Energy.OrderBy(l => l.Line)).Include(f => f.Products.OrderBy(l => l.Line))
                    .Where(f => f.Year == year).OrderBy(f => f.Uscc).ThenBy(f => f.Month).ThenBy(f => f.Revision))),
            new("form-2051-lines.jsonl", "205-1表导入的原始行 Rows of the imported 205-1 forms behind the filings",
                Rows(db.Form2051Lines.AsNoTracking().Where(l => l.Year == year).OrderBy(l => l.Id))),
            new("evaluations.jsonl", "亩均评价记录，含办法全文与每家企业的输入 Evaluation runs with the method text and every firm's inputs",
                Rows(db.EvaluationRuns.AsNoTracking().AsSingleQuery().Include(r => r.Inputs.OrderBy(i => i.Uscc))
                    .Where(r => r.Year == year).OrderBy(r => r.Id))),
            new("certificates.jsonl", "证书登记（含签名、出证数据与吊销；PDF 见 certificates/）The certificate register with signatures, data and revocations (PDFs in certificates/)",
                Rows(db.Certificates.AsNoTracking().Where(c => c.Year == year).OrderBy(c => c.Number).Select(c => new
                {
                    c.Number, c.Kind, c.Uscc, c.Year, c.SourceId, c.BatchId, c.IssuedAt, c.ValidUntil, c.IssuedBy, c.Sha256, c.Signature, c.DataJson,
                    File = "certificates/" + c.Number + ".pdf",
                    Revocation = db.CertificateRevocations.FirstOrDefault(r => r.Number == c.Number),
                }))),
            new("supervision-plans.jsonl", "节能监察计划（含双随机抽取的输入）Supervision plans with the inputs of each draw",
                Rows(db.SupervisionPlans.AsNoTracking().Where(p => p.Year == year).OrderBy(p => p.Id))),
            new("supervision-cases.jsonl", "节能监察案件及其每一步（通知、检查、发现问题、陈述、整改、复查、移送）Supervision cases with every step: notices, inspections, findings, statements, rectification, re-inspection, referral",
                Rows(db.SupervisionCases.AsNoTracking().AsSingleQuery().Include(c => c.Steps.OrderBy(s => s.Id))
                    .Where(c => c.Year == year).OrderBy(c => c.Id))),
            new("supervision-evidence.jsonl", "监察证据文件目录（文件见 supervision-evidence/）The supervision cases' evidence files (contents in supervision-evidence/)",
                Rows(db.SupervisionEvidence.AsNoTracking().Where(e => db.SupervisionCases.Any(c => c.Id == e.CaseId && c.Year == year))
                    .OrderBy(e => e.CaseId).ThenBy(e => e.Sha256).Select(e => new
                    {
                        e.Sha256, e.CaseId, e.FileName, e.ContentType, Length = e.Content.Length, e.UploadedAt, e.UploadedBy,
                        File = "supervision-evidence/" + e.Sha256,
                    }))),
            new("rectification-cases.jsonl", "与本年度监察案件关联的两小整治案件及其步骤 Rectification cases linked to the year's supervision cases, with their steps",
                Rows(db.RectificationCases.AsNoTracking().Where(r => db.SupervisionCases.Any(c => c.Id == r.SupervisionCaseId && c.Year == year))
                    .OrderBy(r => r.Id).Select(r => new
                    {
                        Case = r,
                        Steps = db.RectificationSteps.Where(s => s.CaseId == r.Id).OrderBy(s => s.Id).ToList(),
                    }))),
            new("green-factory-applications.jsonl", "绿色工厂申报及其每一步 Green-factory applications with every step",
                Rows(db.GreenFactoryApplications.AsNoTracking().AsSingleQuery().Include(a => a.Events.OrderBy(e => e.Id))
                    .Where(a => a.Year == year).OrderBy(a => a.Id))),
            new("energy-budgets.jsonl", "用能预算（每次设定）Energy budgets, every setting", Rows(db.EnergyBudgets.AsNoTracking().Where(b => b.Year == year).OrderBy(b => b.Id))),
            new("energy-reports.jsonl", "能源利用状况报告的报送记录 Annual energy-use reports as recorded", Rows(db.EnergyReports.AsNoTracking().Where(r => r.Year == year).OrderBy(r => r.Id))),
            new("grid-electricity.jsonl", "供电公司售电量（每次上传）The grid company's metered sales, every upload", Rows(db.GridElectricity.AsNoTracking().Where(g => g.Year == year).OrderBy(g => g.Id))),
            new("alert-notes.jsonl", "预警的说明与确认 Explanations and acknowledgements of alerts", Rows(db.AlertNotes.AsNoTracking().Where(n => n.Year == year).OrderBy(n => n.Id))),
            new("audit-events.jsonl", "审计日志：本年内（北京时间）发生的每一事件 The audit trail: every event of the year (China Standard Time)", AuditEvents()),
        ];
    }

    /// <summary>The certificates' PDFs, then the supervision cases' evidence files, one row in memory at a time.</summary>
    public async IAsyncEnumerable<ArchiveBlob> BlobsAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel = default)
    {
        var (db, year) = (_db, _year);
        await foreach (var c in db.Certificates.AsNoTracking().Where(c => c.Year == year).OrderBy(c => c.Number)
                           .Select(c => new { c.Number, c.Pdf }).AsAsyncEnumerable().WithCancellation(cancel))
        {
            yield return new ArchiveBlob($"certificates/{c.Number}.pdf", c.Pdf);
        }
        await foreach (var e in db.SupervisionEvidence.AsNoTracking().Where(e => db.SupervisionCases.Any(c => c.Id == e.CaseId && c.Year == year))
                           .OrderBy(e => e.CaseId).ThenBy(e => e.Sha256).Select(e => new { e.Sha256, e.Content }).AsAsyncEnumerable().WithCancellation(cancel))
        {
            yield return new ArchiveBlob($"supervision-evidence/{e.Sha256}", e.Content);
        }
    }

    /// <summary>
    /// Audit events have no year of their own: those whose instant falls in the year in Zhejiang. Read in id order and
    /// picked here, as SQLite cannot compare instants with offsets.
    /// </summary>
    private async IAsyncEnumerable<object> AuditEvents()
    {
        var (from, to) = (new DateTimeOffset(_year, 1, 1, 0, 0, 0, ReportingClock.Offset), new DateTimeOffset(_year + 1, 1, 1, 0, 0, 0, ReportingClock.Offset));
        await foreach (var e in _db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable())
        {
            if (e.At >= from && e.At < to)
            {
                yield return e;
            }
        }
    }

    private static async IAsyncEnumerable<object> Rows<T>(IQueryable<T> query) where T : notnull
    {
        await foreach (var row in query.AsAsyncEnumerable())
        {
            yield return row;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_db.Database.CurrentTransaction is { } tx)
        {
            await tx.RollbackAsync();   // it only read
        }
        if (_sqlite is not null)
        {
            await _sqlite.DisposeAsync();
        }
        await _db.DisposeAsync();
    }
}
