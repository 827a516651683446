using System.Text;

namespace Carbon.Server.Features.Archives;

/// <summary>README.txt of an archive, in Chinese and English: what is inside and how to check it with openssl alone.</summary>
public static class ArchiveReadme
{
    /// <summary>The openssl lines that check an archive, as the README and the /archives page give them.</summary>
    public static IReadOnlyList<(string Command, string Says)> OpensslSteps(int year) =>
    [
        ("openssl pkey -pubin -in district-public-key.pem -outform DER | openssl dgst -sha256",
            "= manifest.json 的 signingKeyFingerprint (the fingerprint in manifest.json)"),
        ("openssl dgst -sha256 -verify district-public-key.pem -signature manifest.sig manifest.json", "Verified OK"),
        ("openssl dgst -sha256 -r filings.jsonl", "= manifest.json 中该文件的 sha256 (that file's sha256 in manifest.json)"),
        ($"dotnet run --project src/Carbon.Server -- verify-archive carbon-archive-{year}.zip --public-key district-public-key.pem",
            "归档有效 (archive valid), exit 0"),
    ];

    public static string Text(int year, DateTimeOffset createdAt, string createdBy, string fingerprint, IEnumerable<(string File, string Description)> files)
    {
        var s = new StringBuilder();
        s.Append($"""
            Carbon 年度归档 {year} · Carbon archive of {year}
            ==============================================

            生成 Created: {createdAt:yyyy-MM-dd HH:mm:ss zzz}  by {createdBy}
            签名密钥指纹 Signing key fingerprint (SHA-256 of the DER public key): {fingerprint}

            本归档包含台账中 {year} 年度的全部记录（填报的每一版、评价、证书、监察案件、审计日志等），每类一个 JSONL 文件
            （每行一条记录，UTF-8）。记录按其“年度”字段归入；审计日志按事件发生时间（北京时间）归入。
            This archive holds every record of the ledger for {year} (every revision of every filing, evaluations, certificates,
            supervision cases, the audit trail and the rest below), one JSONL file per kind (one record per line, UTF-8). A record
            belongs to the year its "year" field names; an audit event to the year it happened in (China Standard Time, UTC+8).
            An empty file means the ledger holds no such record for the year.

            文件 Files
            ----------

            """);
        foreach (var (file, description) in files)
        {
            s.Append($"  {file,-34} {description}\n");
        }
        s.Append($"""
              {"certificates/<编号>.pdf",-34} 证书 PDF，与登记簿中的 sha256 一致 The certificates' PDFs as issued (their sha256 is in certificates.jsonl)
              {"supervision-evidence/<sha256>",-34} 监察证据文件 The supervision cases' evidence files, named by their SHA-256
              {ArchiveManifest.PublicKeyFile,-34} 生成时的签名公钥（仅供对照，不能单独作为信任依据）The signing public key at the time (for comparison only)
              {ArchiveManifest.FileName,-34} 清单：每个文件的名称、字节数、SHA-256 The manifest: every file's name, byte length and SHA-256
              {ArchiveManifest.SignatureFile,-34} 清单的签名：ECDSA P-256 / SHA-256，DER The signature over manifest.json's exact bytes

            如何核验 How to verify (openssl alone)
            --------------------------------------

            归档内的公钥不能证明任何事：任何人都可以换掉文件、重算清单、用自己的密钥签名并放入自己的公钥。请从归档之外取得区经信局
            的公钥（服务的 GET /api/certificates/public-keys 列出当前与已停用的全部公钥，或区里公布的指纹），保存为
            district-public-key.pem，然后：
            A key inside the archive proves nothing: whoever changes a file can recompute the manifest, sign it with their own key
            and put that key in. Get the district's public key from outside the archive (GET /api/certificates/public-keys on the
            service lists the current and every retired key with fingerprints; or the fingerprint the district published), save it
            as district-public-key.pem, unzip the archive, and in its folder:


            """);
        var steps = OpensslSteps(year);
        var n = 1;
        foreach (var (command, says) in steps.Take(3))
        {
            s.Append($"  {n++}. {command}\n       → {says}\n");
        }
        s.Append($"""

                 第 3 步对每个文件重复（含 certificates/ 与 supervision-evidence/ 下的文件），并核对字节数；清单之外不应有其他文件。
                 Repeat step 3 for every file listed in manifest.json (those under certificates/ and supervision-evidence/ too) and
                 compare the byte length as well; the archive holds no file that the manifest does not list (besides manifest.json
                 and manifest.sig).

            或用 Carbon 自带的命令一次完成 Or all at once with Carbon's own command (exit 0 valid, 1 invalid, naming the file):

              {steps[3].Command}

            保管 Keeping: 归档与签名公钥（或其指纹）分开保存；保管期限见 docs/decisions/0019-signed-archives.md。
            Keep the archive and the public key (or its fingerprint) apart; on retention see docs/decisions/0019-signed-archives.md.

            """);
        return s.ToString().Replace("\r\n", "\n");
    }
}
