using Carbon.Domain.Access;
using Carbon.Domain.Accounting;
using Carbon.Domain.Certificates;
using Carbon.Domain.Energy;
using Carbon.Domain.Registry;
using Carbon.Domain.Units;
using System.Text.Json.Nodes;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Hosting;
using Carbon.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Carbon.Server.Tests;

/// <summary>
/// Grains check their own invariants, whoever calls them: bad input sent straight to a grain (no HTTP validator in the
/// way) is refused with the field and the reason, and nothing reaches the ledger.
/// </summary>
[Collection(ClusterCollection.Name)]
public class GrainGuardTests(ClusterFixture fixture)
{
    private static readonly Caller Official = Caller.Of("test", Role.DistrictOfficial);

    private static EnterpriseProfile Profile(Uscc uscc) => new(uscc, "守卫测试", "机械装备", "C3441", null, "above", 10m, null, null);

    private static MonthlyFiling Filing(YearMonth month, decimal water = 10m) =>
        new(month, [new EnergyUse(EnergyCarrier.Electricity, new Quantity(1_000m, MeasureUnit.KilowattHour))], water, 400m, 100m, 400m, 10m, 20, 1m, null);

    private static async Task<GrainInputRefusedException> Refused(string field, Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<GrainInputRefusedException>(call);
        Assert.Equal(field, e.Field);
        Assert.False(string.IsNullOrWhiteSpace(e.Reason));
        return e;
    }

    /// <summary>Rows the ledger holds about a subject: its enterprise, revisions, filings, audit events.</summary>
    private async Task<int> LedgerRowsAsync(string subject)
    {
        await using var db = fixture.Ledger.Create();
        return await db.Enterprises.CountAsync(e => e.Uscc == subject) + await db.EnterpriseRevisions.CountAsync(r => r.Uscc == subject)
               + await db.Filings.CountAsync(f => f.Uscc == subject) + await db.AuditEvents.CountAsync(a => a.Subject == subject)
               + await db.Parks.CountAsync(p => p.Code == subject);
    }

    [Theory]
    [InlineData("not-a-uscc")]
    [InlineData("91330212MA2AAAAAA0")]    // 18 characters, wrong check character
    public async Task An_enterprise_grain_whose_key_is_no_USCC_refuses_every_change(string key)
    {
        var grain = fixture.Grains.GetGrain<IEnterpriseGrain>(key);
        var profile = Profile(Uscc.Parse(TestUscc.Next()));
        await Refused("uscc", () => grain.RegisterAsync(profile, Official));
        await Refused("uscc", () => grain.ReviseProfileAsync(profile, "更正", Official));
        await Refused("uscc", () => grain.FileAsync(new FilingSubmission(Filing(new YearMonth(2023, 1)), null, Official)));
        Assert.Null(await grain.GetAsync(Official));
        Assert.Equal(0, await LedgerRowsAsync(key));
        Assert.Equal(0, await LedgerRowsAsync(profile.Uscc.Value));
    }

    public static TheoryData<string, Func<EnterpriseProfile, EnterpriseProfile>> BadProfiles => new()
    {
        { "landAreaMu", p => p with { LandAreaMu = -1m } },
        { "landAreaMu", p => p with { LandAreaMu = 1_000_000m } },
        { "leasedAreaMu", p => p with { LeasedAreaMu = 100_001m } },
        { "floorAreaM2", p => p with { FloorAreaM2 = 1e12m } },
        { "footprintM2", p => p with { FootprintM2 = -0.5m } },
        { "name", p => p with { Name = "守卫\u202E测试" } },
        { "name", p => p with { Name = " " } },
        { "industry", p => p with { Industry = "机械\n装备" } },
        { "scale", p => p with { Scale = "huge" } },
        { "parkCode", p => p with { ParkCode = "../etc" } },
        { "uscc", p => p with { Uscc = Uscc.Parse(TestUscc.Next()) } },
    };

    [Theory]
    [MemberData(nameof(BadProfiles))]
    public async Task A_bad_profile_is_refused_before_the_ledger(string field, Func<EnterpriseProfile, EnterpriseProfile> spoil)
    {
        var uscc = Uscc.Parse(TestUscc.Next());
        var grain = fixture.Grains.Enterprise(uscc);
        await Refused(field, () => grain.RegisterAsync(spoil(Profile(uscc)), Official));
        Assert.Null(await grain.GetAsync(Official));
        Assert.Equal(0, await LedgerRowsAsync(uscc.Value));

        // A registered firm's revision is checked the same way (but for the park, which a revision cannot change); the
        // profile stays at revision 1.
        Assert.Equal(RegistrationStatus.Registered, await grain.RegisterAsync(Profile(uscc), Official));
        if (field != "parkCode")
        {
            await Refused(field, () => grain.ReviseProfileAsync(spoil(Profile(uscc)), "更正", Official));
        }
        await Refused("reason", () => grain.ReviseProfileAsync(Profile(uscc) with { LandAreaMu = 11m }, "更正\u0000", Official));
        await Refused("actor", () => grain.ReviseProfileAsync(Profile(uscc) with { LandAreaMu = 11m }, "更正", Caller.Of("\u200B", Role.DistrictOfficial)));
        Assert.Equal(1, (await grain.GetAsync(Official))!.Revision);
        await using var db = fixture.Ledger.Create();
        Assert.Equal(1, await db.EnterpriseRevisions.CountAsync(r => r.Uscc == uscc.Value));
    }

    [Fact]
    public async Task A_filing_outside_the_accepted_months_or_limits_is_refused_before_the_ledger()
    {
        var uscc = Uscc.Parse(TestUscc.Next());
        var grain = fixture.Grains.Enterprise(uscc);
        Assert.Equal(RegistrationStatus.Registered, await grain.RegisterAsync(Profile(uscc), Official));

        await Refused("month", () => grain.FileAsync(new FilingSubmission(Filing(new YearMonth(2019, 12)), null, Official)));
        await Refused("month", () => grain.FileAsync(new FilingSubmission(Filing(new YearMonth(2099, 1)), null, Official)));
        await Refused("waterM3", () => grain.FileAsync(new FilingSubmission(Filing(new YearMonth(2023, 1), water: -1m), null, Official)));
        await Refused("waterM3", () => grain.FileAsync(new FilingSubmission(Filing(new YearMonth(2023, 1), water: 2e9m), null, Official)));
        await Refused("valueAdded", () => grain.FileAsync(new FilingSubmission(Filing(new YearMonth(2023, 1)) with { ValueAdded = 2e8m }, null, Official)));
        await Refused("energy[0].quantity", () => grain.FileAsync(new FilingSubmission(Filing(new YearMonth(2023, 1)) with
        {
            Energy = [new EnergyUse(EnergyCarrier.Electricity, new Quantity(1e11m, MeasureUnit.KilowattHour))],
        }, null, Official)));
        await Refused("energy[1].carrier", () => grain.FileAsync(new FilingSubmission(Filing(new YearMonth(2023, 1)) with
        {
            Energy = [new EnergyUse(EnergyCarrier.Electricity, new Quantity(1m, MeasureUnit.KilowattHour)),
                new EnergyUse(EnergyCarrier.Electricity, new Quantity(2m, MeasureUnit.KilowattHour))],
        }, null, Official)));
        await Refused("products[0].name", () => grain.FileAsync(new FilingSubmission(Filing(new YearMonth(2023, 1)) with
        {
            Products = [new ProductOutput("钢\u2066件", 1m, "t")],
        }, null, Official)));
        await Refused("note", () => grain.FileAsync(new FilingSubmission(Filing(new YearMonth(2023, 1)), null, Official, Confirmation: "核实\r无误")));

        Assert.Empty((await grain.GetAsync(Official))!.MonthsFiled);
        await using var db = fixture.Ledger.Create();
        Assert.Equal(0, await db.Filings.CountAsync(f => f.Uscc == uscc.Value));

        // The same grain still takes a good filing, and a revision's reason may have several lines.
        Assert.Equal(FilingStatus.Created, (await grain.FileAsync(new FilingSubmission(Filing(new YearMonth(2023, 1)), null, Official))).Status);
        Assert.Equal(FilingStatus.Revised,
            (await grain.FileAsync(new FilingSubmission(Filing(new YearMonth(2023, 1), water: 11m), "抄表更正\n见附件", Official))).Status);
    }

    [Fact]
    public async Task A_park_grain_refuses_a_bad_key_or_profile()
    {
        await Refused("code", () => fixture.Grains.GetGrain<IParkGrain>(ParkKeys.Unparked)
            .RegisterAsync(new ParkProfile(ParkKeys.Unparked, "园外", "other"), Official));
        await Refused("code", () => fixture.Grains.GetGrain<IParkGrain>("GUARD-A").RegisterAsync(new ParkProfile("GUARD-B", "甲", "other"), Official));
        await Refused("name", () => fixture.Grains.GetGrain<IParkGrain>("GUARD-C").RegisterAsync(new ParkProfile("GUARD-C", "甲\u202B园", "other"), Official));
        await Refused("kind", () => fixture.Grains.GetGrain<IParkGrain>("GUARD-D").RegisterAsync(new ParkProfile("GUARD-D", "甲园", "<b>"), Official));
        foreach (var code in new[] { ParkKeys.Unparked, "GUARD-A", "GUARD-B", "GUARD-C", "GUARD-D" })
        {
            Assert.Equal(0, await LedgerRowsAsync(code));
        }
    }

    [Fact]
    public async Task Revocation_and_reinstatement_need_a_reason_and_write_nothing_without_one()
    {
        var register = fixture.Grains.GetGrain<ICertificateRegisterGrain>(RegisterKeys.Register);
        await Refused("reason", () => register.RevokeAsync("AR-2023-000001", "", Official));
        await Refused("reason", () => register.RevokeAsync("AR-2023-000001", "  ", Official));
        await Refused("reason", () => register.RevokeAsync("AR-2023-000001", "数据\u202E造假", Official));
        var application = fixture.Grains.GetGrain<IGreenFactoryApplicationGrain>(Guid.NewGuid().ToString("N"));
        await Refused("reason", () => application.ReinstateAsync("", Official));
        await Refused("comment", () => application.DecideAsync(false, null, Official));
        await Refused("decisions[0].comment", () => application.VerifyAsync([new Decision("basic.legal", false, null)], Official));

        await using var db = fixture.Ledger.Create();
        Assert.False(await db.CertificateRevocations.AnyAsync(r => r.Number == "AR-2023-000001"));
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Subject == "AR-2023-000001"));
        Assert.False(await db.GreenFactoryEvents.AnyAsync(e => e.ApplicationId == application.GetPrimaryKeyString()));
    }

    [Fact]
    public async Task A_refused_reservation_takes_no_certificate_number()
    {
        var register = fixture.Grains.GetGrain<ICertificateRegisterGrain>(RegisterKeys.Register);
        var first = await register.ReserveAsync(new CertificateReservation(CertificateKind.AnnualReport, Uscc.Parse(TestUscc.Next()), 2021, null));
        Assert.Equal(ReserveStatus.Reserved, first.Status);

        await Refused("year", () => register.ReserveAsync(new CertificateReservation(CertificateKind.AnnualReport, Uscc.Parse(TestUscc.Next()), 2019, null)));
        await Refused("year", () => register.ReserveAsync(new CertificateReservation(CertificateKind.AnnualReport, Uscc.Parse(TestUscc.Next()), 2999, null)));
        await Refused("reason", () => register.ReserveAsync(
            new CertificateReservation(CertificateKind.AnnualReport, Uscc.Parse(TestUscc.Next()), 2021, "更正\u200D")));

        var next = await register.ReserveAsync(new CertificateReservation(CertificateKind.AnnualReport, Uscc.Parse(TestUscc.Next()), 2021, null));
        Assert.Equal(Sequence(first.Number!) + 1, Sequence(next.Number!));
        await register.ReleaseAsync(first.Number!);
        await register.ReleaseAsync(next.Number!);

        // A number the register did not hand out is never recorded.
        var forged = new CertificateEntry("AR-2021-999999", CertificateKind.AnnualReport, Uscc.Parse(TestUscc.Next()), 2021, null, null,
            DateTimeOffset.UtcNow, null, "test", new string('a', 64), "c2ln", "{}", [1]);
        await Refused("number", () => register.RecordAsync(forged));
        await using var db = fixture.Ledger.Create();
        Assert.False(await db.Certificates.AnyAsync(c => c.Number == forged.Number));
    }

    [Fact]
    public async Task Evaluation_application_and_batch_grains_refuse_bad_keys_and_years()
    {
        await Refused("id", () => fixture.Grains.GetGrain<IEvaluationGrain>("run-1").RunAsync(2023, "huangyan-2022", Official));
        await Refused("year", () => fixture.Grains.GetGrain<IEvaluationGrain>(Guid.NewGuid().ToString("N")).RunAsync(2019, "huangyan-2022", Official));
        await Refused("id", () => fixture.Grains.GetGrain<ICertificateBatchGrain>("x").StartAsync(Guid.NewGuid().ToString("N"), Official));

        var uscc = Uscc.Parse(TestUscc.Next());
        var submit = new SubmitApplication(uscc, 2023, "gbt36132-2025", null, [new Answer("basic.legal", true, "营业执照")], Official);
        await Refused("id", () => fixture.Grains.GetGrain<IGreenFactoryApplicationGrain>("0").SubmitAsync(submit));
        var application = fixture.Grains.GetGrain<IGreenFactoryApplicationGrain>(Guid.NewGuid().ToString("N"));
        await Refused("year", () => application.SubmitAsync(submit with { Year = 2019 }));
        await Refused("edition", () => application.SubmitAsync(submit with { RuleSetId = "gbt-none" }));
        await Refused("answers[0].evidence", () => application.SubmitAsync(submit with { Answers = [new Answer("basic.legal", true, null)] }));
        await Refused("answers[1].item", () => application.SubmitAsync(submit with
        {
            Answers = [new Answer("basic.legal", true, "甲"), new Answer("basic.legal", true, "乙")],
        }));

        await using var db = fixture.Ledger.Create();
        Assert.False(await db.EvaluationRuns.AnyAsync(r => r.Id == "run-1"));
        Assert.False(await db.GreenFactoryApplications.AnyAsync(a => a.Uscc == uscc.Value));
    }

    [Fact]
    public async Task A_refusal_that_reaches_the_HTTP_layer_is_a_400_naming_the_field_never_a_500()
    {
        await using var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Response.Body = new MemoryStream();
        var handler = new GrainRefusalHandler(services.GetRequiredService<IProblemDetailsService>(), NullLogger<GrainRefusalHandler>.Instance);

        Assert.True(await handler.TryHandleAsync(http, new GrainInputRefusedException("landAreaMu", "用地面积不能为负 (landAreaMu cannot be negative)"), default));
        Assert.Equal(StatusCodes.Status400BadRequest, http.Response.StatusCode);
        var problem = JsonNode.Parse(((MemoryStream)http.Response.Body).ToArray())!;
        Assert.Equal("用地面积不能为负 (landAreaMu cannot be negative)", problem["errors"]!["landAreaMu"]![0]!.GetValue<string>());
        Assert.False(await handler.TryHandleAsync(new DefaultHttpContext(), new InvalidOperationException(), default));
    }

    private static int Sequence(string number) => int.Parse(number[(number.LastIndexOf('-') + 1)..]);
}
