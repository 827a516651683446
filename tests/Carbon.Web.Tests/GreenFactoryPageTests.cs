using System.Text.Json;
using Carbon.Server.Demo;
using Carbon.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Carbon.Web.Tests;

/// <summary>The green-factory queue: an application is verified item by item and approved in the browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class GreenFactoryPageTests(CarbonSite site, ITestOutputHelper output)
{
    [BrowserFact]
    public async Task An_official_verifies_an_application_in_the_queue_and_approves_it()
    {
        var official = await site.NewPageAsync();
        await official.SignInAsync("official", DistrictPageTests.Official);
        // A firm's GB/T 36132-2025 application for 2025, every basic requirement and qualitative item claimed (as the API takes it).
        var rules = (await (await official.APIRequest.GetAsync("/api/green-factory/rule-sets")).JsonAsync())!.Value
            .EnumerateArray().Single(r => r.GetProperty("id").GetString() == "gbt36132-2025");
        var items = rules.GetProperty("basic").EnumerateArray().Select(b => b.GetProperty("id").GetString()!)
            .Concat(rules.GetProperty("items").EnumerateArray()
                .Where(i => !i.TryGetProperty("metric", out var m) || m.ValueKind == JsonValueKind.Null).Select(i => i.GetProperty("id").GetString()!))
            .ToList();
        var submitted = await official.APIRequest.PostAsync("/api/green-factory/applications", new()
        {
            DataObject = new { uscc = DemoDistrict.Uscc(6), year = 2025, edition = "gbt36132-2025",
                answers = items.Select(i => new { item = i, met = true, evidence = "佐证材料 " + i }) },
        });
        Assert.True(submitted.Ok, $"submitting answered {submitted.Status}: {await submitted.TextAsync()}");
        var id = (await submitted.JsonAsync())!.Value.GetProperty("id").GetString()!;

        // The queue lists it; its page shows every answer with its evidence.
        await official.OpenAsync("/green-factory?status=submitted", output);
        await official.Locator($"a[href='/green-factory/{id}']").ClickAsync();
        await official.ExpectPathAsync($"/green-factory/{id}");
        await Expect(official.Locator("#status")).ToHaveTextAsync("submitted");
        await Expect(official.Locator("main")).ToContainTextAsync("佐证材料 " + items[0]);

        // Approving before verification is refused; after verifying every item it is approved and frozen.
        await official.GetByRole(AriaRole.Button, new() { Name = "批准 Approve" }).ClickAsync();
        await Expect(official.Locator("p.error")).ToContainTextAsync("未核查");
        await official.GetByRole(AriaRole.Button, new() { Name = "提交核查 Record verification" }).ClickAsync();
        await Expect(official.Locator(".notice")).ToContainTextAsync("核查已记录");
        await Expect(official.Locator("#status")).ToHaveTextAsync("verifying");
        await official.ScreenshotAsync("green-factory", output);
        await official.GetByRole(AriaRole.Button, new() { Name = "批准 Approve" }).ClickAsync();
        await Expect(official.Locator("#status")).ToHaveTextAsync("approved");
        await Expect(official.GetByRole(AriaRole.Button, new() { Name = "批准 Approve" })).ToHaveCountAsync(0);

        // The approved application's certificate is issued from its page.
        await official.GetByRole(AriaRole.Button, new() { Name = "出具绿色工厂证书 Issue the certificate" }).ClickAsync();
        await Expect(official.Locator(".notice")).ToContainTextAsync("已出具");
        var first = official.Locator("a[href^='/verify/']");
        await Expect(first).ToHaveCountAsync(1);
        var number = (await first.InnerTextAsync()).Trim();

        // Revoked (here through the API), the approval gives no new certificate until an official reinstates it with a reason.
        var revoked = await official.APIRequest.PostAsync($"/api/certificates/{number}/revoke", new() { DataObject = new { reason = "现场核查发现不符" } });
        Assert.True(revoked.Ok, $"revoking answered {revoked.Status}");
        await official.OpenAsync($"/green-factory/{id}", output);
        await Expect(official.Locator("main")).ToContainTextAsync("已吊销");
        await official.Locator("#reinstateReason").FillAsync("整改完成，复核通过");
        await official.GetByRole(AriaRole.Button, new() { Name = "恢复发证 Reinstate" }).ClickAsync();
        await Expect(official.Locator(".notice")).ToContainTextAsync("已恢复");
        await official.GetByRole(AriaRole.Button, new() { Name = "出具绿色工厂证书 Issue the certificate" }).ClickAsync();
        await Expect(official.Locator(".notice")).ToContainTextAsync("已出具");
        await Expect(official.Locator("a[href^='/verify/']")).ToHaveCountAsync(2);
    }

    [BrowserFact]
    public async Task The_demo_queue_shows_an_application_at_each_stage()
    {
        var official = await site.NewPageAsync();
        await official.SignInAsync("official", DistrictPageTests.Official);
        // The demo's applications are made through the grains just after start-up: wait for them a little.
        foreach (var status in new[] { "submitted", "verifying", "approved" })
        {
            var listed = official.Locator("a[href^='/green-factory/']");
            for (var attempt = 0; attempt < 30; attempt++)
            {
                await official.GotoAsync($"/green-factory?status={status}");
                if (await listed.CountAsync() > 0)
                {
                    break;
                }
                await Task.Delay(500);
            }
            await Expect(listed.First).ToBeVisibleAsync();
        }
    }
}
