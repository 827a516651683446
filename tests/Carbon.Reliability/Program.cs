using System.Diagnostics;
using System.Globalization;

namespace Carbon.Reliability;

/// <summary>
/// <c>dotnet run -c Release --project tests/Carbon.Reliability -- &lt;kill|corpus|races|soak|all&gt; [--short]
/// [--trials N] [--seconds S] [--warm-up S]</c>: prints figures and exits 1 when a bar is missed (docs/reliability.md).
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: dotnet run -c Release --project tests/Carbon.Reliability -- <kill|cluster|corpus|races|soak|all> [--short] [--trials N] [--seconds S] [--warm-up S]";

    private static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("kill" or "cluster" or "corpus" or "races" or "soak" or "all"))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var mode = args[0];
        var isShort = args.Contains("--short");
        int? trials = Option(args, "--trials"), seconds = Option(args, "--seconds"), warmUp = Option(args, "--warm-up");
        Console.WriteLine($"Carbon reliability suite: {mode}{(isShort ? " --short" : "")}; {Environment.ProcessorCount} processors, " +
                          $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        var watch = Stopwatch.StartNew();
        var results = new List<(string Mode, bool Met)>();
        if (mode is "kill" or "all")
        {
            results.Add(("kill", await new KillTrials(trials ?? (isShort ? 3 : 20)).RunAsync()));
        }
        if (mode is "cluster" or "all")
        {
            results.Add(("cluster", await new ClusterTrials(trials ?? (isShort ? 1 : 3)).RunAsync()));
        }
        if (mode is "corpus" or "races" or "soak" or "all")
        {
            // One demo district serves the corpus (which must change nothing), then the races, then the soak.
            await using var demo = await DemoService.StartAsync();
            if (demo is null)
            {
                results.Add(("demo service", false));
            }
            else
            {
                if (mode is "corpus" or "all")
                {
                    results.Add(("corpus", await new Corpus(demo).RunAsync()));
                }
                if (mode is "races" or "all")
                {
                    results.Add(("races", await new Races(demo).RunAsync()));
                }
                if (mode is "soak" or "all")
                {
                    results.Add(("soak", await new Soak(demo, TimeSpan.FromSeconds(seconds ?? (isShort ? 30 : 600)), TimeSpan.FromSeconds(warmUp ?? (isShort ? 60 : 300))).RunAsync()));
                }
            }
        }
        Console.WriteLine();
        Console.WriteLine($"== summary ({watch.Elapsed.TotalSeconds:F0} s) ==");
        foreach (var (name, met) in results)
        {
            Console.WriteLine($"{name,-8} {(met ? "MET" : "NOT MET")}");
        }
        return results.All(r => r.Met) ? 0 : 1;
    }

    private static int? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : null;
    }
}
