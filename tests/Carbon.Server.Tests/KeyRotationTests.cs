using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Carbon.Server.Hosting;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>
/// Rotating the certificate signing key: certificates signed before still verify (against the retired key, which is
/// published), new ones are signed with the new key, and nothing of the old private key is kept.
/// </summary>
public class KeyRotationTests
{
    [Fact]
    public async Task After_a_rotation_old_certificates_still_verify_and_new_ones_use_the_new_key()
    {
        using var folder = new TempFolder();
        var data = Path.Combine(folder.Path, "data");
        byte[] oldPdf;
        string oldKey;
        await using (var app = new CarbonApp(data))
        {
            var http = await app.OfficialAsync();
            var issued = await http.IssueAsync(new { kind = "annual-report", uscc = await http.FirmAsync(), year = 2023 });
            oldPdf = await http.PdfAsync(issued["number"]!.GetValue<string>());
            oldKey = await http.GetStringAsync("/api/certificates/public-key");
        }

        var output = new StringWriter();
        var error = new StringWriter();
        Assert.Equal(0, KeyRotationCommand.Run([$"--Carbon:DataDirectory={data}"], output, error));
        Assert.Equal("", error.ToString());
        var keyPath = Path.Combine(data, "keys", "certificate-signing-key.pem");
        var retiredFile = Assert.Single(Directory.GetFiles(Path.Combine(data, "keys", "retired")));
        Assert.DoesNotContain("PRIVATE", await File.ReadAllTextAsync(retiredFile));   // only the public half is kept
        Assert.Contains("PRIVATE KEY", await File.ReadAllTextAsync(keyPath));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyPath));
        }

        await using var again = new CarbonApp(data);
        var official = await again.OfficialAsync();
        var newKey = await official.GetStringAsync("/api/certificates/public-key");
        Assert.NotEqual(oldKey, newKey);

        // Both keys are published, the new one current, each with its fingerprint (SHA-256 of the DER public key).
        var keys = (await again.CreateClient().GetFromJsonAsync<JsonArray>("/api/certificates/public-keys"))!;
        Assert.Equal(["current", "retired"], keys.Select(k => k!["state"]!.GetValue<string>()));
        Assert.Equal(newKey, keys[0]!["pem"]!.GetValue<string>());
        Assert.Equal(oldKey, keys[1]!["pem"]!.GetValue<string>());
        Assert.Equal(Path.GetFileNameWithoutExtension(retiredFile), keys[1]!["fingerprint"]!.GetValue<string>());
        Assert.Equal(Fingerprint(oldKey), keys[1]!["fingerprint"]!.GetValue<string>());

        // The certificate signed before the rotation still verifies as valid.
        Assert.Equal("valid", await VerifyAsync(official, oldPdf));

        // One issued now verifies with the new key and not with the retired one.
        var fresh = await official.IssueAsync(new { kind = "annual-report", uscc = await official.FirmAsync(), year = 2023 });
        var newPdf = await official.PdfAsync(fresh["number"]!.GetValue<string>());
        var signature = Convert.FromBase64String(fresh["signature"]!.GetValue<string>());
        Assert.True(Verifies(newKey, newPdf, signature));
        Assert.False(Verifies(oldKey, newPdf, signature));
        Assert.Equal("valid", await VerifyAsync(official, newPdf));
    }

    [Fact]
    public void Rotating_where_there_is_no_key_changes_nothing_and_says_why()
    {
        using var folder = new TempFolder();
        var error = new StringWriter();
        Assert.Equal(1, KeyRotationCommand.Run([$"--Carbon:DataDirectory={folder.Path}"], TextWriter.Null, error));
        Assert.Contains("no signing key", error.ToString());
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    private static async Task<string> VerifyAsync(HttpClient http, byte[] pdf)
    {
        using var content = new ByteArrayContent(pdf);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        var response = await http.PostAsync("/api/certificates/verify", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["result"]!.GetValue<string>();
    }

    private static bool Verifies(string pem, byte[] pdf, byte[] signature)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return key.VerifyData(pdf, signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static string Fingerprint(string pem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        return Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));
    }
}
