using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Carbon.Server.Tests.Infrastructure;

/// <summary>Small helpers over the HTTP API, so tests read as the user's steps.</summary>
public static class Api
{
    public static Task<HttpResponseMessage> RegisterParkAsync(this HttpClient http, string code, string name = "测试园区") =>
        http.PostAsJsonAsync("/api/parks", new { code, name, kind = "industrial-park" });

    public static Task<HttpResponseMessage> RegisterEnterpriseAsync(this HttpClient http, string uscc, string? parkCode,
        decimal landAreaMu = 50m, string scale = "above", string name = "宁波测试制造有限公司") =>
        http.PostAsJsonAsync("/api/enterprises", new { uscc, name, industry = "机械装备", parkCode, scale, landAreaMu });

    public static Task<HttpResponseMessage> FileAsync(this HttpClient http, string uscc, string month, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/enterprises/{uscc}/filings/{month}")
        {
            Content = body is string raw ? new StringContent(raw, System.Text.Encoding.UTF8, "application/json") : JsonContent.Create(body),
        };
        return http.SendAsync(request);
    }

    /// <summary>A valid month: 100 000 kWh, 1 万m³ gas, 500 m³ water, VA 250 of output 1 000 (万元).</summary>
    public static Dictionary<string, object?> Filing(decimal kwh = 100_000m, decimal gasM3 = 10_000m, decimal water = 500m,
        decimal valueAdded = 250m, decimal output = 1_000m, string? reason = null) =>
        new()
        {
            ["energy"] = new object[]
            {
                new { carrier = "electricity", quantity = kwh, unit = "kWh" },
                new { carrier = "natural-gas", quantity = gasM3, unit = "m3" },
            },
            ["waterM3"] = water,
            ["outputValue"] = output,
            ["valueAdded"] = valueAdded,
            ["revenue"] = output * 1.05m,
            ["taxPaid"] = 40m,
            ["employees"] = 80,
            ["rdExpense"] = 20m,
            ["pollutants"] = new { codT = 0.1m, nh3nT = 0.01m, so2T = (decimal?)null, noxT = 0.05m },
            ["reason"] = reason,
        };

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(text) ?? throw new InvalidOperationException("empty body");
    }

    /// <summary>Asserts a 4xx problem whose <c>errors</c> name <paramref name="field"/>; returns the messages.</summary>
    public static async Task<string> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string field)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonNode.Parse(text)!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), $"expected an error on '{field}', got: {errors.ToJsonString()}");
        return string.Join(" | ", errors[field]!.AsArray().Select(e => e!.GetValue<string>()));
    }

    public static decimal Dec(this JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            current = current?[part];
        }
        return current is null ? throw new KeyNotFoundException(path) : current.GetValue<decimal>();
    }

    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
}
