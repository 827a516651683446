using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Carbon.Server.Accounts;
using Carbon.Server.Ledger;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Carbon.Server.Tests;

/// <summary>
/// The README's first session runs as written, on a fresh service with no account: the setup code the console would
/// print, the token the session extracts, then every curl, in order, with the headers it names.
/// </summary>
public partial class ReadmeTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private CarbonApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new CarbonApp(_folder.Path);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_first_session_of_the_readme_runs_as_written()
    {
        var http = _app.CreateClient();
        var readme = await File.ReadAllTextAsync(Path.Combine(Repository.Root, "README.md"));
        var start = readme.IndexOf("## A first session", StringComparison.Ordinal);
        var block = readme[start..];
        block = block[(block.IndexOf("```bash", StringComparison.Ordinal) + 7)..];
        block = block[..block.IndexOf("```", StringComparison.Ordinal)];

        // The code the console printed at start (a new one replaces it, as a restart would).
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var code = await AccountSetup.EnsureCodeAsync(scope.ServiceProvider.GetRequiredService<LedgerDbContext>(), TimeProvider.System);
            Assert.NotNull(code);
            _variables["CODE"] = code;
        }

        var lines = Expand(JoinContinuations(block)).ToList();
        var commands = lines.Where(c => c.StartsWith("curl ", StringComparison.Ordinal) || c.StartsWith("TOKEN=$(curl ", StringComparison.Ordinal)).ToList();
        Assert.True(commands.Count >= 10, $"found {commands.Count} curl commands");
        foreach (var line in commands)
        {
            var command = line.StartsWith("TOKEN=", StringComparison.Ordinal) ? line["TOKEN=$(".Length..] : line;
            var path = PathOf().Match(command).Groups[1].Value.Trim('"');
            var method = MethodOf().Match(command) is { Success: true } m ? m.Groups[1].Value : "GET";
            var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (BodyOf().Match(command) is { Success: true } single)
            {
                request.Content = new StringContent(single.Groups[1].Value, Encoding.UTF8, "application/json");
            }
            else if (QuotedBodyOf().Match(command) is { Success: true } quoted)
            {
                request.Content = new StringContent(Substitute(quoted.Groups[1].Value.Replace("\\\"", "\"")), Encoding.UTF8, "application/json");
            }
            if (command.Contains("-H \"$AUTH\"", StringComparison.Ordinal))
            {
                request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _variables["TOKEN"]);
            }
            var response = await http.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created, $"{method} {path} answered {(int)response.StatusCode}: {text}");
            if (line.StartsWith("TOKEN=", StringComparison.Ordinal))
            {
                _variables["TOKEN"] = System.Text.Json.Nodes.JsonNode.Parse(text)!["token"]!.GetValue<string>();
            }
        }
        // Without the token, the same calls are refused.
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/district/metrics?year=2023")).StatusCode);
    }

    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);

    private string Substitute(string text) => VariableOf().Replace(text, m => _variables.GetValueOrDefault(m.Groups[1].Value, m.Value));

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


    [GeneratedRegex(@"\$BASE(\S+)")]
    private static partial Regex PathOf();

    [GeneratedRegex(@"-X (POST|PUT)")]
    private static partial Regex MethodOf();

    [GeneratedRegex(@"-d '([^']*)'")]
    private static partial Regex BodyOf();

    [GeneratedRegex(@"-d ""((?:[^""\\]|\\.)*)""")]
    private static partial Regex QuotedBodyOf();

    [GeneratedRegex(@"\$([A-Z]+)")]
    private static partial Regex VariableOf();

    [GeneratedRegex(@"^for (\w+) in ([^;]+); do$")]
    private static partial Regex ForLoop();
}
