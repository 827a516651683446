using System.Text.Json.Nodes;

namespace Carbon.Server.Tests.Infrastructure;

/// <summary>
/// Park and district figures follow a filing asynchronously (one-way messages, a 100 ms batch). Polls until the
/// condition holds, failing after <c>timeout</c> (far beyond the one-second freshness target, for a loaded CI box).
/// </summary>
public static class Eventually
{
    public static async Task<JsonNode> JsonAsync(HttpClient http, string url, Func<JsonNode, bool> condition, int timeoutMs = 10_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        JsonNode? last = null;
        while (DateTime.UtcNow < until)
        {
            var response = await http.GetAsync(url);
            if (response.IsSuccessStatusCode)
            {
                last = await response.JsonAsync();
                if (condition(last))
                {
                    return last;
                }
            }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException($"{url} did not reach the expected state within {timeoutMs} ms; last: {last?.ToJsonString()}");
    }

    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> condition, int timeoutMs = 10_000)
    {
        var until = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        T value;
        do
        {
            value = await read();
            if (condition(value))
            {
                return value;
            }
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < until);
        throw new Xunit.Sdk.XunitException($"value did not reach the expected state within {timeoutMs} ms; last: {value}");
    }
}
