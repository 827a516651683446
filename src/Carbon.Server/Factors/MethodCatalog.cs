using Carbon.Domain.MuYield;

namespace Carbon.Server.Factors;

/// <summary>A method as loaded: the domain method, the file's text (stored with every run) and its status.</summary>
public sealed record LoadedMethod(MuYieldMethod Method, MethodFile File, string Json)
{
    public string Version => Method.Version;
}

/// <summary>
/// The 亩均 evaluation methods in <c>factors/methods/*.json</c>, validated at start. A district changes its method by
/// adding a file; a run keeps the exact text it used, so it can be recomputed after the file changes.
/// </summary>
public sealed class MethodCatalog(IReadOnlyDictionary<string, LoadedMethod> methods)
{
    public const string Folder = "methods";

    public IReadOnlyDictionary<string, LoadedMethod> Methods { get; } = methods;

    public static MethodCatalog Load(string factorsDirectory)
    {
        var problems = new List<string>();
        var methods = new Dictionary<string, LoadedMethod>(StringComparer.Ordinal);
        var folder = Path.Combine(factorsDirectory, Folder);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray() : [];
        if (files.Length == 0)
        {
            problems.Add($"{Folder}/: no evaluation method (*.json)");
        }
        foreach (var path in files)
        {
            var name = $"{Folder}/{Path.GetFileName(path)}";
            var loaded = Parse(name, File.ReadAllText(path), problems);
            if (loaded is null)
            {
                continue;
            }
            if (loaded.Method.Id + ".json" != Path.GetFileName(path))
            {
                problems.Add($"{name}, field 'id': the file of method '{loaded.Method.Id}' must be named {loaded.Method.Id}.json");
                continue;
            }
            methods[loaded.Method.Id] = loaded;
        }
        return problems.Count > 0 ? throw new FactorLoadException(problems) : new MethodCatalog(methods);
    }

    /// <summary>Parses a method's text (from a file, or as stored with a past run).</summary>
    public static LoadedMethod? Parse(string name, string json, List<string> problems)
    {
        var file = DataFiles.Parse(name, json, new MethodFileValidator(), problems);
        return file is null ? null : new LoadedMethod(file.ToMethod($"{file.Id}@{DataFiles.Hash(json)}"), file, json);
    }
}
