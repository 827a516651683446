using Carbon.Domain.Factors;
using Carbon.Domain.Supervision;
using FluentValidation;

namespace Carbon.Server.Factors;

// factors/supervision/*.json: what an energy-saving inspection checks. See docs/supervision.md.

public sealed record QuotasFile(string? Id, string? Name, string? Version, List<QuotaFile?>? Quotas);

public sealed record QuotaFile(string? Id, string? Standard, string? Title, string? Product, List<string?>? Aliases, List<string?>? IndustryCodes, string? Indicator,
    string? Unit, string? EnergyUnit, string? ProductUnit, decimal? Grade1, decimal? Grade2, decimal? Grade3, string? Boundary, string? Effective,
    string? Status, string? Source, string? Note);

public sealed record EquipmentFile(string? Id, string? Name, string? Version, List<BatchFile?>? Batches);

public sealed record BatchFile(string? Id, string? Name, string? Document, string? Issued, string? Status, string? Source, List<EquipmentItemFile?>? Items);

public sealed record EquipmentItemFile(string? Id, string? Category, string? Type, List<string?>? Models, decimal? PowerMinKw, decimal? PowerMaxKw,
    string? Note);

public sealed record MeteringFile(string? Id, string? Standard, string? Title, string? Status, string? Source, List<ClauseFile?>? Clauses,
    List<RateFile?>? Rates, List<TierFile?>? Tiers);

public sealed record TierFile(string? Id, string? Name, string? Threshold);

public sealed record ClauseFile(string? Id, string? Text, bool? Mandatory);

public sealed record RateFile(string? Energy, string? Name, decimal? Entry, decimal? Secondary, decimal? Equipment, string? Note);

internal static class SupervisionFileRules
{
    public static bool IsStatus(string? s) => FactorTokens.TryParseStatus(s, out _);

    public static readonly string StatusMessage = $"status is one of {string.Join(", ", FactorTokens.StatusTokens)}";

    public const string IdPattern = "^[a-z0-9][a-z0-9.-]*$";
}

public sealed class QuotasFileValidator : AbstractValidator<QuotasFile>
{
    public QuotasFileValidator()
    {
        RuleFor(f => f.Quotas).NotEmpty();
        RuleForEach(f => f.Quotas).NotNull().ChildRules(q =>
        {
            q.RuleFor(x => x!.Id).NotEmpty().Matches(SupervisionFileRules.IdPattern);
            q.RuleFor(x => x!.Standard).NotEmpty().Matches("^GB ").WithMessage("a quota cites its mandatory national standard (GB …)");
            q.RuleFor(x => x!.Title).NotEmpty();
            q.RuleFor(x => x!.Product).NotEmpty();
            q.RuleFor(x => x!.EnergyUnit).NotEmpty();
            q.RuleFor(x => x!.ProductUnit).NotEmpty();
            q.RuleFor(x => x!.Grade2).NotNull().GreaterThan(0m);
            q.RuleFor(x => x!.Grade3).NotNull().GreaterThan(0m);
            q.RuleFor(x => x!).Must(x => x.Grade2 is not { } g2 || x.Grade3 is not { } g3 || g2 <= g3)
                .WithMessage("grade 2 (准入值) is at most grade 3 (限定值)");
            q.RuleFor(x => x!).Must(x => x.Grade1 is not { } g1 || x.Grade2 is not { } g2 || g1 <= g2)
                .WithMessage("grade 1 is at most grade 2");
            q.RuleFor(x => x!.Status).Must(SupervisionFileRules.IsStatus).WithMessage(SupervisionFileRules.StatusMessage);
            q.RuleFor(x => x!.Source).NotEmpty();
            q.RuleForEach(x => x!.Aliases).NotEmpty().WithMessage("an alias is the name a firm files the product under");
            q.RuleForEach(x => x!.IndustryCodes).NotNull().Matches("^[A-T][0-9]{0,4}$").WithMessage("industry codes are GB/T 4754 codes or prefixes");
        });
        RuleFor(f => f.Quotas).Must(qs => qs!.Select(q => q?.Id).Distinct().Count() == qs!.Count).When(f => f.Quotas is not null)
            .WithMessage("quota ids must be unique");
    }
}

public sealed class EquipmentFileValidator : AbstractValidator<EquipmentFile>
{
    public EquipmentFileValidator()
    {
        RuleFor(f => f.Batches).NotEmpty();
        RuleForEach(f => f.Batches).NotNull().ChildRules(b =>
        {
            b.RuleFor(x => x!.Id).NotEmpty().Matches(SupervisionFileRules.IdPattern);
            b.RuleFor(x => x!.Name).NotEmpty();
            b.RuleFor(x => x!.Status).Must(SupervisionFileRules.IsStatus).WithMessage(SupervisionFileRules.StatusMessage);
            b.RuleFor(x => x!.Source).NotEmpty();
            b.RuleFor(x => x!.Items).NotEmpty();
            b.RuleForEach(x => x!.Items).NotNull().ChildRules(i =>
            {
                i.RuleFor(x => x!.Id).NotEmpty().Matches(SupervisionFileRules.IdPattern);
                i.RuleFor(x => x!.Type).NotEmpty();
                i.RuleFor(x => x!.Models).NotEmpty().WithMessage("an item names the model prefixes it matches");
                i.RuleForEach(x => x!.Models).NotEmpty();
                i.RuleFor(x => x!).Must(x => x.PowerMinKw is not { } min || x.PowerMaxKw is not { } max || min <= max)
                    .WithMessage("powerMinKw is at most powerMaxKw");
            });
        });
    }
}

public sealed class MeteringFileValidator : AbstractValidator<MeteringFile>
{
    public MeteringFileValidator()
    {
        RuleFor(f => f.Standard).NotEmpty();
        RuleFor(f => f.Status).Must(SupervisionFileRules.IsStatus).WithMessage(SupervisionFileRules.StatusMessage);
        RuleFor(f => f.Source).NotEmpty();
        RuleFor(f => f.Rates).NotEmpty();
        RuleForEach(f => f.Rates).NotNull().ChildRules(r =>
        {
            r.RuleFor(x => x!.Energy).NotEmpty().Matches(SupervisionFileRules.IdPattern);
            r.RuleFor(x => x!.Name).NotEmpty();
            r.RuleFor(x => x!.Entry).InclusiveBetween(0m, 100m);
            r.RuleFor(x => x!.Secondary).InclusiveBetween(0m, 100m);
            r.RuleFor(x => x!.Equipment).InclusiveBetween(0m, 100m);
        });
    }
}

/// <summary>
/// The supervision rules in <c>factors/supervision/</c> (quotas.json, phased-out-equipment.json, metering.json), validated
/// at start like the factor files; a bad row stops the service with its file, row and reason.
/// </summary>
public sealed class SupervisionCatalog(SupervisionRules rules, QuotasFile quotas, EquipmentFile equipment, MeteringFile metering)
{
    public const string Folder = "supervision";

    public SupervisionRules Rules { get; } = rules;

    public QuotasFile QuotasFile { get; } = quotas;

    public EquipmentFile EquipmentFile { get; } = equipment;

    public MeteringFile MeteringFile { get; } = metering;

    public static SupervisionCatalog Load(string factorsDirectory)
    {
        var problems = new List<string>();
        T? Read<T>(string file, IValidator<T> validator) where T : class
        {
            var path = Path.Combine(factorsDirectory, Folder, file);
            if (!File.Exists(path))
            {
                problems.Add($"{Folder}/{file}: missing");
                return null;
            }
            return DataFiles.Parse($"{Folder}/{file}", File.ReadAllText(path), validator, problems);
        }
        var quotas = Read("quotas.json", new QuotasFileValidator());
        var equipment = Read("phased-out-equipment.json", new EquipmentFileValidator());
        var metering = Read("metering.json", new MeteringFileValidator());
        if (problems.Count > 0)
        {
            throw new FactorLoadException(problems);
        }
        var rules = new SupervisionRules(
            quotas!.Quotas!.Select(q => new EnergyQuota(q!.Id!, q.Standard!, q.Title!, q.Product!, (q.Aliases ?? []).Select(a => a!).ToList(),
                (q.IndustryCodes ?? []).Select(c => c!).ToList(),
                q.Indicator ?? q.Product!, q.EnergyUnit!, q.ProductUnit!, q.Grade1, q.Grade2!.Value, q.Grade3!.Value, q.Boundary ?? "",
                q.Status!, q.Source!)).ToList(),
            equipment!.Batches!.SelectMany(b => b!.Items!.Select(i => new PhasedOutItem(i!.Id!, b.Id!, b.Name!, b.Document ?? "", i.Category ?? "",
                i.Type!, i.Models!.Select(m => m!).ToList(), i.PowerMinKw, i.PowerMaxKw))).ToList(),
            metering!.Rates!.Select(r => new MeteringRate(r!.Energy!, r.Name!, r.Entry, r.Secondary, r.Equipment)).ToList(),
            metering.Standard!);
        return new SupervisionCatalog(rules, quotas, equipment, metering);
    }
}
