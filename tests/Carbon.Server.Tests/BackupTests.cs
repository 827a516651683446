using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Carbon.Server.Hosting;
using Carbon.Server.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Carbon.Server.Tests;

/// <summary>
/// <c>backup</c> under load and <c>restore</c>: a backup taken while filings stream in holds every filing acknowledged
/// before it began, with its content, and nothing that was never acknowledged; the restored service's metrics equal the
/// original's; a restore refuses while a service owns the data folder and keeps the ledger it replaces.
/// </summary>
public class BackupTests(ITestOutputHelper output)
{
    private sealed record Ack(string Uscc, string Month, decimal Kwh, long At);

    [Fact]
    public async Task A_backup_taken_under_load_restores_every_acknowledged_filing_and_the_same_metrics()
    {
        using var folder = new TempFolder();
        var dataA = Path.Combine(folder.Path, "a");
        var dataB = Path.Combine(folder.Path, "b");
        var backup = Path.Combine(folder.Path, "ledger-backup.db");
        await using var appA = new CarbonApp(dataA, settings: CarbonApp.HighRateLimits.ToDictionary(p => p.Key, p => (string?)p.Value));
        var http = await appA.OfficialAsync();
        var firms = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            firms.Add(await http.FirmAsync());   // 2020 and 2023 filed in full before the load
        }

        // The load: 2024–2025 of every firm, four writers at once; each acknowledgement timed.
        var clock = Stopwatch.StartNew();
        var acks = new ConcurrentBag<Ack>();
        var months = firms.SelectMany(f => Enumerable.Range(0, 24).Select(m => (Uscc: f, Month: $"{2024 + m / 12}-{m % 12 + 1:D2}"))).ToList();
        var next = -1;
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < months.Count)
            {
                var (uscc, month) = months[index];
                var kwh = 100_000m + index;
                var response = await http.FileAsync(uscc, month, Api.Filing(kwh: kwh));
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                acks.Add(new Ack(uscc, month, kwh, clock.ElapsedTicks));
            }
        })).ToList();

        while (acks.Count < months.Count / 4)
        {
            await Task.Delay(10);
        }
        var backupStarted = clock.ElapsedTicks;
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await Task.Run(() => LedgerBackupCommands.RunBackup([backup, $"--Carbon:DataDirectory={dataA}"], stdout, stderr));
        var backupEnded = clock.ElapsedTicks;
        output.WriteLine(stdout.ToString() + stderr);
        Assert.Equal(0, code);
        await Task.WhenAll(writers);
        var before = acks.Where(a => a.At < backupStarted).ToList();
        var during = acks.Count(a => a.At >= backupStarted && a.At <= backupEnded);
        output.WriteLine($"{acks.Count} filings acknowledged: {before.Count} before the backup began, {during} while it ran, the rest after");
        Assert.True(during > 0 || acks.Count > before.Count, "the backup ran while filings were arriving");
        Assert.True(File.Exists(backup + ".sha256"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
        }

        // The service owns its data folder: no restore under it.
        Assert.Equal(1, LedgerBackupCommands.RunRestore([backup, $"--Carbon:DataDirectory={dataA}"], TextWriter.Null, stderr = new StringWriter()));
        Assert.Contains("in use", stderr.ToString());

        // Restored into a new folder and served.
        Assert.Equal(0, LedgerBackupCommands.RunRestore([backup, $"--Carbon:DataDirectory={dataB}"], stdout = new StringWriter(), stderr = new StringWriter()));
        output.WriteLine(stdout.ToString() + stderr);
        await using var appB = new CarbonApp(dataB, settings: CarbonApp.HighRateLimits.ToDictionary(p => p.Key, p => (string?)p.Value));
        var restored = await appB.OfficialAsync();

        // Every filing acknowledged before the backup began is there, with its content; nothing never acknowledged is.
        foreach (var ack in before)
        {
            var filing = await (await restored.GetAsync($"/api/enterprises/{ack.Uscc}/filings/{ack.Month}")).JsonAsync();
            Assert.Equal(ack.Kwh, filing["current"]!["energy"]![0]!.Dec("quantity"));
        }
        var acknowledged = acks.Select(a => (a.Uscc, a.Month)).ToHashSet();
        foreach (var (uscc, month) in months)
        {
            var response = await restored.GetAsync($"/api/enterprises/{uscc}/filings/{month}");
            Assert.True(response.StatusCode == HttpStatusCode.NotFound || acknowledged.Contains((uscc, month)), $"{uscc} {month} restored but never acknowledged");
        }

        // The metrics of the years the backup holds in full equal the original service's, firm by firm and for the district.
        foreach (var year in new[] { 2020, 2023 })
        {
            foreach (var uscc in firms)
            {
                Assert.Equal(await http.GetStringAsync($"/api/enterprises/{uscc}/metrics?year={year}"),
                    await restored.GetStringAsync($"/api/enterprises/{uscc}/metrics?year={year}"));
            }
            Assert.Equal(await http.GetStringAsync($"/api/district/metrics?year={year}"), await restored.GetStringAsync($"/api/district/metrics?year={year}"));
        }
        // And a loaded year's district figures agree with the firms' in the restored ledger (sums rebuilt from it).
        var district2024 = await (await restored.GetAsync("/api/district/metrics?year=2024")).JsonAsync();
        var firms2024 = 0m;
        foreach (var uscc in firms)
        {
            firms2024 += (await (await restored.GetAsync($"/api/enterprises/{uscc}/metrics?year=2024")).JsonAsync()).Dec("waterM3");
        }
        Assert.Equal(firms2024, district2024.Dec("waterM3"));
    }

    [Fact]
    public async Task A_restore_keeps_the_ledger_it_replaces_and_refuses_what_is_not_a_ledger()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");
        var backup = Path.Combine(folder.Path, "backup.db");
        string uscc;
        await using (var app = new CarbonApp(data))
        {
            uscc = await (await app.OfficialAsync()).FirmAsync(months2023: 1);
            Assert.Equal(0, LedgerBackupCommands.RunBackup([backup, $"--Carbon:DataDirectory={data}"], TextWriter.Null, TextWriter.Null));
            // A second backup to the same file is refused without --force, and replaces it with it.
            Assert.Equal(1, LedgerBackupCommands.RunBackup([backup, $"--Carbon:DataDirectory={data}"], TextWriter.Null, TextWriter.Null));
            Assert.Equal(0, LedgerBackupCommands.RunBackup([backup, "--force", $"--Carbon:DataDirectory={data}"], TextWriter.Null, TextWriter.Null));
            await (await app.OfficialAsync()).FirmAsync(months2023: 1);   // after the backup: gone after the restore
        }

        var stdout = new StringWriter();
        Assert.Equal(0, LedgerBackupCommands.RunRestore([backup, $"--Carbon:DataDirectory={data}"], stdout, TextWriter.Null));
        var aside = Assert.Single(Directory.GetFiles(data, "carbon.db.before-restore-*"), f => !f.EndsWith("-wal") && !f.EndsWith("-shm"));
        Assert.Contains(aside, stdout.ToString());
        await using (var app = new CarbonApp(data))
        {
            var http = await app.OfficialAsync();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/enterprises/{uscc}")).StatusCode);
            var list = await (await http.GetAsync("/api/enterprises")).JsonAsync();
            Assert.Contains(uscc, list.ToJsonString());
        }

        // Not a ledger, a damaged file, PostgreSQL, no file: refused with a reason, nothing changed.
        var junk = Path.Combine(folder.Path, "junk.db");
        await File.WriteAllTextAsync(junk, "not a database");
        var error = new StringWriter();
        Assert.Equal(1, LedgerBackupCommands.RunRestore([junk, $"--Carbon:DataDirectory={data}"], TextWriter.Null, error));
        Assert.Contains("not restored", error.ToString());
        Assert.Equal(1, LedgerBackupCommands.RunRestore([Path.Combine(folder.Path, "none.db"), $"--Carbon:DataDirectory={data}"], TextWriter.Null, TextWriter.Null));
        Assert.Equal(2, LedgerBackupCommands.RunBackup([backup, "--Carbon:Database:Provider=postgres", "--Carbon:Database:ConnectionString=Host=x"], TextWriter.Null, error = new StringWriter()));
        Assert.Contains("pg_dump", error.ToString());
        Assert.Equal(2, LedgerBackupCommands.RunBackup([], TextWriter.Null, TextWriter.Null));
        Assert.Single(Directory.GetFiles(data, "carbon.db.before-restore-*"), f => !f.EndsWith("-wal") && !f.EndsWith("-shm"));
    }

    /// <summary>Two services on one SQLite ledger would break the one-writer rule: the second is refused at start.</summary>
    [LinuxFact]
    public async Task A_second_service_on_the_same_data_folder_is_refused()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");
        await using var app = new CarbonApp(data);
        await app.OfficialAsync();
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartAsync(data));
        Assert.Contains("exited with 2", refused.Message);
        Assert.Contains("in use by another Carbon process", refused.Message);
    }
}
