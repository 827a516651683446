using Carbon.Domain.Factors;
using Carbon.Server.Accounts;
using Carbon.Server.Features.Accounts;
using Carbon.Server.Features.Archives;
using Carbon.Certificates;
using Carbon.Server.Certificates;
using Carbon.Server.Demo;
using Carbon.Server.Factors;
using Carbon.Server.Features.Certificates;
using Carbon.Server.Features.Enterprises;
using Carbon.Server.Features.Evaluations;
using Carbon.Server.Features.Filings;
using Carbon.Server.Features.GreenFactory;
using Carbon.Server.Features.Metrics;
using Carbon.Server.Features.Parks;
using Carbon.Server.Features.Targets;
using Carbon.Server.Features.Exports;
using Carbon.Server.Features.Warnings;
using Carbon.Server.Features.Intake;
using Carbon.Server.Features.Land;
using Carbon.Server.Features.Programme;
using Carbon.Server.Features.Plan;
using Carbon.Server.Features.Policies;
using Carbon.Server.Features.Supervision;
using Carbon.Server.Features.Verification;
using Carbon.Server.Configuration;
using Carbon.Server.Grains;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
using Carbon.Server.Wire;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Scalar.AspNetCore;

namespace Carbon.Server.Hosting;

/// <summary>Wires the service: options, factors, ledger, Orleans silo, validators, JSON and endpoints.</summary>
public static class CarbonHost
{
    public static WebApplicationBuilder AddCarbon(this WebApplicationBuilder builder)
    {
        builder.Configuration.AddCarbonLogDefaults();
        var options = CarbonOptions.Read(builder.Configuration);
        var services = builder.Services;
        services.AddCarbonCore(builder.Configuration);

        // Every request validator in this assembly, found rather than listed; ValidationFilter runs them.
        services.AddValidatorsFromAssemblyContaining<ValidationFilter>(ServiceLifetime.Singleton,
            v => v.ValidatorType.Namespace?.StartsWith("Carbon.Server.Features", StringComparison.Ordinal) == true);
        services.AddSingleton<MetricsCalculator>();
        services.AddSingleton<TargetsService>();
        services.AddSingleton<TrajectoryService>();
        services.AddSingleton<ClusterService>();
        services.AddSingleton<Features.Plan.PlanService>();
        services.AddSingleton<RequestDesk>();
        services.AddSingleton<IPlanEvaluationSource, PlanEvaluationBuilder>();
        services.AddSingleton<Features.Supervision.SupervisionService>();
        services.AddSingleton<Features.Intake.ImportService>();
        services.AddSingleton<Features.Exports.ExportService>();
        services.AddSingleton<ArchiveService>();
        services.AddSingleton<Features.Warnings.AlertService>();
        services.AddSingleton<Features.Warnings.DistrictSheets>();
        services.AddSingleton<Features.Land.LandService>();
        services.AddSingleton<Features.Programme.ProgrammeService>();
        services.AddSingleton<Features.Policies.PolicyService>();
        services.AddSingleton<Features.Warnings.ReminderMail>();
        services.AddSingleton<Features.Warnings.ReminderService>();
        services.AddSingleton<IDailyWork, Features.Warnings.DailyWork>();
        services.AddHostedService<Features.Warnings.DailyRunSchedule>();

        services.AddProblemDetails();
        services.AddExceptionHandler<BadRequestBodyHandler>();
        services.AddExceptionHandler<GrainRefusalHandler>();
        services.AddExceptionHandler<SiloUnavailableHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => WireJson.Configure(o.SerializerOptions));
        services.AddCarbonOpenApi();
        services.AddCarbonAccounts(options);
        services.AddRazorComponents();
        // Pages in Chinese: let the encoder write CJK as it is, not as &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddSingleton<Features.Web.WebFigures>();
        services.AddSingleton<Features.Web.DashboardFigures>();
        services.AddSingleton<Features.Web.PlanFigures>();
        services.AddHostedService<Features.Web.DashboardWarmup>();
        builder.WebHost.UseStaticWebAssets();   // blazor.web.js and the stylesheet in every environment, not only Development
        services.AddHostedService<AccountStartup>();
        services.AddHostedService<DemoApplicationsStartup>();
        services.AddHostedService<DemoSupervisionStartup>();
        services.AddHostedService<DemoImportStartup>();
        services.AddHostedService<DemoReminderStartup>();
        services.AddHostedService<DemoLandStartup>();
        services.AddHostedService<DemoProgrammeStartup>();
        services.AddHostedService<DemoPolicyStartup>();
        services.AddHostedService<DemoPlanStartup>();
        services.AddCarbonRateLimits();
        services.AddCarbonHealth();
        builder.AddCarbonTelemetry(options);

        builder.UseOrleans(silo => silo.UseCarbonEndpoints(options).UseCarbonTracing(options));
        return builder;
    }

    /// <summary>
    /// What the silo needs: validated options, the clock, the factor set, the ledger and its start-up (migrations,
    /// demo seed). Shared by the service and by the grain tests' in-process cluster.
    /// </summary>
    public static IServiceCollection AddCarbonCore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = CarbonOptions.Read(configuration);
        services.AddOptions<CarbonOptions>().Bind(configuration.GetSection(CarbonOptions.Section), o => o.ErrorOnUnknownConfiguration = true)
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CarbonOptions>, CarbonOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ReportingClock>();
        services.AddSingleton<FactorSet>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<CarbonOptions>>().Value;
            return FactorSetLoader.Load(o.FactorsPath, o.GridRegion);
        });
        services.AddSingleton(sp => MethodCatalog.Load(sp.GetRequiredService<IOptions<CarbonOptions>>().Value.FactorsPath));
        services.AddSingleton<EvaluationSnapshots>();
        services.AddSingleton(sp => GreenFactoryCatalog.Load(sp.GetRequiredService<IOptions<CarbonOptions>>().Value.FactorsPath));
        services.AddSingleton(sp => SupervisionCatalog.Load(sp.GetRequiredService<IOptions<CarbonOptions>>().Value.FactorsPath));
        services.AddSingleton(sp => IntakeCatalog.Load(sp.GetRequiredService<IOptions<CarbonOptions>>().Value.FactorsPath));
        services.AddSingleton(sp => WarningCatalog.Load(sp.GetRequiredService<IOptions<CarbonOptions>>().Value.FactorsPath));
        services.AddSingleton<GreenFactoryFactsReader>();
        services.AddSingleton<GreenFactoryRegister>();
        services.AddSingleton<IGreenFactoryCount>(sp => sp.GetRequiredService<GreenFactoryRegister>());
        services.AddSingleton<CertificateSigner>();
        services.AddSingleton<ICertificateRenderer>(_ => new MeteredCertificateRenderer(new CertificateRenderer()));
        services.AddSingleton<CertificateIssuer>();
        services.AddSingleton<CertificateDataBuilder>();
        services.AddSingleton<IReadOnlyList<TargetPlan>>(sp => TargetPlan.Load(sp.GetRequiredService<IOptions<CarbonOptions>>().Value.FactorsPath));
        services.AddSingleton(sp => ClusterCatalog.Load(sp.GetRequiredService<IOptions<CarbonOptions>>().Value.FactorsPath,
            sp.GetRequiredService<IReadOnlyList<TargetPlan>>()));
        services.AddLedger(options);
        services.AddHostedService<LedgerStartup>();
        services.AddHostedService<SiloLossRepair>();
        services.AddSingleton<DemoSeeder>();
        return services;
    }

    public static WebApplication MapCarbon(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseStaticFiles();   // the stylesheet and blazor.web.js: public files, served before routing and the access matrix
        app.UseRouting();
        app.UseAuthentication();
        app.UseMiddleware<RequestLogScope>();   // after authentication: the scope names the account
        app.UseRateLimiter();   // after authentication (a signed-in caller counts as its account), before access (refusals count too)
        app.UseMiddleware<AccessMiddleware>();
        app.UseAntiforgery();
        app.MapOpenApi();
        app.MapScalarApiReference(o => o.WithTitle("Carbon API 参考"));
        app.MapRazorComponents<Features.Web.App>();
        app.MapPost("/sign-out", async (Microsoft.AspNetCore.Identity.SignInManager<Ledger.AccountRecord> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.Redirect("/");
        }).ExcludeFromDescription();
        app.MapVerification();
        app.MapCarbonHealth();
        app.MapCarbonTelemetry(CarbonOptions.Read(app.Configuration));
        var api = app.MapGroup("/api").AddEndpointFilter<ValidationFilter>();
        api.MapAccounts();
        api.MapParks();
        api.MapEnterprises();
        api.MapFilings();
        api.MapMetrics();
        api.MapEvaluations();
        api.MapTargets();
        api.MapGreenFactory();
        api.MapCertificates();
        api.MapSupervision();
        api.MapIntake();
        api.MapExports();
        api.MapArchives();
        api.MapWarnings();
        api.MapLand();
        api.MapProgramme();
        api.MapPolicies();
        api.MapPlan();
        api.MapRequests();
        return app;
    }

    /// <summary>A start-up failure the operator can fix (bad configuration or factor file), as plain lines.</summary>
    public static bool TryDescribeStartupFailure(Exception e, out string text)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            switch (x)
            {
                case FactorLoadException f:
                    text = "Carbon cannot start: a factor file is invalid." + Environment.NewLine +
                           string.Join(Environment.NewLine, f.Problems.Select(p => "  " + p));
                    return true;
                case StartupRefusedException r:
                    text = "Carbon cannot start." + Environment.NewLine + "  " + r.Message;
                    return true;
                case OptionsValidationException o:
                    text = "Carbon cannot start: the configuration is invalid." + Environment.NewLine +
                           string.Join(Environment.NewLine, o.Failures.Select(p => "  " + p));
                    return true;
            }
        }
        text = string.Empty;
        return false;
    }
}
