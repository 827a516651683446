using Carbon.Server.Demo;
using Carbon.Server.Ledger;

namespace Carbon.Benchmarks;

/// <summary>
/// A deterministic district of any size for the evaluation benchmark, shaped like <see cref="DemoDistrict"/> (same
/// industries, energy mix, seasonality, tax and R&amp;D shares) but with two years only: the 2020 baseline and the
/// evaluated year. Firm <c>i</c> draws from its own seeded generator, so it is the same whatever the district size.
/// Rows are valid as the API would accept them (value added ≤ output value, no negative figure, units that fit the carrier).
/// </summary>
internal static class ScaleDistrict
{
    public const int Year = 2024;
    public const int BaselineYear = 2020;
    public const string Actor = "benchmark-seed";

    /// <summary><see cref="DemoDistrict.Uscc"/> encodes i in an 8-digit body: 10 000 000 + 7 919 i stays below 10^8.</summary>
    public const int MaxFirms = 11_000;

    public static readonly ParkRecord[] Parks =
    [
        Park("YZ-ETDZ", "鄞州经济开发区", "development-zone"),
        Park("YZ-WANGCHUN", "望春工业园区", "industrial-park"),
        Park("YZ-JIANGSHAN", "姜山工业集聚区", "industrial-cluster"),
        Park("YZ-WUXIANG", "五乡小微企业园", "small-micro-park"),
        Park("YZ-QIUAI", "邱隘工业园区", "industrial-park"),
        Park("YZ-YINJIANG", "鄞江小微企业园", "small-micro-park"),
    ];

    // The same industries, utility and names as the demo district.
    private static readonly DemoDistrict.Industry[] Industries = DemoDistrict.Industries;
    private static readonly DemoDistrict.Industry Utility = DemoDistrict.Utility;
    private static readonly string[] Names = DemoDistrict.Names;

    /// <summary>One firm: registry identity, first profile revision, and every filing revision (with energy lines).</summary>
    public sealed record Firm(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile, List<FilingRecord> Filings);

    /// <summary>
    /// Firm <paramref name="i"/>: 60 % 规上 (12–260 亩), 40 % 规下 (2–28 亩, some under 3 亩); 15 % outside every park;
    /// about 1.5 % utilities, 2 % founded in 2023 (no 2020 filings; exempt as new), 3 % with land granted in 2023
    /// (exempt), 1 % that filed only 10 months of the year (not evaluated), 3 % of months revised once. Years: 2020 and
    /// 2024 unless <paramref name="years"/> says which (any of 2020..2026; a firm founded in 2023 files from 2023).
    /// </summary>
    public static Firm Generate(int i, int[]? years = null)
    {
        var rng = new Random(20241231 + i * 7_919);
        var industry = i % 67 == 13 ? Utility : Industries[rng.Next(Industries.Length)];
        var above = rng.NextDouble() < 0.6;
        var land = above ? Dec(rng, 12m, 260m, 1) : Dec(rng, 2m, 28m, 1);
        // 亩均增加值 of the 2020 baseline: 规上 40–260 万元/亩, 规下 15–120 万元/亩 (annual).
        var vaPerMu = above ? Dec(rng, 40m, 260m, 1) : Dec(rng, 15m, 120m, 1);
        var parkRoll = rng.NextDouble();
        var park = parkRoll < 0.15 ? null : Parks[(int)((parkRoll - 0.15) / 0.85 * Parks.Length)].Code;
        var founded2023 = rng.NextDouble() < 0.02;
        var established = founded2023 ? new DateOnly(2023, 1, 1).AddDays(rng.Next(0, 300)) : new DateOnly(1995, 1, 1).AddDays(rng.Next(0, 9_100));
        DateOnly? landGranted = rng.NextDouble() < 0.03 ? new DateOnly(2023, 1, 1).AddDays(rng.Next(0, 365)) : null;
        var lateFiler = rng.NextDouble() < 0.01;
        var registeredAt = founded2023 ? new DateTimeOffset(established.Year, established.Month, established.Day, 2, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(2020, 1, 3, 2, 0, 0, TimeSpan.Zero);
        var uscc = DemoDistrict.Uscc(i);
        var identity = new EnterpriseRecord { Uscc = uscc, ParkCode = park, RegisteredAt = registeredAt, RegisteredBy = Actor };
        var profile = new EnterpriseRevisionRecord
        {
            Uscc = uscc,
            Revision = 1,
            Name = $"宁波{Names[i % Names.Length]}{industry.Short}{i / Names.Length + 1}号有限公司",
            Industry = industry.Name,
            IndustryCode = industry.Code,
            Scale = above ? "above" : "below",
            LandAreaMu = land,
            EstablishedOn = established,
            LandGrantedOn = landGranted,
            Actor = Actor,
            RecordedAt = registeredAt,
        };

        var growth = Dec(rng, -0.02m, 0.11m, 3);       // annual real growth
        var efficiency = Dec(rng, 0.01m, 0.06m, 3);    // annual fall in energy per unit of value added
        var pvExporter = rng.NextDouble() < 0.08;
        var baseMonthlyVa = land * vaPerMu / 12m;
        var employeesBase = Math.Max(5, (int)(baseMonthlyVa * 12m / Dec(rng, 18m, 45m, 1)));
        var taxRate = above ? Dec(rng, 0.06m, 0.16m, 3) : Dec(rng, 0.02m, 0.07m, 3);
        var rdShare = above ? Dec(rng, 0.005m, 0.045m, 3) : Dec(rng, 0m, 0.015m, 3);
        var units = rng.Next(3);                       // how this firm writes its quantities

        var filings = new List<FilingRecord>();
        foreach (var year in (years ?? [BaselineYear, Year]).Where(y => !founded2023 || y >= 2023))
        {
            for (var month = 1; month <= (lateFiler && year == Year ? 10 : 12); month++)
            {
                var since = year - BaselineYear;
                var season = month switch { 2 => 0.62m, 1 => 0.92m, 7 or 8 => 1.06m, 12 => 1.08m, _ => 1m };
                var covid = year == 2020 && month <= 3 ? 0.7m : 1m;
                var va = Round(baseMonthlyVa * Pow(1m + growth, since) * season * covid * Dec(rng, 0.93m, 1.07m, 3), 2);
                var intensity = Pow(1m - efficiency, since) * Dec(rng, 0.96m, 1.04m, 3);
                var kwh = va * industry.KwhPer10kVa * intensity * (month is 7 or 8 ? 1.12m : 1m);
                var energy = new List<FilingEnergyRecord>();
                void Line(string carrier, decimal quantity, string unit)
                {
                    if (quantity > 0m)
                    {
                        energy.Add(new FilingEnergyRecord { Line = energy.Count, Carrier = carrier, Quantity = quantity, Unit = unit });
                    }
                }
                void Electricity(string carrier, decimal value)
                {
                    switch (units)
                    {
                        case 0: Line(carrier, Round(value, 0), "kWh"); break;
                        case 1: Line(carrier, Round(value / 10_000m, 4), "10k-kWh"); break;
                        default: Line(carrier, Round(value / 1_000m, 3), "MWh"); break;
                    }
                }
                Electricity("electricity", kwh);
                var gas = va * industry.GasM3Per10kVa * intensity;
                if (year >= DemoDistrict.CoalToGasYear)
                {
                    gas += va * industry.CoalKgPer10kVa * intensity * 0.59m;   // coal-to-gas, as in DemoDistrict
                }
                else
                {
                    Line("raw-coal", Round(va * industry.CoalKgPer10kVa * intensity / 1000m, 2), "t");
                }
                if (units == 1) Line("natural-gas", Round(gas / 10_000m, 4), "10k-m3"); else Line("natural-gas", Round(gas, 0), "m3");
                Line("heat", Round(va * industry.HeatGjPer10kVa * intensity, 1), "GJ");
                Line("diesel", Round(va * industry.DieselKgPer10kVa * intensity / 1000m, 3), "t");
                if (pvExporter && year >= 2022)
                {
                    Electricity("exported-electricity", kwh * 0.06m * (month is >= 5 and <= 9 ? 1.4m : 0.8m));
                }
                var output = Round(va / industry.VaShare, 2);   // VaShare < 1: value added ≤ output value
                FilingRecord Record(int revision, List<FilingEnergyRecord> lines, string? reason) => new()
                {
                    Id = FilingId(i, year, month, revision),
                    Uscc = uscc,
                    Year = year,
                    Month = month,
                    Revision = revision,
                    WaterM3 = Round(va * industry.WaterM3Per10kVa * intensity, 0),
                    OutputValue = output,
                    ValueAdded = va,
                    Revenue = Round(output * 1.03m, 2),
                    TaxPaid = Round(va * taxRate, 2),
                    Employees = (int)(employeesBase * (1m + 0.01m * since)),
                    RdExpense = Round(output * 1.03m * rdShare, 2),
                    CodT = above ? Round(va * 0.00004m, 4) : null,
                    Nh3nT = above ? Round(va * 0.000004m, 5) : null,
                    So2T = above && industry.CoalKgPer10kVa > 0m && year < DemoDistrict.CoalToGasYear ? Round(va * 0.0002m, 4) : null,
                    NoxT = above ? Round(va * 0.00006m, 4) : null,
                    Reason = reason,
                    Actor = Actor,
                    RecordedAt = new DateTimeOffset(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 10, 1, revision, 0, TimeSpan.Zero),
                    Energy = lines,
                };
                filings.Add(Record(1, energy, null));
                if (rng.NextDouble() < 0.03)
                {
                    // A corrected meter reading: electricity 2 % higher, filed as revision 2 with its reason.
                    var corrected = energy.Select(l => new FilingEnergyRecord
                    {
                        Line = l.Line, Carrier = l.Carrier, Unit = l.Unit,
                        Quantity = l.Carrier == "electricity" ? Round(l.Quantity * 1.02m, 4) : l.Quantity,
                    }).ToList();
                    filings.Add(Record(2, corrected, "更正电表抄见数 (corrected electricity meter reading)"));
                }
            }
        }
        return new Firm(identity, profile, filings);
    }

    /// <summary>
    /// Filing ids in the order a real ledger receives them: month by month, each month's first revisions of every firm,
    /// then its corrections. Given here so EF Core inserts without asking SQLite for each generated key.
    /// </summary>
    public static long FilingId(int firm, int year, int month, int revision) =>
        (((long)(year - BaselineYear) * 12 + month - 1) * 2 + revision - 1) * MaxFirms + firm + 1;

    private static ParkRecord Park(string code, string name, string kind) =>
        new() { Code = code, Name = name, Kind = kind, RegisteredAt = new DateTimeOffset(2020, 1, 2, 1, 0, 0, TimeSpan.Zero), RegisteredBy = Actor };

    private static decimal Dec(Random rng, decimal min, decimal max, int decimals) =>
        Round(min + (max - min) * (decimal)rng.NextDouble(), decimals);

    private static decimal Round(decimal value, int decimals) => Math.Round(value, decimals, MidpointRounding.AwayFromZero);

    private static decimal Pow(decimal x, int n)
    {
        var r = 1m;
        for (var k = 0; k < n; k++)
        {
            r *= x;
        }
        return r;
    }
}
