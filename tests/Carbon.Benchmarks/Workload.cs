using System.Globalization;
using System.Text.Json;
using Carbon.Server.Demo;

namespace Carbon.Benchmarks;

/// <summary>The command line: <c>--filings N --enterprises E --clients C --batch B --warmup W --temp DIR</c>.</summary>
internal sealed record BenchOptions(int Filings, int Enterprises, int Clients, int Batch, int Warmup, string? TempRoot)
{
    /// <summary>Months 2020-01..2025-12: each (enterprise, month) is filed once, so every PUT creates revision 1.</summary>
    public const int Months = 72;

    /// <summary>
    /// 20 000 timed filings after a 10 000-filing warm-up: a shorter window mostly measures the tiered JIT still
    /// re-compiling the hot path (5 000 after 2 000: 0.86 ms of CPU a filing; 20 000 after 10 000: 0.38 ms).
    /// </summary>
    public static readonly BenchOptions Default = new(20000, 2000, 32, 500, 10000, null);

    /// <summary>The warm-up files on enterprises of its own, at most this many (then on several months of each).</summary>
    public int WarmupEnterprises => Math.Min(Warmup, 200);

    public const string Usage =
        "usage: dotnet run -c Release --project tests/Carbon.Benchmarks -- [ingest] " +
        "[--filings N] [--enterprises E] [--clients C] [--batch B] [--warmup W] [--temp DIR]";

    public static BenchOptions Parse(string[] args)
    {
        var o = Default;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value");
            }
            var value = args[++i];
            o = name switch
            {
                "--filings" => o with { Filings = Positive(name, value) },
                "--enterprises" => o with { Enterprises = Positive(name, value) },
                "--clients" => o with { Clients = Positive(name, value) },
                "--batch" => o with { Batch = Positive(name, value) },
                "--warmup" => o with { Warmup = Positive(name, value) },
                "--temp" => o with { TempRoot = value },
                _ => throw new ArgumentException($"unknown option {name}"),
            };
        }
        if (o.Filings > o.Enterprises * Months)
        {
            throw new ArgumentException(
                $"{o.Filings} filings do not fit {o.Enterprises} enterprises × {Months} months; raise --enterprises");
        }
        if (o.Warmup > o.WarmupEnterprises * Months)
        {
            throw new ArgumentException($"--warmup is at most {o.WarmupEnterprises * Months}");
        }
        return o;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} must be a positive integer, not '{value}'");
}

internal sealed record EnergyRow(string Carrier, decimal Quantity, string Unit);

/// <summary>One month's filing of one enterprise, as the API receives it and as the raw run stores it.</summary>
internal sealed record FilingData(
    string Uscc, int Year, int Month, EnergyRow[] Energy, decimal WaterM3, decimal OutputValue, decimal ValueAdded,
    decimal Revenue, decimal TaxPaid, int Employees, decimal RdExpense, decimal CodT, decimal Nh3nT, decimal So2T, decimal NoxT)
{
    public string MonthText => $"{Year:D4}-{Month:D2}";

    /// <summary>The PUT body (camelCase, numbers as numbers: what the strict API accepts).</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(new
    {
        energy = Energy.Select(e => new { carrier = e.Carrier, quantity = e.Quantity, unit = e.Unit }),
        waterM3 = WaterM3,
        outputValue = OutputValue,
        valueAdded = ValueAdded,
        revenue = Revenue,
        taxPaid = TaxPaid,
        employees = Employees,
        rdExpense = RdExpense,
        pollutants = new { codT = CodT, nh3nT = Nh3nT, so2T = So2T, noxT = NoxT },
    });
}

internal sealed record EnterpriseData(string Uscc, string Name, string Industry, string ParkCode, string Scale, decimal LandAreaMu);

/// <summary>
/// The data both runs write: one park, <c>E</c> measured enterprises plus up to 200 warm-up enterprises, and the filings.
/// Measured filing k goes to enterprise k mod E, month k div E, so concurrent requests hit different enterprises;
/// warm-up filings likewise over the warm-up enterprises.
/// </summary>
internal sealed class Workload
{
    public const string ParkCode = "BENCH";
    public const string ParkName = "基准测试园区";
    public const string ParkKind = "industrial-park";
    public const string Actor = "benchmark";

    public Workload(BenchOptions o)
    {
        Enterprises = Enumerable.Range(0, o.Enterprises + o.WarmupEnterprises)
            .Select(i => new EnterpriseData(DemoDistrict.Uscc(i), $"基准企业{i:D5}有限公司", "机械装备", ParkCode, "above", 20m + i % 100 + 0.5m))
            .ToArray();
        Measured = Enumerable.Range(0, o.Filings).Select(k => Filing(k, Enterprises[k % o.Enterprises].Uscc, k / o.Enterprises)).ToArray();
        WarmUp = Enumerable.Range(0, o.Warmup)
            .Select(k => Filing(o.Filings + k, Enterprises[o.Enterprises + k % o.WarmupEnterprises].Uscc, k / o.WarmupEnterprises))
            .ToArray();
    }

    public EnterpriseData[] Enterprises { get; }

    /// <summary>The filings that are timed.</summary>
    public FilingData[] Measured { get; }

    /// <summary>Filed first and not timed, on enterprises of their own (none of the measured ones).</summary>
    public FilingData[] WarmUp { get; }

    private static FilingData Filing(int seq, string uscc, int monthIndex) =>
        new(uscc, 2020 + monthIndex / 12, 1 + monthIndex % 12,
            [
                new EnergyRow("electricity", 100_000m + seq % 1000 * 37m, "kWh"),
                new EnergyRow("natural-gas", 2345m, "m3"),
                new EnergyRow("diesel", 1.25m, "t"),
            ],
            WaterM3: 500m, OutputValue: 1000m, ValueAdded: 250m, Revenue: 1100m, TaxPaid: 40m, Employees: 80, RdExpense: 20m,
            CodT: 0.1m, Nh3nT: 0.01m, So2T: 0.02m, NoxT: 0.03m);
}
