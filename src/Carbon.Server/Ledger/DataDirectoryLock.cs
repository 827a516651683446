using Carbon.Server.Configuration;

namespace Carbon.Server.Ledger;

/// <summary>
/// 数据目录锁: one process at a time owns an embedded (SQLite) ledger's data folder — the running service, or a
/// <c>restore</c>. The lock is the operating system's (an exclusive open of <c>carbon.lock</c>): it goes with the process
/// however it ends, even by <c>kill -9</c>, so a stale file never blocks a start. Two services on one SQLite ledger would
/// break the one-writer rule the grains rely on; a restore under a running service would be overwritten by its cache.
/// PostgreSQL ledgers are shared by the cluster's silos on purpose and take no lock.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    public const string FileName = "carbon.lock";

    // Held per process: the silos of one process (a test's in-process cluster) are one cluster and share the folder.
    private static readonly Dictionary<string, (FileStream File, int Holders)> Held = new(StringComparer.Ordinal);

    private readonly string _path;
    private bool _released;

    private DataDirectoryLock(string path) => _path = path;

    /// <summary>
    /// The lock on <paramref name="dataPath"/>, or a refusal when another process holds it — or, unless
    /// <paramref name="shareInProcess"/> (a silo beside another of the same process), when this process does.
    /// </summary>
    public static DataDirectoryLock Acquire(string dataPath, string holder, bool shareInProcess = false)
    {
        var path = Path.Combine(Path.GetFullPath(dataPath), FileName);
        lock (Held)
        {
            if (Held.TryGetValue(path, out var held) && shareInProcess)
            {
                Held[path] = (held.File, held.Holders + 1);
                return new DataDirectoryLock(path);
            }
            try
            {
                if (held.File is not null)
                {
                    throw new IOException("held by this process");
                }
                var open = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
                if (!OperatingSystem.IsWindows())
                {
                    open.UnixCreateMode = LedgerServices.LedgerFileMode;
                }
                var file = new FileStream(path, open);
                file.SetLength(0);
                using (var writer = new StreamWriter(file, leaveOpen: true))
                {
                    writer.Write($"{holder} pid {Environment.ProcessId} since {DateTimeOffset.UtcNow:O}\n");
                }
                file.Flush(flushToDisk: false);
                Held[path] = (file, 1);
                return new DataDirectoryLock(path);
            }
            catch (IOException)
            {
                // (The holder's line cannot be read back: the exclusive open excludes readers too.)
                throw new StartupRefusedException(
                    $"数据目录正被另一进程使用 (the data folder {dataPath} is in use by another Carbon process: a running service or a restore); " +
                    "stop it first. A backup (`backup <file>`) is taken while the service runs; a restore and a second service need it stopped.");
            }
        }
    }

    public void Dispose()
    {
        lock (Held)
        {
            if (_released || !Held.TryGetValue(_path, out var held))
            {
                return;
            }
            _released = true;
            if (held.Holders > 1)
            {
                Held[_path] = (held.File, held.Holders - 1);
            }
            else
            {
                Held.Remove(_path);
                held.File.Dispose();
            }
        }
    }
}

/// <summary>The service's hold on its data folder, taken at start (LedgerStartup) and let go when the host is disposed.</summary>
public sealed class ServiceDataLock : IDisposable
{
    private DataDirectoryLock? _lock;

    public void Take(CarbonOptions options)
    {
        if (!options.Database.IsPostgres && _lock is null)
        {
            _lock = DataDirectoryLock.Acquire(options.DataPath, "Carbon service", shareInProcess: true);
        }
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
