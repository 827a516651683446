using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Carbon.Domain.Access;
using Carbon.Server.Tests.Infrastructure;

namespace Carbon.Server.Tests;

/// <summary>
/// Reminders through the API: a filer with months not filed gets one message a day in its account and one email through a
/// local SMTP server; a filer with nothing outstanding gets neither; filing the months ends them.
/// </summary>
public sealed class ReminderApiTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly FixedTime _time = new() { Now = new DateTimeOffset(2026, 9, 1, 10, 0, 0, TimeSpan.FromHours(8)) };
    private readonly SmtpSink _smtp = new();
    private CarbonApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = new CarbonApp(_folder.Path, _time, new Dictionary<string, string?>
        {
            ["Carbon:Smtp:Host"] = "127.0.0.1",
            ["Carbon:Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Carbon:Smtp:From"] = "区经信局 <carbon@district.example>",
            ["Carbon:Reminders:Enabled"] = "false",
        });
        await _app.OfficialAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
        _folder.Dispose();
    }

    /// <summary>
    /// Both firms registered on 1 September 2026. On 28 November, A has filed nothing: September (due 10 October) and
    /// October (due 10 November) are red. B filed both months: nothing to say.
    /// </summary>
    [Fact]
    public async Task A_filer_with_months_not_filed_gets_one_message_and_one_email_a_day_until_it_files()
    {
        var official = await _app.OfficialAsync();
        var (a, b) = (TestUscc.Next(), TestUscc.Next());
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(a, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await official.RegisterEnterpriseAsync(b, null)).StatusCode);
        _time.Now = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.FromHours(8));
        var filer = await _app.ClientAsync("remind-a", Role.Filer, firms: [a]);
        var quiet = await _app.ClientAsync("remind-b", Role.Filer, firms: [b]);
        Assert.Equal(HttpStatusCode.Created, (await quiet.FileAsync(b, "2026-09", Api.Filing())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await quiet.FileAsync(b, "2026-10", Api.Filing())).StatusCode);

        // The official gives A's filer an email address; GET returns it, and PUT takes what GET returned.
        var accounts = (await (await official.GetAsync("/api/accounts")).JsonAsync()).AsArray();
        var account = accounts.First(x => x!["userName"]!.GetValue<string>() == "remind-a")!;
        var profile = account["profile"]!.AsObject();
        profile["email"] = "not an address";
        await (await official.PutAsJsonAsync($"/api/accounts/{account["id"]}", profile)).AssertProblemAsync(HttpStatusCode.BadRequest, "email");
        profile["email"] = "energy@firm-a.example";
        var revised = await (await official.PutAsJsonAsync($"/api/accounts/{account["id"]}", profile)).JsonAsync();
        Assert.Equal("energy@firm-a.example", revised["profile"]!["email"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.Forbidden, (await filer.PostAsync("/api/reminders/run", null)).StatusCode);
        var run = await (await official.PostAsync("/api/reminders/run", null)).JsonAsync();
        Assert.Equal((1, 1, 0), (run["messages"]!.GetValue<int>(), run["emails"]!.GetValue<int>(), run["emailFailures"]!.GetValue<int>()));

        var mail = Assert.Single(_smtp.Received);
        Assert.Equal(["energy@firm-a.example"], mail.To);
        var parsed = await MimeKit.MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(mail.Data)));
        Assert.StartsWith("Carbon 提醒：2 个月份应报未报，0 条预警待说明", parsed.Subject);
        Assert.Contains("2026-09", parsed.TextBody);
        Assert.Contains("2026-10", parsed.TextBody);
        Assert.Equal("carbon@district.example", parsed.From.Mailboxes.Single().Address);

        var messages = (await (await filer.GetAsync("/api/account/messages")).JsonAsync()).AsArray();
        var message = Assert.Single(messages)!;
        Assert.Equal(parsed.Subject, message["subject"]!.GetValue<string>());
        Assert.Equal(("/alerts", "energy@firm-a.example"), (message["link"]!.GetValue<string>(), message["emailedTo"]!.GetValue<string>()));
        Assert.Empty((await (await quiet.GetAsync("/api/account/messages")).JsonAsync()).AsArray());

        // The same day again: nothing new. The next day, after A files both months: nothing outstanding, nothing sent.
        Assert.Equal(0, (await (await official.PostAsync("/api/reminders/run", null)).JsonAsync())["messages"]!.GetValue<int>());
        _time.Now = _time.Now.AddDays(1);
        Assert.Equal(HttpStatusCode.Created, (await filer.FileAsync(a, "2026-09", Api.Filing())).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await filer.FileAsync(a, "2026-10", Api.Filing())).StatusCode);
        Assert.Equal(0, (await (await official.PostAsync("/api/reminders/run", null)).JsonAsync())["messages"]!.GetValue<int>());
        Assert.Single(_smtp.Received);
    }
}
