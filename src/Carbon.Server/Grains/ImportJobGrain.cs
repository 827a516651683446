using Carbon.Domain.Access;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Carbon.Server.Telemetry;

namespace Carbon.Server.Grains;

[GrainType("import-job")]
public sealed class ImportJobGrain(IntakeReads reader, LedgerWriter writer, TimeProvider clock, ILogger<ImportJobGrain> log) : Grain, IImportJobGrain
{
    /// <summary>Firms committed at once: their ledger writes share transactions (group commit).</summary>
    private const int Parallel = 64;

    private ImportFileRecord? _file;
    private ImportCommit? _check;
    private ImportCommitRecord? _commit;
    private ImportState _state = ImportState.Checked;
    private int _done, _total, _created, _revised, _unchanged;
    private readonly List<string> _failed = [];
    private string? _committing;

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _file = await reader.FindFileAsync(Id);
        if (_file is not null && await reader.FindCommitAsync(Id) is { } commit)
        {
            Committed(commit);
        }
    }

    async Task<ImportJobView> IImportJobGrain.CreateAsync(ImportUpload upload, ImportCommit check, Caller caller)
    {
        GrainGuards.Import(Id, upload, caller.Account);
        if (_file is null)
        {
            var file = new ImportFileRecord
            {
                Id = Id, Kind = EnumTokens.Token(upload.Kind), FileName = upload.FileName, Sha256 = upload.Sha256, Length = upload.Content.Length,
                UploadedAt = clock.GetUtcNow(), UploadedBy = caller.Account, Content = upload.Content,
            };
            await writer.WriteAsync(db => db.ImportFiles.Add(file));
            _file = file;
            _check = check;
        }
        return View();
    }

    Task<ImportJobView?> IImportJobGrain.GetAsync(Caller caller) => Task.FromResult(Visible(caller) ? View() : null);

    Task IImportJobGrain.SetCheckAsync(ImportCommit check)
    {
        _check = check;
        return Task.CompletedTask;
    }

    Task<ImportJobView?> IImportJobGrain.CommitAsync(Caller caller)
    {
        if (!Visible(caller))
        {
            return Task.FromResult<ImportJobView?>(null);
        }
        if (_state == ImportState.Checked && _check is { } commit)
        {
            _state = ImportState.Committing;
            _committing = caller.Account;
            (_done, _created, _revised, _unchanged) = (0, 0, 0, 0);
            _failed.Clear();
            _total = commit.Firms.Sum(f => f.Months.Length);
            _ = RunAsync(commit, caller.Account);
        }
        return Task.FromResult<ImportJobView?>(View());
    }

    private bool Visible(Caller caller) => _file is not null && (caller.Administers || caller.Account == _file.UploadedBy);

    private ImportJobView View() => new(Id, _file!.FileName, _file.Sha256, EnumTokens.Parse<ImportKind>(_file.Kind), _file.UploadedAt,
        _file.UploadedBy, _state, _check?.Preview, _done, _total, _created, _revised, _unchanged, _failed.ToArray(), _commit?.At, _commit?.Actor ?? _committing);

    private void Committed(ImportCommitRecord commit)
    {
        _commit = commit;
        _state = ImportState.Committed;
        (_created, _revised, _unchanged) = (commit.Created, commit.Revised, commit.Unchanged);
        _done = _total = commit.Created + commit.Revised + commit.Unchanged + commit.Failed;
    }

    /// <summary>
    /// Commits firm by firm, <see cref="Parallel"/> at a time: each firm's months in one ledger write by its own grain (all or
    /// none), then the 205-1 rows behind them. Progress reads interleave between firms.
    /// </summary>
    private async Task RunAsync(ImportCommit commit, string actor)
    {
        var actions = GrainFactory.GetGrain<ILongActionsGrain>(LongActionKeys.District);
        using var activity = CarbonTelemetry.Source.StartActivity("import.commit");
        activity?.SetTag("carbon.import.id", Id);
        activity?.SetTag("carbon.import.firm_months", _total);
        var start = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = "stopped";
        await actions.StartedAsync(new LongAction(LongActionKind.Import, Id, $"导入 {_file!.FileName}（{_total} 个企业月）", $"/imports/{Id}",
            clock.GetUtcNow(), actor));
        try
        {
            foreach (var chunk in commit.Firms.Chunk(Parallel))
            {
                DelayDeactivation(TimeSpan.FromMinutes(5));
                await Task.WhenAll(chunk.Select(CommitFirmAsync));
            }
            var record = new ImportCommitRecord
            {
                ImportId = Id, At = clock.GetUtcNow(), Actor = actor, Created = _created, Revised = _revised, Unchanged = _unchanged,
                Rejected = commit.Preview.Items.Count(i => i.Status == ImportItemStatus.Rejected), Failed = _failed.Count,
            };
            await writer.WriteAsync(db => db.ImportCommits.Add(record));
            Committed(record);
            outcome = _failed.Count == 0 ? "committed" : "partial";
        }
        catch (Exception e)
        {
            log.LogError(e, "import {Id} stopped", Id);
            _failed.Add($"导入中断 (the import stopped): {e.Message}");
            _state = ImportState.Checked;
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, e.Message);
        }
        finally
        {
            var tag = new KeyValuePair<string, object?>("outcome", outcome);
            CarbonTelemetry.Imports.Add(1, tag);
            CarbonTelemetry.ImportDuration.Record(CarbonTelemetry.MillisecondsSince(start), tag);
            activity?.SetTag("carbon.import.outcome", outcome);
            await actions.FinishedAsync(Id);
        }
    }

    private async Task CommitFirmAsync(ImportFirm firm)
    {
        try
        {
            var outcomes = await GrainFactory.Enterprise(firm.Uscc).FileManyAsync(firm.Months);
            var written = new HashSet<Domain.Registry.YearMonth>();
            for (var i = 0; i < outcomes.Length; i++)
            {
                var month = firm.Months[i].Filing.Month;
                switch (outcomes[i].Status)
                {
                    case FilingStatus.Created:
                        _created++;
                        written.Add(month);
                        break;
                    case FilingStatus.Revised:
                        _revised++;
                        written.Add(month);
                        break;
                    case FilingStatus.Unchanged:
                        _unchanged++;
                        break;
                    default:
                        _failed.Add($"{firm.Uscc} {month}: {outcomes[i].Status}");
                        break;
                }
            }
            var lines = firm.Form2051.Where(f => written.Contains(f.Month)).SelectMany(f => f.Rows.Select(r => new Form2051LineRecord
            {
                ImportId = Id, Uscc = firm.Uscc.Value, Year = f.Month.Year, Month = f.Month.Month, Row = r.Row, Code = r.Code, Name = r.Name, Unit = r.Unit,
                Opening = r.Figures[0], Purchased = r.Figures[1], PurchaseAmount = r.Figures[2], Consumed = r.Figures[3], Industrial = r.Figures[4],
                Feedstock = r.Figures[5], NonIndustrial = r.Figures[6], Transport = r.Figures[7], Closing = r.Figures[8], Coefficient = r.Figures[9],
                Reference = r.Figures[10],
            })).ToList();
            if (lines.Count > 0)
            {
                await writer.WriteAsync(db => db.Form2051Lines.AddRange(lines));
            }
        }
        catch (Exception e)
        {
            log.LogWarning(e, "import {Id}: {Uscc} failed", Id, firm.Uscc);
            _failed.AddRange(firm.Months.Select(m => $"{firm.Uscc} {m.Filing.Month}: {e.Message}"));
        }
        finally
        {
            _done += firm.Months.Length;
        }
    }
}
