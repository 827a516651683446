using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Domain.Access;
using Carbon.Server.Accounts;
using Carbon.Server.Ledger;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Carbon.Server.Tests;

/// <summary>Setup code, sign-in, lockout, disabled accounts, token revocation and the audit trail, through the HTTP pipeline.</summary>
public class AccountApiTests : IAsyncLifetime
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

    private async Task<string> NewCodeAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return (await AccountSetup.EnsureCodeAsync(scope.ServiceProvider.GetRequiredService<LedgerDbContext>(), TimeProvider.System))!;
    }

    private static object Setup(string code, string userName = "chief") =>
        new { code, userName, displayName = "鄞州区经信局", password = "Chief-pass-2026" };

    private async Task<HttpClient> TokenClientAsync(string userName, string password)
    {
        var http = _app.CreateClient();
        var response = await http.PostAsJsonAsync("/api/auth/token", new { userName, password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.JsonAsync())["token"]!.GetValue<string>());
        return http;
    }

    [Fact]
    public async Task The_setup_code_creates_the_first_official_once_and_then_stops_working()
    {
        var anonymous = _app.CreateClient();
        var code = await NewCodeAsync();
        await (await anonymous.PostAsJsonAsync("/api/setup", Setup("WRONG-CODE-0000"))).AssertProblemAsync(HttpStatusCode.NotFound, "code");
        var created = await (await anonymous.PostAsJsonAsync("/api/setup", Setup(code))).JsonAsync();
        Assert.Equal("district-official", created["profile"]!["role"]!.GetValue<string>());
        // Used: the same code, or any later attempt, creates nothing more; and no new code is made once an account exists.
        await (await anonymous.PostAsJsonAsync("/api/setup", Setup(code, "second"))).AssertProblemAsync(HttpStatusCode.NotFound, "code");
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            Assert.Null(await AccountSetup.EnsureCodeAsync(scope.ServiceProvider.GetRequiredService<LedgerDbContext>(), TimeProvider.System));
        }
        var chief = await TokenClientAsync("chief", "Chief-pass-2026");
        var audit = (await (await chief.GetAsync("/api/audit?action=account.setup")).JsonAsync())["items"]!.AsArray();
        Assert.Equal("chief", Assert.Single(audit)!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_out_even_for_the_right_one()
    {
        await _app.EnsureAccountAsync("victim", Role.Inspector);
        var http = _app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized,
                (await http.PostAsJsonAsync("/api/auth/token", new { userName = "victim", password = "Wrong-pass-0000" })).StatusCode);
        }
        var locked = await http.PostAsJsonAsync("/api/auth/token", new { userName = "victim", password = CarbonApp.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Contains("锁定", await locked.Content.ReadAsStringAsync());

        // A district official resets the password: the lockout ends and the new password works.
        var official = await _app.OfficialAsync();
        var id = (await (await official.GetAsync("/api/accounts")).JsonAsync()).AsArray().Single(a => a!["userName"]!.GetValue<string>() == "victim")!["id"]!.GetValue<string>();
        var reset = await (await official.PostAsync($"/api/accounts/{id}/password", null)).JsonAsync();
        await TokenClientAsync("victim", reset["password"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_disabled_account_cannot_sign_in_and_its_tokens_stop_working_at_once()
    {
        var official = await _app.OfficialAsync();
        var created = await (await official.PostAsJsonAsync("/api/accounts", new
        {
            userName = "leaver", profile = new { displayName = "离职填报员", role = "inspector" },
        })).JsonAsync();
        var (id, password) = (created["account"]!["id"]!.GetValue<string>(), created["password"]!.GetValue<string>());
        var leaver = await TokenClientAsync("leaver", password);
        Assert.Equal(HttpStatusCode.OK, (await leaver.GetAsync("/api/district/metrics?year=2023")).StatusCode);

        await (await official.PostAsJsonAsync($"/api/accounts/{id}/disable", new { })).AssertProblemAsync(HttpStatusCode.BadRequest, "reason");
        Assert.True((await (await official.PostAsJsonAsync($"/api/accounts/{id}/disable", new { reason = "离职" })).JsonAsync())["disabled"]!.GetValue<bool>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await leaver.GetAsync("/api/district/metrics?year=2023")).StatusCode);
        var again = await _app.CreateClient().PostAsJsonAsync("/api/auth/token", new { userName = "leaver", password });
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Contains("停用", await again.Content.ReadAsStringAsync());

        // Never deleted: the account is still listed, and the audit trail names who disabled it and why.
        var audit = (await (await official.GetAsync("/api/audit?subject=leaver")).JsonAsync())["items"]!.AsArray();
        var disabled = audit.Single(e => e!["action"]!.GetValue<string>() == "account.disabled")!;
        Assert.Equal("test-official", disabled["actor"]!.GetValue<string>());
        Assert.Equal("离职", disabled["detail"]!.GetValue<string>());
        await (await official.PostAsJsonAsync($"/api/accounts/{id}/enable", new { reason = "返聘" })).JsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await leaver.GetAsync("/api/district/metrics?year=2023")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_token_stops_working_and_only_its_owner_can_revoke_it()
    {
        await _app.EnsureAccountAsync("scripter", Role.Auditor);
        var first = await TokenClientAsync("scripter", CarbonApp.Password);
        var second = await TokenClientAsync("scripter", CarbonApp.Password);
        var tokens = (await (await first.GetAsync("/api/account/tokens")).JsonAsync()).AsArray();
        Assert.Equal(2, tokens.Count);
        Assert.DoesNotContain("\"token\"", tokens.ToJsonString());   // never the secret itself
        var firstId = first.DefaultRequestHeaders.Authorization!.Parameter![..(TokenAuthenticationHandler.Prefix.Length + 8)];

        // Another account cannot revoke it (404: not its token).
        var other = await _app.OfficialAsync();
        await (await other.DeleteAsync($"/api/account/tokens/{firstId}")).AssertProblemAsync(HttpStatusCode.NotFound, "id");
        Assert.Equal(HttpStatusCode.NoContent, (await second.DeleteAsync($"/api/account/tokens/{firstId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/account")).StatusCode);
        await using var db = _app.Services.GetRequiredService<ILedgerContextFactory>().Create();
        Assert.NotNull((await db.ApiTokens.SingleAsync(t => t.Id == firstId)).RevokedAt);   // kept, marked
    }

    [Fact]
    public async Task A_cookie_sign_in_works_for_the_pages_and_the_api_and_signing_out_ends_it()
    {
        await _app.EnsureAccountAsync("browser", Role.Auditor);
        var http = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true });
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/account")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync("/api/auth/sign-in", new { userName = "browser", password = CarbonApp.Password })).StatusCode);
        var me = await (await http.GetAsync("/api/account")).JsonAsync();
        Assert.Equal("auditor", me["profile"]!["role"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync("/api/auth/sign-out", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/account")).StatusCode);
    }

    [Fact]
    public async Task Every_write_names_the_authenticated_account_and_a_header_cannot_change_it()
    {
        var official = await _app.OfficialAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/parks") { Content = JsonContent.Create(new { code = "P-AUDIT", name = "审计园区", kind = "industrial-park" }) };
        request.Headers.Add("X-Carbon-Actor", "somebody-else");
        Assert.Equal(HttpStatusCode.Created, (await official.SendAsync(request)).StatusCode);
        var audit = (await (await official.GetAsync("/api/audit?subject=P-AUDIT")).JsonAsync())["items"]!.AsArray();
        Assert.Equal("test-official", Assert.Single(audit)!["actor"]!.GetValue<string>());
    }
}
