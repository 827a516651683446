using Carbon.Domain.Energy;
using Carbon.Domain.Intake;
using Carbon.Domain.Units;
using FluentValidation;

namespace Carbon.Server.Factors;

// factors/intake/*.json: how imported statistics forms map onto Carbon's filing. See docs/intake.md.

public sealed record Form2051File(string? Id, string? Name, string? Edition, string? Status, string? Source, Form2051TolerancesFile? Tolerances,
    List<Form2051UnitFile?>? Units, List<Form2051RowFile?>? Rows);

public sealed record Form2051TolerancesFile(decimal? Balance, decimal? Coefficient, decimal? Total);

public sealed record Form2051UnitFile(string? Name, string? Unit);

public sealed record Form2051RowFile(string? Code, string? Name, List<string?>? Synonyms, string? Unit, string? Carrier, string? BreakdownOf, bool? Total,
    decimal? Reference);

public sealed class Form2051FileValidator : AbstractValidator<Form2051File>
{
    public Form2051FileValidator()
    {
        RuleFor(f => f.Edition).NotEmpty();
        RuleFor(f => f.Status).Must(SupervisionFileRules.IsStatus).WithMessage(SupervisionFileRules.StatusMessage);
        RuleFor(f => f.Source).NotEmpty();
        RuleFor(f => f.Tolerances).NotNull();
        RuleFor(f => f.Tolerances!.Balance).NotNull().InclusiveBetween(0m, 1m).When(f => f.Tolerances is not null);
        RuleFor(f => f.Tolerances!.Coefficient).NotNull().ExclusiveBetween(0m, 1m).When(f => f.Tolerances is not null);
        RuleFor(f => f.Tolerances!.Total).NotNull().ExclusiveBetween(0m, 1m).When(f => f.Tolerances is not null);
        RuleFor(f => f.Units).NotEmpty();
        RuleForEach(f => f.Units).NotNull().ChildRules(u =>
        {
            u.RuleFor(x => x!.Name).NotEmpty();
            u.RuleFor(x => x!.Unit).Must(t => MeasureUnits.TryParse(t, out _))
                .WithMessage(x => $"'{x!.Unit}' is not a unit; one of {string.Join(", ", MeasureUnits.Tokens)}");
        });
        RuleFor(f => f.Rows).NotEmpty();
        RuleForEach(f => f.Rows).NotNull().ChildRules(r =>
        {
            r.RuleFor(x => x!.Code).NotEmpty().Matches("^[0-9]{2}$").WithMessage("a 205-1 code is two digits");
            r.RuleFor(x => x!.Name).NotEmpty();
            r.RuleFor(x => x!.Unit).NotEmpty();
            r.RuleFor(x => x!.Carrier).Must(c => EnergyCarriers.TryParse(c, out _)).When(x => x!.Carrier is not null)
                .WithMessage(x => $"'{x!.Carrier}' is not a carrier; one of {string.Join(", ", EnergyCarriers.Tokens)}");
            r.RuleFor(x => x!.Reference).GreaterThan(0m).When(x => x!.Reference is not null);
        });
        RuleFor(f => f.Rows).Must(rows => rows!.Where(r => r is not null).Select(r => r!.Code).Distinct().Count() == rows!.Count(r => r is not null))
            .When(f => f.Rows is not null).WithMessage("each code appears once");
        RuleFor(f => f.Rows).Must(rows => rows!.Where(r => r?.Carrier is not null).Select(r => r!.Carrier).Distinct().Count()
                                          == rows!.Count(r => r?.Carrier is not null))
            .When(f => f.Rows is not null).WithMessage("a carrier is filed from one row only");
        RuleFor(f => f).Must(f => f.Rows!.Where(r => r?.BreakdownOf is not null)
                .All(r => f.Rows!.Any(p => p is not null && p.Code == r!.BreakdownOf && p.BreakdownOf is null && p.Total != true)))
            .When(f => f.Rows is not null).WithMessage("a breakdown (breakdownOf) names a code of a row that is not itself a breakdown or the total");
        RuleFor(f => f).Must(f => f.Rows!.Where(r => r?.Carrier is not null)
                .All(r => f.Units!.FirstOrDefault(u => u?.Name == r!.Unit) is { } u && MeasureUnits.TryParse(u.Unit, out var unit)
                          && EnergyCarriers.TryParse(r!.Carrier, out var c) && c.Accepts(unit)))
            .When(f => f.Rows is not null && f.Units is not null)
            .WithMessage("each row with a carrier has a unit listed in units, of that carrier's kind");
    }
}

/// <summary>factors/intake/online-monitoring.json: the monitoring system's energy-kind codes and the firm-level meters' location.</summary>
public sealed record MonitoringFile(string? Id, string? Name, string? Edition, string? Status, string? Source, string? FirmLevel,
    List<MonitoringEnergyFile?>? Energies);

public sealed record MonitoringEnergyFile(string? Code, string? Name, string? Carrier, string? Unit);

public sealed class MonitoringFileValidator : AbstractValidator<MonitoringFile>
{
    public MonitoringFileValidator()
    {
        RuleFor(f => f.Edition).NotEmpty();
        RuleFor(f => f.Status).Must(SupervisionFileRules.IsStatus).WithMessage(SupervisionFileRules.StatusMessage);
        RuleFor(f => f.Source).NotEmpty();
        RuleFor(f => f.FirmLevel).NotEmpty().Matches("^[0-9A-Z]{8}$").WithMessage("firmLevel is the 8-character location (positions 1–8) of firm-level meters");
        RuleFor(f => f.Energies).NotEmpty();
        RuleForEach(f => f.Energies).NotNull().ChildRules(e =>
        {
            e.RuleFor(x => x!.Code).NotEmpty().Matches("^[0-9A-Z]{4}$").WithMessage("an energy-kind code is 4 characters (positions 11–14)");
            e.RuleFor(x => x!.Name).NotEmpty();
            e.RuleFor(x => x!.Carrier).Must(c => EnergyCarriers.TryParse(c, out _))
                .WithMessage(x => $"'{x!.Carrier}' is not a carrier; one of {string.Join(", ", EnergyCarriers.Tokens)}");
            e.RuleFor(x => x!.Unit).Must(t => MeasureUnits.TryParse(t, out _))
                .WithMessage(x => $"'{x!.Unit}' is not a unit; one of {string.Join(", ", MeasureUnits.Tokens)}");
            e.RuleFor(x => x).Must(x => EnergyCarriers.TryParse(x!.Carrier, out var c) && MeasureUnits.TryParse(x.Unit, out var u) && c.Accepts(u))
                .When(x => EnergyCarriers.TryParse(x!.Carrier, out _) && MeasureUnits.TryParse(x.Unit, out _))
                .WithMessage(x => $"{x!.Unit} is not a unit of {x.Carrier}");
        });
        RuleFor(f => f.Energies).Must(es => es!.Where(e => e is not null).Select(e => e!.Code).Distinct().Count() == es!.Count(e => e is not null))
            .When(f => f.Energies is not null).WithMessage("each code appears once");
    }
}

/// <summary>The intake data, loaded and validated at start.</summary>
public sealed class IntakeCatalog(Form2051Catalogue form2051, Form2051File file, MonitoringCatalogue monitoring, MonitoringFile monitoringFile)
{
    public const string Folder = "intake";

    public Form2051Catalogue Form2051 { get; } = form2051;

    public Form2051File Form2051File { get; } = file;

    public MonitoringCatalogue Monitoring { get; } = monitoring;

    public MonitoringFile MonitoringFile { get; } = monitoringFile;

    public static IntakeCatalog Load(string factorsDirectory)
    {
        var problems = new List<string>();
        T? Read<T>(string name, AbstractValidator<T> validator) where T : class
        {
            var path = Path.Combine(factorsDirectory, Folder, name);
            if (!File.Exists(path))
            {
                problems.Add($"{Folder}/{name}: missing");
                return null;
            }
            return DataFiles.Parse($"{Folder}/{name}", File.ReadAllText(path), validator, problems);
        }
        var file = Read("form-205-1.json", new Form2051FileValidator());
        var monitoringFile = Read("online-monitoring.json", new MonitoringFileValidator());
        if (problems.Count > 0 || file is null || monitoringFile is null)
        {
            throw new FactorLoadException(problems);
        }
        var units = file.Units!.ToDictionary(u => u!.Name!, u => MeasureUnits.Parse(u!.Unit!), StringComparer.Ordinal);
        var catalogue = new Form2051Catalogue(file.Edition!,
            file.Rows!.Select(r => new Form2051Item(r!.Code!, r.Name!, (r.Synonyms ?? []).Select(s => s!).ToList(), r.Unit!,
                r.Carrier is null ? null : EnergyCarriers.Parse(r.Carrier), r.BreakdownOf, r.Total == true, r.Reference)).ToList(),
            units, file.Tolerances!.Balance!.Value, file.Tolerances.Coefficient!.Value, file.Tolerances.Total!.Value);
        var monitoring = new MonitoringCatalogue(monitoringFile.Edition!, monitoringFile.FirmLevel!,
            monitoringFile.Energies!.ToDictionary(e => e!.Code!, e => (EnergyCarriers.Parse(e!.Carrier!), MeasureUnits.Parse(e.Unit!)), StringComparer.Ordinal));
        return new IntakeCatalog(catalogue, file, monitoring, monitoringFile);
    }
}

/// <summary>factors/warnings/rules.json: the district's early-warning thresholds.</summary>
public sealed record WarningRulesFile(string? Id, string? Name, string? Status, string? Source, int? FilingDeadlineDay, int? AmberAfterDays,
    int? RedAfterDays, decimal? BarometerYellowShare, decimal? AnnualIntensityFall, decimal? KeyFirmTce, decimal? BudgetYellow, decimal? BudgetRed,
    decimal? Jump, decimal? GridTolerance, string? EnergyReportDue, decimal? LowEfficiencyTaxPerMu, int? RequestReplyDays);

public sealed class WarningRulesFileValidator : AbstractValidator<WarningRulesFile>
{
    public WarningRulesFileValidator()
    {
        RuleFor(f => f.Status).Must(SupervisionFileRules.IsStatus).WithMessage(SupervisionFileRules.StatusMessage);
        RuleFor(f => f.Source).NotEmpty();
        RuleFor(f => f.FilingDeadlineDay).NotNull().InclusiveBetween(1, 31);
        RuleFor(f => f.AmberAfterDays).NotNull().GreaterThanOrEqualTo(0);
        RuleFor(f => f.RedAfterDays).NotNull().GreaterThan(f => f.AmberAfterDays ?? 0).WithMessage("red comes after amber");
        RuleFor(f => f.BarometerYellowShare).NotNull().ExclusiveBetween(0m, 1m);
        RuleFor(f => f.AnnualIntensityFall).NotNull().ExclusiveBetween(0m, 1m);
        RuleFor(f => f.KeyFirmTce).NotNull().GreaterThan(0m);
        RuleFor(f => f.BudgetYellow).NotNull().ExclusiveBetween(0m, 1m);
        RuleFor(f => f.BudgetRed).NotNull().GreaterThan(f => f.BudgetYellow ?? 0m).WithMessage("red comes after yellow");
        RuleFor(f => f.Jump).NotNull().ExclusiveBetween(0m, 10m);
        RuleFor(f => f.GridTolerance).NotNull().ExclusiveBetween(0m, 1m);
        RuleFor(f => f.LowEfficiencyTaxPerMu).NotNull().GreaterThan(0m).LessThan(10_000m)
            .WithMessage("lowEfficiencyTaxPerMu: the 亩均税收 (万元/亩) below which a holder's land is proposed as low-efficiency, above 0");
        RuleFor(f => f.RequestReplyDays).NotNull().InclusiveBetween(1, 90)
            .WithMessage("requestReplyDays: the days within which a firm's request (诉求) is to be answered, 1..90");
        RuleFor(f => f.EnergyReportDue).NotNull().Must(d => DueDay(d) is not null)
            .WithMessage("energyReportDue is a day of the year after, MM-dd (01-31)");
    }

    /// <summary>"MM-dd" as (month, day), a day that exists in every year (not 02-29).</summary>
    public static (int Month, int Day)? DueDay(string? text) =>
        DateOnly.TryParseExact($"2025-{text}", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
            ? (d.Month, d.Day)
            : null;
}

/// <summary>The early-warning thresholds, loaded and validated at start.</summary>
public sealed class WarningCatalog(Domain.Warnings.WarningRules rules, decimal annualIntensityFall, decimal keyFirmTce, WarningRulesFile file)
{
    public Domain.Warnings.WarningRules Rules { get; } = rules;

    /// <summary>The year's target fall of energy intensity the barometer holds the district, each park and each key firm to.</summary>
    public decimal AnnualIntensityFall { get; } = annualIntensityFall;

    /// <summary>
    /// A key firm (重点用能单位) for the barometer: last year's energy at or above this (tce, 等价值); the same firms owe the
    /// annual 能源利用状况报告.
    /// </summary>
    public decimal KeyFirmTce { get; } = keyFirmTce;

    public WarningRulesFile File { get; } = file;

    public static WarningCatalog Load(string factorsDirectory)
    {
        var problems = new List<string>();
        var path = Path.Combine(factorsDirectory, "warnings", "rules.json");
        var file = System.IO.File.Exists(path) ? DataFiles.Parse("warnings/rules.json", System.IO.File.ReadAllText(path), new WarningRulesFileValidator(), problems) : null;
        if (!System.IO.File.Exists(path))
        {
            problems.Add("warnings/rules.json: missing");
        }
        if (problems.Count > 0 || file is null)
        {
            throw new FactorLoadException(problems);
        }
        var (dueMonth, dueDay) = WarningRulesFileValidator.DueDay(file.EnergyReportDue)!.Value;
        return new WarningCatalog(new Domain.Warnings.WarningRules(file.FilingDeadlineDay!.Value, file.AmberAfterDays!.Value, file.RedAfterDays!.Value,
            file.BarometerYellowShare!.Value, file.BudgetYellow!.Value, file.BudgetRed!.Value, file.Jump!.Value, file.GridTolerance!.Value,
            file.KeyFirmTce!.Value, dueMonth, dueDay), file.AnnualIntensityFall!.Value,
            file.KeyFirmTce!.Value, file);
    }
}
