using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Carbon.Domain.Access;
using Carbon.Server.Http;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Carbon.Server.Tests;

/// <summary>
/// Every door of the service × every role × an own and a foreign firm. Two parks, a firm in each with a year filed, a
/// green-factory application and a certificate each, an evaluation run and a batch; then every endpoint the service
/// maps is called as each role, on its own firm and on the other, and the answer checked against the access matrix:
/// 401 without an account, 403 for a role the row leaves out, 404 outside the caller's scope, and through otherwise.
/// </summary>
public class AccessMatrixTests : OwnService
{
    private sealed record World(string OwnFirm, string ForeignFirm, string OwnPark, string ForeignPark, string OwnApplication,
        string ForeignApplication, string OwnCertificate, string ForeignCertificate, string Run, string Batch, string Account,
        string OwnCase, string ForeignCase, string OwnEvidence, string ForeignEvidence, string Plan, string OwnImport, string ForeignImport,
        string OwnParcel, string ForeignParcel, string OwnRectification, string ForeignRectification, string OwnRectificationEvidence,
        string ForeignRectificationEvidence, string OwnMicroPark, string ForeignMicroPark, string OwnRequest, string ForeignRequest,
        string OwnRequestAttachment, string ForeignRequestAttachment, string Task);

    private static readonly string[] RoleNames = ["anonymous", "filer", "park-administrator", "district-official", "inspector", "evaluator", "auditor"];

    [Fact]
    public void Every_endpoint_has_a_row_and_every_row_an_endpoint()
    {
        var keys = Endpoints().SelectMany(AccessMatrix.Keys).ToHashSet(StringComparer.Ordinal);
        var missing = keys.Where(k => !AccessMatrix.Rules.ContainsKey(k)).Order().ToList();
        Assert.True(missing.Count == 0, "endpoints without a row in AccessMatrix.Rules (closed to everyone until they get one):\n" + string.Join("\n", missing));
        var stale = AccessMatrix.Rules.Keys.Where(k => !keys.Contains(k) && !AccessMatrix.Optional.Contains(k)).Order().ToList();
        Assert.True(stale.Count == 0, "rows for no endpoint:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Every_endpoint_answers_every_role_as_the_matrix_says()
    {
        var world = await BuildAsync();
        var clients = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
            ["filer"] = await App.ClientAsync("m-filer", Role.Filer, firms: [world.OwnFirm]),
            ["park-administrator"] = await App.ClientAsync("m-park", Role.ParkAdministrator, parks: [world.OwnPark]),
            ["district-official"] = Http,
            ["inspector"] = await App.ClientAsync("m-inspector", Role.Inspector),
            ["evaluator"] = await App.ClientAsync("m-evaluator", Role.Evaluator, applications: [world.OwnApplication]),
            ["auditor"] = await App.ClientAsync("m-auditor", Role.Auditor),
        };
        var failures = new List<string>();
        var calls = 0;
        foreach (var endpoint in Endpoints())
        {
            foreach (var key in AccessMatrix.Keys(endpoint))
            {
                var (method, route) = (key[..key.IndexOf(' ')], key[(key.IndexOf(' ') + 1)..]);
                var rule = AccessMatrix.Rules[key];
                foreach (var foreign in new[] { false, true })
                {
                    var path = Path(route, world, foreign);
                    foreach (var roleName in RoleNames)
                    {
                        var request = new HttpRequestMessage(new HttpMethod(method), path);
                        if (method is "POST" or "PUT")
                        {
                            request.Content = JsonContent.Create(new { });   // writes stop at validation once through the door
                        }
                        var response = await clients[roleName].SendAsync(request);
                        calls++;
                        var status = (int)response.StatusCode;
                        var expected = Expected(rule, roleName, method, route, foreign);
                        if (!expected.Allows(status))
                        {
                            failures.Add($"{roleName,-19} {method} {path}: {status}, expected {expected.Text} — {await Short(response)}");
                        }
                    }
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls answered against the matrix:\n{string.Join("\n", failures)}");
        Assert.True(calls > 500, $"only {calls} calls");
    }

    [Fact]
    public async Task A_filers_lists_never_contain_another_firm_and_its_writes_stop_at_its_own()
    {
        var world = await BuildAsync();
        var filer = await App.ClientAsync("l-filer", Role.Filer, firms: [world.OwnFirm]);

        var firms = (await (await filer.GetAsync("/api/enterprises?pageSize=500")).JsonAsync())["items"]!.AsArray();
        Assert.Equal([world.OwnFirm], firms.Select(f => f!["uscc"]!.GetValue<string>()));
        var certificates = (await (await filer.GetAsync("/api/certificates")).JsonAsync()).AsArray();
        Assert.NotEmpty(certificates);
        Assert.All(certificates, c => Assert.Equal(world.OwnFirm, c!["uscc"]!.GetValue<string>()));
        var applications = (await (await filer.GetAsync("/api/green-factory/applications")).JsonAsync()).AsArray();
        Assert.Equal([world.OwnApplication], applications.Select(a => a!["id"]!.GetValue<string>()));
        var ranked = (await (await filer.GetAsync($"/api/evaluations/{world.Run}/enterprises?pageSize=500")).JsonAsync())["items"]!.AsArray();
        Assert.Equal([world.OwnFirm], ranked.Select(r => r!["uscc"]!.GetValue<string>()));

        // Filing and revising another firm's data is answered as if the firm did not exist; its own is taken.
        var month = Api.Filing(reason: "更正");
        await (await filer.FileAsync(world.ForeignFirm, "2023-03", month)).AssertProblemAsync(HttpStatusCode.NotFound, "uscc");
        Assert.Equal(HttpStatusCode.OK, (await filer.FileAsync(world.OwnFirm, "2023-03", month)).StatusCode);
        var profile = (await (await Http.GetAsync($"/api/enterprises/{world.ForeignFirm}")).JsonAsync())["profile"]!.AsObject();
        profile["reason"] = "越权修改";
        await (await filer.PutAsJsonAsync($"/api/enterprises/{world.ForeignFirm}", profile)).AssertProblemAsync(HttpStatusCode.NotFound, "uscc");

        // A park administrator's lists hold its park's firms only.
        var park = await App.ClientAsync("l-park", Role.ParkAdministrator, parks: [world.OwnPark]);
        var parkFirms = (await (await park.GetAsync("/api/enterprises?pageSize=500")).JsonAsync())["items"]!.AsArray();
        Assert.Equal([world.OwnFirm], parkFirms.Select(f => f!["uscc"]!.GetValue<string>()));
        Assert.Equal([world.OwnPark], (await (await park.GetAsync("/api/parks")).JsonAsync()).AsArray().Select(p => p!["code"]!.GetValue<string>()));
        var missing = (await (await park.GetAsync("/api/filings/missing?month=2023-04")).JsonAsync()).AsArray();
        Assert.All(missing, m => Assert.Equal(world.OwnPark, m!["parkCode"]!.GetValue<string>()));
    }

    /// <summary>What the matrix says a role gets at a door: the statuses that are right.</summary>
    private sealed record Expectation(string Text, Func<int, bool> Allows);

    private static Expectation Expected(Access rule, string roleName, string method, string route, bool foreign)
    {
        if (rule.Anonymous)
        {
            return new("through (public)", s => s is not (401 or 403));
        }
        if (roleName == "anonymous")
        {
            // The API says 401; a page sends the browser to the sign-in page.
            return route.StartsWith("/api/") ? new("401", s => s == 401) : new("302 to /sign-in", s => s == 302);
        }
        Roles.TryParse(roleName, out var role);
        if (!rule.Roles.Contains(role))
        {
            return new("403", s => s == 403);
        }
        if (method != "GET")
        {
            return new("through the door", s => s is not (401 or 403));
        }
        if (foreign && OutOfScope(role, route))
        {
            return new("404 (outside its scope)", s => s == 404);
        }
        return new("200", s => s == 200 || (route == "/" && s == 302));
    }

    /// <summary>Whether the foreign key of a route is outside a role's scope (district roles see every firm and park).</summary>
    private static bool OutOfScope(Role role, string route) => role switch
    {
        Role.Filer => route.Contains("{uscc}") || route.Contains("{UsccText}") || route.Contains("{number}") || SupervisionCase(route) || ImportJob(route)
                      || Parcel(route) || Rectification(route) || MicroPark(route) || Request(route)
                      || route.StartsWith("/api/green-factory/applications/{id}") || route.StartsWith("/green-factory/{Id}"),
        Role.ParkAdministrator => route.Contains("{uscc}") || route.Contains("{UsccText}") || route.Contains("{code}") || route.Contains("{number}")
                                  || SupervisionCase(route) || Parcel(route) || Rectification(route) || MicroPark(route) || Request(route)
                                  || route.StartsWith("/api/green-factory/applications/{id}") || route.StartsWith("/green-factory/{Id}"),
        Role.Evaluator => route.StartsWith("/api/green-factory/applications/{id}") || route.StartsWith("/green-factory/{Id}"),
        _ => false,
    };

    private static bool Parcel(string route) => route.Contains("{parcel}") || route.Contains("{Parcel}");

    private static bool Rectification(string route) => route.StartsWith("/api/rectification/cases/{id}") || route.StartsWith("/rectification/{Id}");

    private static bool Request(string route) => route.StartsWith("/api/requests/{id}") || route.StartsWith("/requests/{Id}");

    private static bool MicroPark(string route) => route.Contains("{microPark}") || route.Contains("{MicroPark}");

    private static bool SupervisionCase(string route) => route.StartsWith("/api/supervision/cases/{id}") || route.StartsWith("/supervision/cases/{Id}");

    /// <summary>An import job: its uploader's (the matrix's filer uploads the own one) or an official's.</summary>
    private static bool ImportJob(string route) => route.StartsWith("/api/imports/{id}") || route.StartsWith("/imports/{Id}");

    private static string Path(string route, World w, bool foreign)
    {
        var path = route
            .Replace("{uscc}", foreign ? w.ForeignFirm : w.OwnFirm)
            .Replace("{UsccText}", foreign ? w.ForeignFirm : w.OwnFirm)
            .Replace("{MonthText}", "2023-03")
            .Replace("{code}", foreign ? w.ForeignPark : w.OwnPark)
            .Replace("{parcel}", foreign ? w.ForeignParcel : w.OwnParcel)
            .Replace("{Parcel}", foreign ? w.ForeignParcel : w.OwnParcel)
            .Replace("{policy}", "M-POLICY")
            .Replace("{Policy}", "M-POLICY")
            .Replace("{microPark}", foreign ? w.ForeignMicroPark : w.OwnMicroPark)
            .Replace("{MicroPark}", foreign ? w.ForeignMicroPark : w.OwnMicroPark)
            .Replace("{month}", "2023-03")
            .Replace("{number}", foreign ? w.ForeignCertificate : w.OwnCertificate)
            .Replace("{sha256}", Rectification(route) ? foreign ? w.ForeignRectificationEvidence : w.OwnRectificationEvidence
                : Request(route) ? foreign ? w.ForeignRequestAttachment : w.OwnRequestAttachment
                : foreign ? w.ForeignEvidence : w.OwnEvidence)
            .Replace("{kind}", "filings")
            .Replace("{year}", "2025")
            .Replace("{documentName}", "v1")
            .Replace("{documentName?}", "v1");
        path = route switch
        {
            _ when route.StartsWith("/api/green-factory/applications/{id}") => path.Replace("{id}", foreign ? w.ForeignApplication : w.OwnApplication),
            _ when route.StartsWith("/api/evaluations/{id}") => path.Replace("{id}", w.Run),
            _ when route.StartsWith("/evaluations/{Id}") => path.Replace("{Id}", w.Run),
            _ when route.StartsWith("/green-factory/{Id}") => path.Replace("{Id}", foreign ? w.ForeignApplication : w.OwnApplication),
            _ when route.StartsWith("/api/certificate-batches/{id}") => path.Replace("{id}", w.Batch),
            _ when route.StartsWith("/api/supervision/cases/{id}") => path.Replace("{id}", foreign ? w.ForeignCase : w.OwnCase),
            _ when route.StartsWith("/api/supervision/plans/{id}") => path.Replace("{id}", w.Plan),
            _ when route.StartsWith("/supervision/cases/{Id}") => path.Replace("{Id}", foreign ? w.ForeignCase : w.OwnCase),
            _ when route.StartsWith("/supervision/plans/{Id}") => path.Replace("{Id}", w.Plan),
            _ when route.StartsWith("/certificates/batches/{Id}") => path.Replace("{Id}", w.Batch),
            _ when route.StartsWith("/api/accounts/{id}") => path.Replace("{id}", w.Account),
            _ when route.StartsWith("/api/rectification/cases/{id}") => path.Replace("{id}", foreign ? w.ForeignRectification : w.OwnRectification),
            _ when route.StartsWith("/rectification/{Id}") => path.Replace("{Id}", foreign ? w.ForeignRectification : w.OwnRectification),
            _ when route.StartsWith("/api/imports/{id}") => path.Replace("{id}", foreign ? w.ForeignImport : w.OwnImport),
            _ when Request(route) => path.Replace("{id}", foreign ? w.ForeignRequest : w.OwnRequest).Replace("{Id}", foreign ? w.ForeignRequest : w.OwnRequest),
            _ when route.StartsWith("/api/plan/tasks/{id}") => path.Replace("{id}", w.Task),
            _ when route.StartsWith("/imports/{Id}") => path.Replace("{Id}", foreign ? w.ForeignImport : w.OwnImport),
            _ => path.Replace("{id}", "carbon_nosuchid"),
        };
        var query = route switch
        {
            _ when route.EndsWith("/metrics") || route is "/api/district/targets" or "/api/district/trajectory" or "/api/district/clusters" => "?year=2023",
            "/api/filings/missing" => "?month=2023-04",
            _ => "",
        };
        return path + query;
    }

    /// <summary>Two parks, a firm in each with 2020 and 2023 filed, an approved application and an annual report each, a run and a batch.</summary>
    private async Task<World> BuildAsync()
    {
        var (ownPark, foreignPark) = ("P-OWN", "P-FOREIGN");
        await Http.RegisterParkAsync(ownPark);
        await Http.RegisterParkAsync(foreignPark);
        var own = await FirmInAsync(ownPark);
        var foreign = await FirmInAsync(foreignPark);
        var ownApplication = await Http.ApprovedApplicationAsync(own);
        var foreignApplication = await Http.ApprovedApplicationAsync(foreign);
        var ownCertificate = (await Http.IssueAsync(new { kind = "annual-report", uscc = own, year = 2023 }))["number"]!.GetValue<string>();
        var foreignCertificate = (await Http.IssueAsync(new { kind = "annual-report", uscc = foreign, year = 2023 }))["number"]!.GetValue<string>();
        var run = (await (await Http.PostAsJsonAsync("/api/evaluations", new { year = 2023, method = "huangyan-2022" })).JsonAsync())["id"]!.GetValue<string>();
        var batch = await Http.PostAsJsonAsync("/api/certificate-batches", new { kind = "mujun-notice", evaluationId = run });
        var batchId = (await batch.JsonAsync())["id"]!.GetValue<string>();
        await App.EnsureAccountAsync("m-target", Role.Inspector);   // the account the account doors are tried on
        var accounts = (await (await Http.GetAsync("/api/accounts")).JsonAsync()).AsArray();
        var account = accounts.Single(a => a!["userName"]!.GetValue<string>() == "m-target")!["id"]!.GetValue<string>();
        async Task<(string Case, string Evidence)> CaseAsync(string firm)
        {
            var opened = await (await Http.PostAsJsonAsync("/api/supervision/cases", new { uscc = firm, year = 2026, mode = "written", trigger = "case", reason = "矩阵测试" })).JsonAsync();
            var id = opened["id"]!.GetValue<string>();
            var file = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("evidence " + firm)), "file", "e.txt" } };
            var sha = (await (await Http.PostAsync($"/api/supervision/cases/{id}/evidence", file)).JsonAsync())["sha256"]!.GetValue<string>();
            return (id, sha);
        }
        var (ownCase, ownEvidence) = await CaseAsync(own);
        var (foreignCase, foreignEvidence) = await CaseAsync(foreign);
        var plan = (await (await Http.PostAsJsonAsync("/api/supervision/plans", new
        {
            year = 2026, kind = "special", name = "矩阵测试计划", targets = new[] { new { uscc = own, reason = "测试", mode = "written" } },
        })).JsonAsync())["id"]!.GetValue<string>();
        async Task<string> ImportAsync(HttpClient http)
        {
            var template = await http.GetByteArrayAsync("/api/imports/template?format=csv");
            var form = new MultipartFormDataContent { { new ByteArrayContent(template), "file", "template.csv" } };
            return (await (await http.PostAsync("/api/imports", form)).JsonAsync())["id"]!.GetValue<string>();
        }
        foreach (var firm in new[] { own, foreign })
        {
            // A budget and an annual report to read back ({year} is 2025).
            Assert.Equal(HttpStatusCode.OK, (await Http.PutAsJsonAsync($"/api/enterprises/{firm}/budgets/2025", new { tce = 100m, reason = "矩阵测试" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Http.PutAsJsonAsync($"/api/enterprises/{firm}/energy-reports/2025",
                new { submittedOn = "2026-01-20", reference = "矩阵测试" })).StatusCode);
        }
        var ownImport = await ImportAsync(await App.ClientAsync("m-filer", Role.Filer, firms: [own]));
        var foreignImport = await ImportAsync(Http);
        async Task<string> ParcelAsync(string code, string firm, string park)
        {
            var created = await Http.PostAsJsonAsync("/api/parcels", new
            {
                code, name = "矩阵测试地块", locationKind = "park", location = park, parkCode = park, areaMu = 10m, landUse = "工业用地",
                supply = "standard-land", holder = firm, grantedOn = "2021-01-01", document = "矩阵测试",
                obligations = new { taxPerMu = 10m, reviewYear = 2023 },
            });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            return code;
        }
        var ownParcel = await ParcelAsync("M-OWN", own, ownPark);
        var foreignParcel = await ParcelAsync("M-FOREIGN", foreign, foreignPark);
        async Task<(string Case, string Evidence)> RectificationAsync(string firm, string park)
        {
            var opened = await Http.PostAsJsonAsync("/api/rectification/cases", new
            {
                campaign = "scattered-polluting", uscc = firm, town = "矩阵镇", parkCode = park, problems = new[] { "pollution" }, responsibleUnit = "矩阵镇",
                measures = "矩阵测试", deadline = "2026-12-31", on = "2026-01-01",
            });
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            var id = (await opened.JsonAsync())["id"]!.GetValue<string>();
            var file = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("rectified " + firm)), "file", "r.txt" } };
            return (id, (await (await Http.PostAsync($"/api/rectification/cases/{id}/evidence", file)).JsonAsync())["sha256"]!.GetValue<string>());
        }
        var (ownRectification, ownRectificationEvidence) = await RectificationAsync(own, ownPark);
        var (foreignRectification, foreignRectificationEvidence) = await RectificationAsync(foreign, foreignPark);
        async Task<string> MicroParkAsync(string code, string firm, string park)
        {
            Assert.Equal(HttpStatusCode.Created, (await Http.PostAsJsonAsync("/api/micro-parks", new
            {
                code, name = "矩阵小微园", @operator = "矩阵", developmentModel = "矩阵", floorAreaM2 = 1000m, town = "矩阵镇", parkCode = park,
            })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await Http.PostAsJsonAsync($"/api/micro-parks/{code}/entries", new { uscc = firm, on = "2026-01-01" })).StatusCode);
            return code;
        }
        Assert.Equal(HttpStatusCode.Created, (await Http.PostAsJsonAsync("/api/policies", new
        {
            id = "M-POLICY", title = "矩阵政策", documentNumber = "矩阵", validFrom = "2026-01-01", validTo = "2026-12-31", amount = 1m,
            rules = new[] { new { kind = "scale", value = "above" } },
        })).StatusCode);
        var ownMicroPark = await MicroParkAsync("XW-OWN", own, ownPark);
        var foreignMicroPark = await MicroParkAsync("XW-FOREIGN", foreign, foreignPark);
        async Task<(string Request, string Attachment)> RequestAsync(string firm)
        {
            var filed = await Http.PostAsJsonAsync("/api/requests", new { uscc = firm, category = "land", title = "矩阵诉求", text = "矩阵测试" });
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
            var id = (await filed.JsonAsync())["id"]!.GetValue<string>();
            var file = new MultipartFormDataContent { { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("request " + firm)), "file", "q.txt" } };
            return (id, (await (await Http.PostAsync($"/api/requests/{id}/attachments", file)).JsonAsync())["sha256"]!.GetValue<string>());
        }
        var (ownRequest, ownRequestAttachment) = await RequestAsync(own);
        var (foreignRequest, foreignRequestAttachment) = await RequestAsync(foreign);
        var task = (await (await Http.PostAsJsonAsync("/api/plan/tasks", new
        {
            title = "矩阵任务", kind = "task", unit = "矩阵单位", targets = new[] { "water-use" }, measures = "矩阵", cadence = "monthly",
            starts = "2026-01-01", ends = "2026-12-31",
        })).JsonAsync())["task"]!["id"]!.GetValue<string>();
        return new World(own, foreign, ownPark, foreignPark, ownApplication, foreignApplication, ownCertificate, foreignCertificate, run, batchId, account,
            ownCase, foreignCase, ownEvidence, foreignEvidence, plan, ownImport, foreignImport, ownParcel, foreignParcel, ownRectification, foreignRectification,
            ownRectificationEvidence, foreignRectificationEvidence, ownMicroPark, foreignMicroPark, ownRequest, foreignRequest, ownRequestAttachment,
            foreignRequestAttachment, task);
    }

    private Task<string> FirmInAsync(string park) => Http.FirmAsync(park: park);

    private IEnumerable<RouteEndpoint> Endpoints() =>
        App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static async Task<string> Short(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length > 160 ? text[..160] : text;
    }
}
