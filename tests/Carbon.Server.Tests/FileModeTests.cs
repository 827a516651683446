using System.Net;
using System.Security.Cryptography;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>
/// The files that matter are the service user's alone: the data directory 0700, the SQLite ledger and its WAL and
/// shared-memory files 0600, the signing key 0600 in a 0700 folder, wherever the key is configured to live.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public class FileModeTests
{
    private const UnixFileMode Folder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [LinuxFact]
    public async Task The_data_directory_the_ledger_and_the_signing_key_are_the_service_users_alone()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");   // not there yet: the service creates it
        await using var app = new CarbonApp(data);
        var http = await app.OfficialAsync();
        Assert.Equal(HttpStatusCode.Created, (await http.RegisterParkAsync("MODE-" + Guid.NewGuid().ToString("N")[..6])).StatusCode);

        Assert.Equal(Folder, File.GetUnixFileMode(data));
        foreach (var file in new[] { "carbon.db", "carbon.db-wal", "carbon.db-shm" })
        {
            Assert.True(File.Exists(Path.Combine(data, file)), $"{file} is missing");
            Assert.Equal(Private, File.GetUnixFileMode(Path.Combine(data, file)));
        }
        Assert.Equal(Folder, File.GetUnixFileMode(Path.Combine(data, "keys")));
        Assert.Equal(Private, File.GetUnixFileMode(Path.Combine(data, "keys", "certificate-signing-key.pem")));
        Assert.Empty(Directory.GetFiles(Path.Combine(data, "keys"), "*.tmp", SearchOption.AllDirectories));
    }

    [LinuxFact]
    public async Task The_signing_key_can_live_outside_the_data_directory_and_is_created_private_there()
    {
        using var folder = new TempFolder();
        var keyPath = Path.Combine(folder.Path, "secrets", "carbon", "signing-key.pem");
        string publicKey;
        await using (var app = new CarbonApp(Path.Combine(folder.Path, "data"),
                         settings: new Dictionary<string, string?> { ["Carbon:Certificates:KeyPath"] = keyPath }))
        {
            publicKey = await app.CreateClient().GetStringAsync("/api/certificates/public-key");
        }
        Assert.Equal(Private, File.GetUnixFileMode(keyPath));
        Assert.Equal(Folder, File.GetUnixFileMode(Path.GetDirectoryName(keyPath)!));
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "data", "keys")));

        // The same key on the next start.
        await using var again = new CarbonApp(Path.Combine(folder.Path, "data"),
            settings: new Dictionary<string, string?> { ["Carbon:Certificates:KeyPath"] = keyPath });
        Assert.Equal(publicKey, await again.CreateClient().GetStringAsync("/api/certificates/public-key"));
    }

    [LinuxFact]
    public async Task A_signing_key_other_users_can_read_stops_the_service_with_what_to_do()
    {
        using var folder = new TempFolder();
        var keyPath = Path.Combine(folder.Path, "restored-key.pem");
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            await File.WriteAllTextAsync(keyPath, key.ExportPkcs8PrivateKeyPem());   // as a copy from a backup might be: 0644
        }
        File.SetUnixFileMode(keyPath, Private | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => ServiceProcess.StartAsync(Path.Combine(folder.Path, "data"),
            "--Carbon:Certificates:KeyPath", keyPath, "--Carbon:Silo:SiloPort", FreePort.Next().ToString()));
        Assert.Contains("exited with 2", failure.Message);
        Assert.Contains($"chmod 600 {keyPath}", failure.Message);
    }
}
