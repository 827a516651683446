using System.Text.Json.Nodes;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>The OpenAPI document stays complete: what Redocly's recommended ruleset asks, and what the issue asks.</summary>
[Collection(ApiCollection.Name)]
public class OpenApiTests(ApiFixture fixture)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    /// <summary>No problem is tolerated: every operation states its security (public ones with an empty requirement).</summary>
    private static bool Tolerated(JsonNode problem) => false;

    [RedoclyFact]
    public async Task Redocly_recommended_ruleset_reports_nothing()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "openapi.json");
        await File.WriteAllTextAsync(file, await fixture.Client.GetStringAsync("/openapi/v1.json"));

        var (report, errors) = await Redocly.LintAsync(file);

        var problems = JsonNode.Parse(report)?["problems"]?.AsArray() ?? throw new InvalidOperationException($"no lint report: {errors}");
        var left = problems.Where(p => !Tolerated(p!)).Select(p =>
            $"{p!["severity"]} {p["ruleId"]}: {p["message"]} at {p["location"]?[0]?["pointer"]}").ToList();
        Assert.True(left.Count == 0, $"Redocly reports {left.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, left)}");
    }

    [Fact]
    public async Task Every_operation_is_named_summarised_tagged_and_answers_with_examples()
    {
        var doc = JsonNode.Parse(await fixture.Client.GetStringAsync("/openapi/v1.json"))!;
        var tags = (doc["tags"]?.AsArray() ?? []).ToDictionary(t => (string)t!["name"]!, t => (string?)t!["description"]);
        var missing = new List<string>();
        Assert.False(string.IsNullOrWhiteSpace((string?)doc["info"]?["license"]?["name"]), "info.license is missing");

        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => Methods.Contains(o.Key)))
            {
                var at = $"{method.ToUpperInvariant()} {path}";
                void Need(bool present, string what)
                {
                    if (!present)
                    {
                        missing.Add($"{at}: {what}");
                    }
                }

                var responses = operation!["responses"]!.AsObject();
                var opTags = operation["tags"]?.AsArray().Select(t => (string)t!).ToList() ?? [];
                Need(!string.IsNullOrWhiteSpace((string?)operation["operationId"]), "an operationId");
                Need(!string.IsNullOrWhiteSpace((string?)operation["summary"]), "a summary");
                Need(opTags.Count > 0, "a tag");
                opTags.ForEach(t => Need(!string.IsNullOrWhiteSpace(tags.GetValueOrDefault(t)), $"a description of tag '{t}'"));
                Need(responses.Any(r => r.Key.StartsWith('2')), "a 2xx response");
                Need(responses.Any(r => r.Key.StartsWith('4')), "a 4xx response");
                foreach (var (status, response) in responses)
                {
                    foreach (var (type, media) in response!["content"]?.AsObject() ?? [])
                    {
                        Need(media!["example"] is not null || media["examples"] is not null, $"an example of its {status} {type}");
                    }
                }
                foreach (var name in (operation["parameters"]?.AsArray() ?? []).Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!))
                {
                    Need(char.IsLower(name[0]), $"the query name '{name}' in camelCase, as the README writes it");
                }
            }
        }
        Assert.True(missing.Count == 0, $"the document lacks:{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
    }
}
