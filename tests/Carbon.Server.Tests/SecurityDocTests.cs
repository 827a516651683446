using System.Text;
using Carbon.Domain.Access;
using Carbon.Server.Http;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>docs/security.md prints the access matrix as the service applies it: the table between its markers is regenerated here.</summary>
public class SecurityDocTests
{
    [Fact]
    public void The_security_document_prints_the_access_matrix_as_applied()
    {
        var path = Path.Combine(Repository.Root, "docs", "security.md");
        var text = File.ReadAllText(path);
        const string start = "<!-- access-matrix:start -->", end = "<!-- access-matrix:end -->";
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        var to = text.IndexOf(end, StringComparison.Ordinal);
        var expected = Table();
        var actual = text[from..to].Trim();
        if (actual != expected.Trim())
        {
            // Regenerate with: CARBON_WRITE_DOCS=1 dotnet test --filter SecurityDocTests
            if (Environment.GetEnvironmentVariable("CARBON_WRITE_DOCS") == "1")
            {
                File.WriteAllText(path, text[..from] + "\n" + expected + text[to..]);
            }
            Assert.Fail("docs/security.md's access matrix differs from Http/AccessMatrix.cs; expected:\n" + expected);
        }
    }

    private static string Table()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| endpoint | who | scope |");
        sb.AppendLine("|---|---|---|");
        foreach (var (key, rule) in AccessMatrix.Rules.OrderBy(r => r.Key[(r.Key.IndexOf(' ') + 1)..], StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal))
        {
            var who = rule.Anonymous ? "anyone" : string.Join(", ", rule.Roles.Select(r => r.Token()));
            sb.AppendLine($"| `{key}` | {who} | {rule.Scope.Replace("|", "\\|")} |");
        }
        return sb.ToString();
    }

}
