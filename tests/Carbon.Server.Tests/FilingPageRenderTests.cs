using System.Collections.Concurrent;
using System.Net;
using Carbon.Server.Grains;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Carbon.Server.Tests;

/// <summary>
/// A page renders at the first await that does not finish at once. The filing page once made its form visible before
/// awaiting the month, so when the firm's lookup finished at once and the month's did not, the form rendered without its
/// model and the page answered 500 (one request in ~20 000 under the reliability soak). The filter below makes exactly
/// that order happen on every request.
/// </summary>
public class FilingPageRenderTests
{
    [Fact]
    public async Task The_filing_page_renders_when_the_firm_is_known_at_once_and_the_month_is_not()
    {
        using var folder = new TempFolder();
        var order = new FirmAtOnceMonthLater();
        await using var app = new CarbonApp(folder.Path, testServices: s => s.AddSingleton<IOutgoingGrainCallFilter>(order));
        var http = await app.OfficialAsync();
        var uscc = await http.FirmAsync(months2023: 2);

        for (var i = 0; i < 3; i++)   // the first lookup of the firm is remembered; the next ones finish at once
        {
            var page = await http.GetAsync($"/firms/{uscc}/filings/2023-02");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("name=\"_handler\" value=\"filing\"", html);   // the form, with its model
        }
        Assert.True(order.AnsweredAtOnce >= 2, $"the firm's lookup finished at once {order.AnsweredAtOnce} times");
    }

    /// <summary>Answers an enterprise's <c>GetAsync</c> from memory (a completed call) and delays its <c>GetFilingAsync</c>.</summary>
    private sealed class FirmAtOnceMonthLater : IOutgoingGrainCallFilter
    {
        private readonly ConcurrentDictionary<GrainId, object?> _firms = new();
        private int _atOnce;

        public int AnsweredAtOnce => _atOnce;

        public Task Invoke(IOutgoingGrainCallContext context)
        {
            if (context.Request.GetInterfaceType() != typeof(IEnterpriseGrain))
            {
                return context.Invoke();
            }
            if (context.MethodName == nameof(IEnterpriseGrain.GetAsync) && _firms.TryGetValue(context.TargetId, out var firm))
            {
                context.Result = firm;
                Interlocked.Increment(ref _atOnce);
                return Task.CompletedTask;
            }
            return context.MethodName switch
            {
                nameof(IEnterpriseGrain.GetAsync) => RememberAsync(context),
                nameof(IEnterpriseGrain.GetFilingAsync) => LaterAsync(context),
                _ => context.Invoke(),
            };
        }

        private async Task RememberAsync(IOutgoingGrainCallContext context)
        {
            await context.Invoke();
            _firms[context.TargetId] = context.Result;
        }

        private static async Task LaterAsync(IOutgoingGrainCallContext context)
        {
            await Task.Delay(20);
            await context.Invoke();
        }
    }
}
