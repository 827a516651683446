using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Carbon.Domain.Factors;
using Carbon.Server.Wire;
using FluentValidation;

namespace Carbon.Server.Factors;

/// <summary>
/// <c>factors/factor-set.json</c>: names the set (its version is this label plus a hash of every file), the baseline grid
/// policy, and the fuel families whose ids the fuel rows' <c>region</c> column names.
/// </summary>
public sealed record FactorSetManifest(string Label, string? Description, BaselineGridPolicy BaselineGrid = BaselineGridPolicy.Fixed,
    List<FuelFamilyFile>? FuelFamilies = null);

/// <summary>
/// One fuel family: the guideline batch whose default table it is, the GB/T 4754 industry code prefixes it applies to, and
/// whether it is the default (工业其他行业) for every other firm.
/// </summary>
public sealed record FuelFamilyFile(string? Id, string? Name, List<string>? Industries, bool Default, string? Source, string? Status)
{
    public FuelFamily ToDomain()
    {
        FactorTokens.TryParseStatus(Status, out var status);
        return new FuelFamily(Id!, Name!, Industries ?? [], Default, Source!, status);
    }
}

public sealed class FactorSetManifestValidator : AbstractValidator<FactorSetManifest>
{
    public FactorSetManifestValidator()
    {
        RuleFor(m => m.Label).NotEmpty().Matches("^[A-Za-z0-9][A-Za-z0-9._-]*$")
            .WithMessage("label is letters, digits, '.', '_' and '-'");
        RuleFor(m => m.FuelFamilies).NotEmpty()
            .WithMessage("fuelFamilies lists the guideline families of fuel defaults, one of them \"default\": true");
        RuleForEach(m => m.FuelFamilies).ChildRules(f =>
        {
            f.RuleFor(x => x.Id).NotEmpty().Matches("^[a-z][a-z0-9-]*$").WithMessage("a family id is lower-case letters, digits and '-'");
            f.RuleFor(x => x.Name).NotEmpty();
            f.RuleFor(x => x.Source).NotEmpty().WithMessage("every family names its source");
            f.RuleFor(x => x.Status).Must(s => FactorTokens.TryParseStatus(s, out _))
                .WithMessage(x => $"status '{x.Status}' is not one of {string.Join(", ", FactorTokens.StatusTokens)}");
            f.RuleForEach(x => x.Industries).Matches("^[A-T][0-9]{0,4}$")
                .WithMessage("an industry is a GB/T 4754 code prefix: a section letter and up to four digits, e.g. C26 or C3011");
            f.RuleFor(x => x.Industries).Empty().When(x => x.Default)
                .WithMessage("the default family applies to every industry no other family names; list no industries");
        }).When(m => m.FuelFamilies is not null);
        RuleFor(m => m.FuelFamilies).Must(f => f!.Count(x => x.Default) == 1).When(m => m.FuelFamilies is { Count: > 0 })
            .WithMessage("exactly one fuel family is \"default\": true (工业其他行业)");
        RuleFor(m => m.FuelFamilies).Custom((families, ctx) =>
        {
            foreach (var dup in (families ?? []).Where(f => f.Id is not null).GroupBy(f => f.Id).Where(g => g.Count() > 1))
            {
                ctx.AddFailure("fuelFamilies", $"family id '{dup.Key}' is used twice");
            }
            foreach (var dup in (families ?? []).SelectMany(f => (f.Industries ?? []).Select(i => (i, f.Id))).GroupBy(x => x.i).Where(g => g.Count() > 1))
            {
                ctx.AddFailure("fuelFamilies", $"industry '{dup.Key}' is in two families ({string.Join(", ", dup.Select(x => x.Id))})");
            }
        });
    }
}

/// <summary>A factor file that cannot be used: every problem with its file, line, field and reason.</summary>
public sealed class FactorLoadException(IReadOnlyList<string> problems)
    : Exception("factor files are invalid:" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

/// <summary>
/// Reads and validates <c>factor-set.json</c> and every <c>coefficients/*.csv</c> under the factors folder.
/// Nothing is half-loaded: any problem stops the load with all problems listed.
/// </summary>
public static class FactorSetLoader
{
    public const string ManifestFile = "factor-set.json";
    public const string CoefficientsFolder = "coefficients";

    public static FactorSet Load(string factorsDirectory, string gridRegion)
    {
        var problems = new List<string>();
        if (!Directory.Exists(factorsDirectory))
        {
            throw new FactorLoadException([$"{factorsDirectory}: the factors folder does not exist (set Carbon:FactorsDirectory)"]);
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var manifest = ReadManifest(factorsDirectory, hash, problems);

        var folder = Path.Combine(factorsDirectory, CoefficientsFolder);
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.csv").OrderBy(f => f, StringComparer.Ordinal).ToArray()
            : [];
        if (files.Length == 0)
        {
            problems.Add($"{folder}: no coefficient files (*.csv)");
        }

        var rows = new List<FactorLine>();
        var rowValidator = new FactorRowValidator();
        foreach (var path in files)
        {
            var name = Path.GetRelativePath(factorsDirectory, path).Replace('\\', '/');
            var bytes = File.ReadAllBytes(path);
            hash.AppendData(Encoding.UTF8.GetBytes(name + "\0"));
            hash.AppendData(bytes);
            foreach (var row in ReadRows(name, Encoding.UTF8.GetString(bytes), problems))
            {
                var result = rowValidator.Validate(row);
                if (result.IsValid)
                {
                    rows.Add(row);
                }
                else
                {
                    problems.AddRange(result.Errors.Select(e =>
                        $"{row.File} line {row.Line}, field '{FieldName(e.PropertyName)}': {e.ErrorMessage}"));
                }
            }
        }

        if (problems.Count == 0)
        {
            var setResult = new FactorSetValidator().Validate(new FactorSetDraft(rows, gridRegion,
                manifest!.FuelFamilies!.Select(f => f.ToDomain()).ToArray()));
            problems.AddRange(setResult.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"));
        }
        if (problems.Count > 0)
        {
            throw new FactorLoadException(problems);
        }

        var version = $"{manifest!.Label}+{Convert.ToHexStringLower(hash.GetHashAndReset())[..12]}";
        return new FactorSet(version, rows.Select(r => r.ToFactor()), manifest.FuelFamilies!.Select(f => f.ToDomain()))
        {
            BaselineGrid = manifest.BaselineGrid,
        };
    }

    private static FactorSetManifest? ReadManifest(string directory, IncrementalHash hash, List<string> problems)
    {
        var path = Path.Combine(directory, ManifestFile);
        if (!File.Exists(path))
        {
            problems.Add($"{ManifestFile}: missing (it names the factor set: {{\"label\": \"…\"}})");
            return null;
        }
        var bytes = File.ReadAllBytes(path);
        hash.AppendData(Encoding.UTF8.GetBytes(ManifestFile + "\0"));
        hash.AppendData(bytes);
        FactorSetManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<FactorSetManifest>(bytes, WireJson.Options);
        }
        catch (JsonException e)
        {
            problems.Add($"{ManifestFile} line {e.LineNumber + 1}: {e.Message}");
            return null;
        }
        if (manifest is null)
        {
            problems.Add($"{ManifestFile}: empty");
            return null;
        }
        var result = new FactorSetManifestValidator().Validate(manifest);
        problems.AddRange(result.Errors.Select(e => $"{ManifestFile}, field '{FieldName(e.PropertyName)}': {e.ErrorMessage}"));
        return manifest;
    }

    private static IEnumerable<FactorLine> ReadRows(string file, string text, List<string> problems)
    {
        List<(int Line, IReadOnlyList<string> Fields)> records;
        try
        {
            records = Csv.Read(text).ToList();
        }
        catch (FormatException e)
        {
            problems.Add($"{file} {e.Message}");
            yield break;
        }
        if (records.Count == 0)
        {
            problems.Add($"{file}: empty; the first line is the header {string.Join(",", FactorLine.Columns)}");
            yield break;
        }
        var header = records[0].Fields;
        if (!header.SequenceEqual(FactorLine.Columns))
        {
            problems.Add($"{file} line 1: the header must be exactly {string.Join(",", FactorLine.Columns)}");
            yield break;
        }
        foreach (var (line, f) in records.Skip(1))
        {
            if (f.Count != FactorLine.Columns.Length)
            {
                problems.Add($"{file} line {line}: {f.Count} fields, expected {FactorLine.Columns.Length}");
                continue;
            }
            yield return new FactorLine(file, line, f[0].Trim(), f[1].Trim(), f[2].Trim(), f[3].Trim(), f[4].Trim(),
                f[5].Trim(), f[6].Trim(), f[7].Trim(), f[8].Trim(), f[9].Trim());
        }
    }

    private static string FieldName(string property) => property.Length == 0 ? property : char.ToLowerInvariant(property[0]) + property[1..];
}
