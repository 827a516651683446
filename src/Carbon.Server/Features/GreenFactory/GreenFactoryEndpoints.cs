using Carbon.Server.Factors;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.GreenFactory;

public static class GreenFactoryEndpoints
{
    public static IEndpointRouteBuilder MapGreenFactory(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/green-factory").WithTags("Green factory 绿色工厂");
        group.MapGet("/rule-sets", RuleSets).WithName("GreenFactoryRuleSets")
            .WithSummary("评价标准 The GB/T 36132 editions: basic requirements, categories, items to answer, computed indicators");
        group.MapPost("/applications", SubmitAsync).WithName("SubmitGreenFactoryApplication")
            .WithSummary("绿色工厂申报 Apply for a year under an edition; graded from the ledger and the answers, both editions side by side");
        group.MapGet("/applications/{id}", GetAsync).WithName("GetGreenFactoryApplication")
            .WithSummary("申报详情 Status, grade, gap list, the other edition's grade and every step with actor and time");
        group.MapPost("/applications/{id}/verification", VerifyAsync).WithName("VerifyGreenFactoryApplication")
            .WithSummary("核查 A verifier accepts or rejects answered items");
        group.MapPost("/applications/{id}/decision", DecideAsync).WithName("DecideGreenFactoryApplication")
            .WithSummary("审批 The district approves (freezing the inputs) or rejects");
        GreenFactoryRegister.MapGreenFactoryRegister(app);
        return app;
    }

    internal static Ok<RuleSetDto[]> RuleSets(GreenFactoryCatalog catalog) =>
        TypedResults.Ok(catalog.RuleSets.Values.OrderBy(s => s.Rules.Id).Select(s => new RuleSetDto(
            s.Rules.Id, s.Rules.Name, s.Rules.Edition, s.Rules.Version, s.File.Status!, s.File.Source!, s.Rules.PassScore, s.File.Scoring!,
            s.Rules.Basic.Select(b => (object)new { b.Id, b.Text }).ToArray(),
            s.Rules.Categories.Select(c => (object)new { c.Id, c.Name, c.Weight }).ToArray(),
            s.Rules.Categories.SelectMany(c => c.Items.Select(i => new RuleSetItemDto(i.Id, i.Text, c.Id,
                i.Requirement == Domain.GreenFactory.ItemRequirement.Mandatory ? "mandatory" : "optional", i.Points,
                i.Quantitative?.Metric, i.Quantitative?.Direction.ToString(), i.Quantitative?.Default?.Benchmark, i.Quantitative?.Default?.Leading,
                i.Quantitative?.ByIndustry.ToDictionary(kv => kv.Key, kv => (object)kv.Value)))).ToArray())).ToArray());

    internal static async Task<Results<Created<ApplicationView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        ApplicationRequest body, ApplicationRequestValidator validator, IGrainFactory grains, HttpContext http)
    {
        var result = await validator.ValidateAsync(body);
        if (!result.IsValid)
        {
            return Problems.Validation(result);
        }
        var id = Guid.NewGuid().ToString("N");
        var outcome = await grains.GetGrain<IGreenFactoryApplicationGrain>(id).SubmitAsync(new SubmitApplication(
            body.Uscc!, body.Year!.Value, body.Edition!, string.IsNullOrWhiteSpace(body.Product) ? null : body.Product.Trim(),
            body.Answers!.Select(a => new AnswerInput(a!.Item!, a.Met!.Value, a.Evidence?.Trim())).ToArray(), Actor.Of(http)));
        return outcome.Result == ApplicationResult.Ok
            ? TypedResults.Created($"/api/green-factory/applications/{id}", outcome.View!)
            : Problem(outcome);
    }

    internal static async Task<Results<Ok<ApplicationView>, ProblemHttpResult>> GetAsync(string id, IGrainFactory grains) =>
        Ok(await Grain(grains, id).GetAsync());

    internal static async Task<Results<Ok<ApplicationView>, ValidationProblem, ProblemHttpResult>> VerifyAsync(
        string id, VerificationRequest body, VerificationRequestValidator validator, IGrainFactory grains, HttpContext http)
    {
        var result = await validator.ValidateAsync(body);
        if (!result.IsValid)
        {
            return Problems.Validation(result);
        }
        var outcome = await Grain(grains, id).VerifyAsync(
            body.Decisions!.Select(d => new DecisionInput(d!.Item!, d.Accepted!.Value, d.Comment?.Trim())).ToArray(), Actor.Of(http));
        return outcome.Result == ApplicationResult.Ok ? TypedResults.Ok(outcome.View!) : Problem(outcome);
    }

    internal static async Task<Results<Ok<ApplicationView>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        string id, DecisionBody body, DecisionBodyValidator validator, IGrainFactory grains, HttpContext http)
    {
        var result = await validator.ValidateAsync(body);
        if (!result.IsValid)
        {
            return Problems.Validation(result);
        }
        var outcome = await Grain(grains, id).DecideAsync(body.Approve!.Value, body.Comment?.Trim(), Actor.Of(http));
        return outcome.Result == ApplicationResult.Ok ? TypedResults.Ok(outcome.View!) : Problem(outcome);
    }

    private static IGreenFactoryApplicationGrain Grain(IGrainFactory grains, string id) =>
        grains.GetGrain<IGreenFactoryApplicationGrain>(id.Length == 32 && id.All(Uri.IsHexDigit) ? id : "0");

    private static Results<Ok<ApplicationView>, ProblemHttpResult> Ok(ApplicationOutcome outcome) =>
        outcome.Result == ApplicationResult.Ok ? TypedResults.Ok(outcome.View!) : Problem(outcome);

    private static ProblemHttpResult Problem(ApplicationOutcome o) => o.Result switch
    {
        ApplicationResult.NotFound or ApplicationResult.UnknownEnterprise => Problems.NotFound(o.Field!, o.Message!),
        ApplicationResult.Conflict => Problems.Conflict(o.Field!, o.Message!),
        _ => TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [o.Field!] = [o.Message!] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "输入有误 (the request has invalid fields)",
        }),
    };
}
