using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>The README's first session runs as written: every curl in it, in order, against a fresh service.</summary>
public partial class ReadmeTests : OwnService
{
    [Fact]
    public async Task The_first_session_of_the_readme_runs_as_written()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepoRoot(), "README.md"));
        var start = readme.IndexOf("## A first session", StringComparison.Ordinal);
        var block = readme[start..];
        block = block[(block.IndexOf("```bash", StringComparison.Ordinal) + 7)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];

        var commands = Expand(JoinContinuations(block)).Where(c => c.StartsWith("curl ", StringComparison.Ordinal)).ToList();
        Assert.True(commands.Count >= 8, $"found {commands.Count} curl commands");
        foreach (var command in commands)
        {
            var path = PathOf().Match(command).Groups[1].Value.Trim('"');
            var method = MethodOf().Match(command) is { Success: true } m ? m.Groups[1].Value : "GET";
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (BodyOf().Match(command) is { Success: true } body)
            {
                request.Content = new StringContent(body.Groups[1].Value, Encoding.UTF8, "application/json");
            }
            var response = await Http.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created,
                $"{method} {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>One line per command: a trailing backslash, or a newline inside single quotes, continues the line.</summary>
    private static string JoinContinuations(string script)
    {
        var sb = new StringBuilder(script.Length);
        var quoted = false;
        for (var i = 0; i < script.Length; i++)
        {
            var c = script[i];
            if (c == '\'')
            {
                quoted = !quoted;
            }
            if (c == '\\' && i + 1 < script.Length && script[i + 1] == '\n')
            {
                i++;
                sb.Append(' ');
                continue;
            }
            sb.Append(c == '\n' && quoted ? ' ' : c);
        }
        return sb.ToString();
    }

    /// <summary>Lines, with a one-line <c>for m in A B; do … done</c> loop unrolled.</summary>
    private static IEnumerable<string> Expand(string script)
    {
        var lines = script.Split('\n').Select(l => l.Trim()).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            if (ForLoop().Match(lines[i]) is { Success: true } loop)
            {
                var end = lines.FindIndex(i, l => l == "done");
                foreach (var value in loop.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    foreach (var body in lines.Skip(i + 1).Take(end - i - 1))
                    {
                        yield return body.Replace("$" + loop.Groups[1].Value, value);
                    }
                }
                i = end;
                continue;
            }
            yield return lines[i];
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Carbon.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Carbon.sln not found above the test folder");
    }

    [GeneratedRegex(@"\$BASE(\S+)")]
    private static partial Regex PathOf();

    [GeneratedRegex(@"-X (POST|PUT)")]
    private static partial Regex MethodOf();

    [GeneratedRegex(@"-d '([^']*)'")]
    private static partial Regex BodyOf();

    [GeneratedRegex(@"^for (\w+) in ([^;]+); do$")]
    private static partial Regex ForLoop();
}
