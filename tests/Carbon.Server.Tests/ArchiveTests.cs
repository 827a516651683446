using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Carbon.Domain.Access;
using Carbon.Server.Hosting;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Carbon.Server.Tests;

/// <summary>
/// The year's signed archive (GET /api/archives/{year}): every kind of record of the year in it (filing revisions
/// included), the manifest signed with the certificate key, verify-archive finding a changed byte and naming the file,
/// openssl alone agreeing, and only officials and auditors let in.
/// </summary>
public class ArchiveTests : OwnService
{
    private sealed record Year(string Uscc, string Certificate, byte[] Pdf, string Case, string Run);

    /// <summary>A firm with 2023 filed and March revised twice, an annual report for 2023, an evaluation run and a supervision case.</summary>
    private async Task<Year> LedgerAsync()
    {
        var uscc = await Http.FirmAsync();
        foreach (var (kwh, reason) in new[] { (210_000m, "更正电量 corrected meter reading"), (205_000m, "再次更正 corrected again") })
        {
            var revised = await Http.FileAsync(uscc, "2023-03", Api.Filing(kwh: kwh, reason: reason));
            Assert.True(revised.IsSuccessStatusCode, await revised.Content.ReadAsStringAsync());
        }
        var certificate = (await Http.IssueAsync(new { kind = "annual-report", uscc, year = 2023 }))["number"]!.GetValue<string>();
        var pdf = await Http.PdfAsync(certificate);
        var run = (await (await Http.PostAsJsonAsync("/api/evaluations", new { year = 2023, method = "huangyan-2022" })).JsonAsync())["id"]!.GetValue<string>();
        var opened = await Http.PostAsJsonAsync("/api/supervision/cases", new { uscc, year = 2023, mode = "on-site", trigger = "complaint", reason = "群众投诉" });
        var caseId = (await opened.JsonAsync())["id"]!.GetValue<string>();
        foreach (var step in new object[]
                 {
                     new { kind = "notified", on = "2026-11-28", date = "2026-11-28" },
                     new { kind = "on-site", on = "2026-11-28", inspectors = new[] { "insp-a", "insp-b" }, text = "笔录" },
                     new { kind = "finding", on = "2026-11-28", finding = new { category = "phased-out-equipment", ruleRef = "b1-007", text = "在用S7变压器", evidence = Array.Empty<string>() } },
                 })
        {
            var r = await Http.PostAsJsonAsync($"/api/supervision/cases/{caseId}/steps", step);
            Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
        }
        return new Year(uscc, certificate, pdf, caseId, run);
    }

    [Fact]
    public async Task A_years_archive_holds_every_record_signed_and_a_changed_byte_is_named()
    {
        var year = await LedgerAsync();
        var response = await Http.GetAsync("/api/archives/2023");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("carbon-archive-2023.zip", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var files = Unzip(bytes);

        // Every kind, with the year's records: 12 months and March's two revisions, the run, the certificate and its PDF, the case.
        var filings = Lines(files["filings.jsonl"]);
        Assert.Equal(14, filings.Count);
        Assert.All(filings, f => Assert.Equal(year.Uscc, f["uscc"]!.GetValue<string>()));
        var march = filings.Where(f => f["month"]!.GetValue<int>() == 3).ToList();
        Assert.Equal([1, 2, 3], march.Select(f => f["revision"]!.GetValue<int>()));
        Assert.Equal("再次更正 corrected again", march[2]["reason"]!.GetValue<string>());
        Assert.Equal(2, march[0]["energy"]!.AsArray().Count);
        Assert.Equal(year.Run, Assert.Single(Lines(files["evaluations.jsonl"]))["id"]!.GetValue<string>());
        Assert.NotEmpty(Lines(files["evaluations.jsonl"])[0]["inputs"]!.AsArray());
        var certificate = Assert.Single(Lines(files["certificates.jsonl"]));
        Assert.Equal(year.Certificate, certificate["number"]!.GetValue<string>());
        Assert.Equal(year.Pdf, files[$"certificates/{year.Certificate}.pdf"]);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(year.Pdf)), certificate["sha256"]!.GetValue<string>());
        var supervision = Assert.Single(Lines(files["supervision-cases.jsonl"]));
        Assert.Equal(year.Case, supervision["id"]!.GetValue<string>());
        Assert.Contains(supervision["steps"]!.AsArray(), s => s!["kind"]!.GetValue<string>() == "finding");
        foreach (var kind in new[] { "supervision-plans", "supervision-evidence", "rectification-cases", "green-factory-applications", "energy-budgets",
                     "energy-reports", "grid-electricity", "alert-notes", "form-2051-lines", "audit-events" })
        {
            Assert.True(files.ContainsKey($"{kind}.jsonl"), kind);
        }
        Assert.Empty(files["audit-events.jsonl"]);   // everything above happened in 2026 by the test's clock
        Assert.Contains("openssl dgst -sha256 -verify", Encoding.UTF8.GetString(files["README.txt"]));
        Assert.Contains("如何核验", Encoding.UTF8.GetString(files["README.txt"]));

        // The manifest lists every other file with its length and hash and verifies with the published key.
        var manifest = JsonNode.Parse(files["manifest.json"])!;
        Assert.Equal(2023, manifest["year"]!.GetValue<int>());
        var listed = manifest["files"]!.AsArray().ToDictionary(f => f!["name"]!.GetValue<string>());
        Assert.Equal(files.Keys.Except(["manifest.json", "manifest.sig"]).Order(), listed.Keys.Order());
        foreach (var (name, entry) in listed)
        {
            Assert.Equal(files[name].LongLength, entry!["length"]!.GetValue<long>());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(files[name])), entry["sha256"]!.GetValue<string>());
        }
        Assert.Equal(14, listed["filings.jsonl"]!["records"]!.GetValue<long>());
        var pem = await Http.GetStringAsync("/api/certificates/public-key");
        using (var key = ECDsa.Create())
        {
            key.ImportFromPem(pem);
            Assert.True(key.VerifyData(files["manifest.json"], files["manifest.sig"], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo())), manifest["signingKeyFingerprint"]!.GetValue<string>());
        }
        Assert.Equal(pem, Encoding.ASCII.GetString(files["public-key.pem"]));

        // verify-archive: valid with the outside key; refuses to trust the key inside alone; a fingerprint makes it usable.
        using var folder = new TempFolder();
        var zip = Path.Combine(folder.Path, "carbon-archive-2023.zip");
        await File.WriteAllBytesAsync(zip, bytes);
        var keyFile = Path.Combine(folder.Path, "district-public-key.pem");
        await File.WriteAllTextAsync(keyFile, pem);
        Assert.Equal(0, Verify(out var said, zip, "--public-key", keyFile));
        Assert.Contains("归档有效", said);
        Assert.Equal(3, Verify(out said, zip));
        Assert.Contains("a key inside the archive proves nothing", said);
        Assert.Equal(0, Verify(out _, zip, $"--fingerprint={manifest["signingKeyFingerprint"]!.GetValue<string>().ToUpperInvariant()}"));
        Assert.Equal(1, Verify(out said, zip, "--fingerprint", new string('0', 64)));
        Assert.Contains("public-key.pem", said);
        Assert.Equal(2, Verify(out _));
        Assert.Equal(2, Verify(out _, zip, "--public-key"));

        // One byte of one file changed: invalid, and the file is named.
        var tampered = Path.Combine(folder.Path, "tampered.zip");
        File.Copy(zip, tampered);
        using (var archive = ZipFile.Open(tampered, ZipArchiveMode.Update))
        {
            var content = files["filings.jsonl"].ToArray();
            var at = Array.IndexOf(content, (byte)'5');
            content[at] = (byte)'6';
            archive.GetEntry("filings.jsonl")!.Delete();
            using var stream = archive.CreateEntry("filings.jsonl").Open();
            stream.Write(content);
        }
        Assert.Equal(1, Verify(out said, tampered, "--public-key", keyFile));
        Assert.Contains("filings.jsonl", said);

        // A file the manifest does not list: invalid, named.
        var extra = Path.Combine(folder.Path, "extra.zip");
        File.Copy(zip, extra);
        using (var archive = ZipFile.Open(extra, ZipArchiveMode.Update))
        {
            using var stream = archive.CreateEntry("certificates/forged.pdf").Open();
            stream.Write("%PDF"u8);
        }
        Assert.Equal(1, Verify(out said, extra, "--public-key", keyFile));
        Assert.Contains("certificates/forged.pdf", said);

        // The export is on the audit trail, with the manifest's hash.
        var audit = await (await Http.GetAsync("/api/audit?action=archive.exported")).JsonAsync();
        var exported = Assert.Single(audit["items"]!.AsArray());
        Assert.Equal("archive-2023", exported!["subject"]!.GetValue<string>());
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(files["manifest.json"])), exported["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_officials_and_auditors_get_archives_and_a_bad_year_is_a_problem()
    {
        var uscc = await Http.FirmAsync(months2023: 1);
        var filer = await App.ClientAsync("archive-filer", Role.Filer, firms: [uscc]);
        Assert.Equal(HttpStatusCode.Forbidden, (await filer.GetAsync("/api/archives/2023")).StatusCode);
        var park = await App.ClientAsync("archive-park", Role.ParkAdministrator, parks: ["P-ARCHIVE"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await park.GetAsync("/api/archives/2023")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await App.CreateClient().GetAsync("/api/archives/2023")).StatusCode);
        foreach (var bad in new[] { "abc", "2019", "2027", "+2023", "99999999999" })
        {
            await (await Http.GetAsync($"/api/archives/{bad}")).AssertProblemAsync(HttpStatusCode.BadRequest, "year");
        }

        // A year with nothing in it is still a whole, signed archive: every file there, empty.
        var auditor = await App.ClientAsync("archive-auditor", Role.Auditor);
        var response = await auditor.GetAsync("/api/archives/2021");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var files = Unzip(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(files["filings.jsonl"]);
        Assert.Empty(files["certificates.jsonl"]);
        Assert.DoesNotContain(files.Keys, k => k.StartsWith("certificates/", StringComparison.Ordinal));
        using var folder = new TempFolder();
        var zip = Path.Combine(folder.Path, "2021.zip");
        await File.WriteAllBytesAsync(zip, await (await auditor.GetAsync("/api/archives/2021")).Content.ReadAsByteArrayAsync());
        var keyFile = Path.Combine(folder.Path, "key.pem");
        await File.WriteAllTextAsync(keyFile, await Http.GetStringAsync("/api/certificates/public-key"));
        Assert.Equal(0, Verify(out _, zip, "--public-key", keyFile));

        // This year's archive holds this year's audit trail: the filings just made, and the auditor's exports.
        var now = Unzip(await (await auditor.GetAsync("/api/archives/2026")).Content.ReadAsByteArrayAsync());
        var events = Lines(now["audit-events.jsonl"]);
        Assert.Contains(events, e => e["action"]!.GetValue<string>() == "archive.exported" && e["actor"]!.GetValue<string>() == "archive-auditor");
        Assert.Contains(events, e => e["subject"]!.GetValue<string>() == uscc);

        // The page: officials and auditors see it in the navigation; choosing a year downloads that year's archive.
        var page = await auditor.GetStringAsync("/archives");
        Assert.Contains("verify-archive", page);
        Assert.Contains("href=\"/archives\"", page);
        Assert.Equal(HttpStatusCode.Forbidden, (await filer.GetAsync("/archives")).StatusCode);
        Assert.DoesNotContain("href=\"/archives\"", await filer.GetStringAsync("/firms"));
        var direct = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = await (await direct.PostAsJsonAsync("/api/auth/token", new { userName = "archive-auditor", password = CarbonApp.Password })).JsonAsync();
        direct.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token["token"]!.GetValue<string>());
        var choose = await direct.GetAsync("/archives?year=2021");
        Assert.True((int)choose.StatusCode is >= 300 and < 400, $"{(int)choose.StatusCode}");
        Assert.EndsWith("/api/archives/2021", choose.Headers.Location!.ToString());
        Assert.Contains("id=\"message\"", await direct.GetStringAsync("/archives?year=1999"));
    }

    [Fact]
    public async Task An_archive_signed_before_a_key_rotation_verifies_with_the_retired_key()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");
        var zip = Path.Combine(folder.Path, "2023.zip");
        await using (var app = new CarbonApp(data))
        {
            var http = await app.OfficialAsync();
            await File.WriteAllBytesAsync(zip, await (await http.GetAsync("/api/archives/2023")).Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(0, KeyRotationCommand.Run([$"--Carbon:DataDirectory={data}"], TextWriter.Null, TextWriter.Null));
        await using var again = new CarbonApp(data);
        var keys = (await again.CreateClient().GetFromJsonAsync<JsonArray>("/api/certificates/public-keys"))!;
        var current = Path.Combine(folder.Path, "current.pem");
        await File.WriteAllTextAsync(current, keys[0]!["pem"]!.GetValue<string>());
        var all = Path.Combine(folder.Path, "all.pem");
        await File.WriteAllTextAsync(all, string.Join("\n", keys.Select(k => k!["pem"]!.GetValue<string>())));
        Assert.Equal(1, Verify(out var said, zip, "--public-key", current));
        Assert.Contains("manifest.sig", said);
        Assert.Equal(0, Verify(out said, zip, "--public-key", all));
        Assert.Contains(keys[1]!["fingerprint"]!.GetValue<string>(), said);
    }

    [Fact]
    public async Task An_archive_being_read_does_not_hold_up_a_filing_and_does_not_see_it()
    {
        var uscc = await Http.FirmAsync(months2023: 11);
        var reads = App.Services.GetRequiredService<Carbon.Server.Ledger.ArchiveReads>();
        await using var snapshot = await reads.OpenAsync(2023, CancellationToken.None);
        var tables = snapshot.Tables();
        var filings = tables.Single(t => t.File == "filings.jsonl").Rows.GetAsyncEnumerator();
        Assert.True(await filings.MoveNextAsync());   // the read transaction has begun and is open

        // A filing and a revision while the snapshot is open: through at once, not after SQLite's busy timeout.
        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Created, (await Http.FileAsync(uscc, "2023-12", Api.Filing())).StatusCode);
        Assert.True((await Http.FileAsync(uscc, "2023-01", Api.Filing(reason: "更正 corrected"))).IsSuccessStatusCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the filing waited {clock.Elapsed}");

        // The snapshot shows the ledger as it was when it began: 11 months, one revision each.
        var count = 1;
        while (await filings.MoveNextAsync())
        {
            count++;
        }
        await filings.DisposeAsync();
        Assert.Equal(11, count);
        var fresh = Unzip(await (await Http.GetAsync("/api/archives/2023")).Content.ReadAsByteArrayAsync());
        Assert.Equal(13, Lines(fresh["filings.jsonl"]).Count);
    }

    [LinuxFact]
    public async Task The_readme_procedure_with_openssl_alone_says_verified_ok()
    {
        if (!Tool("openssl", "version", out _))
        {
            return;   // no openssl on this machine: verify-archive's checks above stand
        }
        await LedgerAsync();
        using var folder = new TempFolder();
        var files = Unzip(await (await Http.GetAsync("/api/archives/2023")).Content.ReadAsByteArrayAsync());
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(folder.Path, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, content);
        }
        await File.WriteAllTextAsync(Path.Combine(folder.Path, "district-public-key.pem"), await Http.GetStringAsync("/api/certificates/public-key"));
        var manifest = JsonNode.Parse(files["manifest.json"])!;
        var readme = Encoding.UTF8.GetString(files["README.txt"]);

        // The README's three openssl lines, as written there.
        var steps = Carbon.Server.Features.Archives.ArchiveReadme.OpensslSteps(2023);
        Assert.All(steps.Take(3), s => Assert.Contains(s.Command, readme));
        Assert.True(Tool("sh", ["-c", steps[0].Command], out var fingerprint, folder.Path));
        Assert.Contains(manifest["signingKeyFingerprint"]!.GetValue<string>(), fingerprint);
        Assert.True(Tool("sh", ["-c", steps[1].Command], out var verified, folder.Path), verified);
        Assert.Equal("Verified OK", verified.Trim());
        Assert.True(Tool("sh", ["-c", steps[2].Command], out var hash, folder.Path));
        var filings = manifest["files"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "filings.jsonl")!;
        Assert.StartsWith(filings["sha256"]!.GetValue<string>(), hash.Trim());

        // A changed manifest no longer verifies.
        var changed = files["manifest.json"].ToArray();
        changed[^2] ^= 1;
        await File.WriteAllBytesAsync(Path.Combine(folder.Path, "manifest.json"), changed);
        Assert.False(Tool("sh", ["-c", steps[1].Command], out verified, folder.Path));
        Assert.Contains("Verification failure", verified);
    }

    private static int Verify(out string said, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = ArchiveVerifyCommand.Run(args, output, error);
        said = output + error.ToString();
        return code;
    }

    private static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            return copy.ToArray();
        }, StringComparer.Ordinal);
    }

    private static List<JsonNode> Lines(byte[] jsonl) =>
        Encoding.UTF8.GetString(jsonl).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();

    private static bool Tool(string file, string argument, out string output) => Tool(file, [argument], out output, null);

    private static bool Tool(string file, string[] arguments, out string output, string? folder)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder ?? "" };
            arguments.ToList().ForEach(start.ArgumentList.Add);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            output = stdout.Result + stderr.Result;
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            output = "";
            return false;
        }
    }
}
