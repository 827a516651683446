using Carbon.Domain.Registry;
using Carbon.Server.Ledger;

namespace Carbon.Server.Demo;

/// <summary>
/// A deterministic demo district (seed 20201231): 4 parks, 200 enterprises of realistic size and energy mix
/// (electricity, gas, coal phased out, diesel, steam, a few PV exporters), monthly filings 2020-01..2025-12 with
/// growth, seasonality (Spring Festival, summer cooling), efficiency gains and a few revised months; three firms share
/// one parcel (混合型企业).
/// </summary>
public static class DemoDistrict
{
    public const int Enterprises = 200;
    public const string Actor = "demo-seed";
    public const int CoalToGasYear = 2022;
    public static readonly YearMonth First = new(2020, 1);
    public static readonly YearMonth Last = new(2025, 12);

    public static readonly ParkRecord[] Parks =
    [
        Park("YZ-ETDZ", "鄞州经济开发区", "development-zone"),
        Park("YZ-WANGCHUN", "望春工业园区", "industrial-park"),
        Park("YZ-JIANGSHAN", "姜山工业集聚区", "industrial-cluster"),
        Park("YZ-WUXIANG", "五乡小微企业园", "small-micro-park"),
    ];

    /// <summary>An industry's shape: electricity use per 万元 of value added and which other carriers it burns.</summary>
    public sealed record Industry(string Name, string Short, string Code, decimal KwhPer10kVa, decimal GasM3Per10kVa, decimal HeatGjPer10kVa,
        decimal DieselKgPer10kVa, decimal CoalKgPer10kVa, decimal WaterM3Per10kVa, decimal VaShare);

    public static readonly Industry[] Industries =
    [
        new("纺织服装", "纺织", "C1811", 1440m, 25m, 1.6m, 0m, 0m, 9m, 0.22m),
        new("汽车零部件", "汽配", "C3670", 1040m, 30m, 0m, 4m, 0m, 2.5m, 0.24m),
        new("电子电器", "电器", "C3859", 672m, 6m, 0m, 1m, 0m, 1.8m, 0.26m),
        new("化工新材料", "新材", "C2651", 1920m, 60m, 2.4m, 0m, 90m, 6m, 0.25m),
        new("机械装备", "机械", "C3441", 832m, 18m, 0m, 6m, 0m, 1.5m, 0.27m),
        new("塑料制品", "塑业", "C2929", 1760m, 5m, 0m, 1m, 0m, 1.2m, 0.20m),
        new("食品饮料", "食品", "C1529", 608m, 45m, 1.2m, 2m, 0m, 14m, 0.28m),
        new("金属制品", "金属", "C3399", 1568m, 70m, 0m, 3m, 0m, 2m, 0.21m),
        new("文具用品", "文具", "C2411", 560m, 4m, 0m, 1m, 0m, 1m, 0.30m),
    ];

    /// <summary>A public utility (热电联产, GB/T 4754 D4412): evaluated for 亩均 but given no class.</summary>
    public static readonly Industry Utility = new("热电联产", "热电", "D4412", 4160m, 30m, 0m, 0m, 0m, 25m, 0.22m);

    /// <summary>
    /// 混合型企业 of the demo: three firms of 鄞州经济开发区 on one parcel (two 规上 machinery firms and a 规下 plastics firm),
    /// so an evaluation shows them alone and merged. The code is the district's group code for the parcel.
    /// </summary>
    public const string SharedParcel = "YZ-ETDZ-P017";

    /// <summary>The demo firms (by index) on <see cref="SharedParcel"/>.</summary>
    public static readonly IReadOnlySet<int> SharedParcelFirms = new HashSet<int> { 4, 8, 12 };

    /// <summary>A demo firm: registry identity, its first profile revision, and its filings.</summary>
    public sealed record DemoEnterprise(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile, List<FilingRecord> Filings);

    public static readonly string[] Names =
    [
        "东方", "华越", "甬兴", "博纳", "海天", "明晟", "恒达", "瑞丰", "中科", "金鼎", "宏远", "天启", "永盛", "鑫源", "嘉禾",
        "凯达", "新峰", "广和", "锦程", "富春", "万里", "德润", "昌隆", "汇通", "佳诚", "正泰", "顺发", "盛世", "卓越", "银河",
    ];


    private static ParkRecord Park(string code, string name, string kind) =>
        new() { Code = code, Name = name, Kind = kind, RegisteredAt = new DateTimeOffset(2020, 1, 2, 1, 0, 0, TimeSpan.Zero), RegisteredBy = Actor };

    /// <summary>Every enterprise with its filings, the same on every call.</summary>
    public static IEnumerable<DemoEnterprise> Generate()
    {
        var rng = new Random(20201231);
        for (var i = 0; i < Enterprises; i++)
        {
            var industry = i % 67 == 13 ? Utility : Industries[rng.Next(Industries.Length)];
            var above = rng.NextDouble() < 0.6;
            var land = above ? Dec(rng, 12m, 260m, 1) : Dec(rng, 2m, 28m, 1);
            // 亩均增加值 of the 2020 baseline: 规上 40–260 万元/亩, 规下 15–120 万元/亩 (annual).
            var vaPerMu = above ? Dec(rng, 40m, 260m, 1) : Dec(rng, 15m, 120m, 1);
            var parkRoll = rng.NextDouble();
            string? park = parkRoll < 0.15 ? null : Parks[(int)((parkRoll - 0.15) / 0.85 * Parks.Length)].Code;
            var established = new DateOnly(1995, 1, 1).AddDays(rng.Next(0, 9_500));          // 1995 … 2020
            DateOnly? landGranted = rng.NextDouble() < 0.05 ? new DateOnly(2023, 1, 1).AddDays(rng.Next(0, 365)) : null;
            var registeredAt = new DateTimeOffset(2020, 1, 3, 2, 0, 0, TimeSpan.Zero);
            var identity = new EnterpriseRecord { Uscc = Uscc(i), ParkCode = park, RegisteredAt = registeredAt, RegisteredBy = Actor };
            var profile = new EnterpriseRevisionRecord
            {
                Uscc = identity.Uscc,
                Revision = 1,
                Name = $"宁波{Names[i % Names.Length]}{industry.Short}{(i / Names.Length > 0 ? (i / Names.Length + 1).ToString() : "")}有限公司",
                Industry = industry.Name,
                IndustryCode = industry.Code,
                Scale = above ? "above" : "below",
                LandAreaMu = land,
                EstablishedOn = established,
                LandGrantedOn = landGranted,
                ParcelGroup = SharedParcelFirms.Contains(i) ? SharedParcel : null,
                // A few titles for the policies that ask for them: every 9th firm a 高新技术企业, every 13th on the 专精特新 list.
                Designations = (i % 9, i % 13) switch { (4, 7) => "high-tech specialized-sme", (4, _) => "high-tech", (_, 7) => "specialized-sme", _ => null },
                Actor = Actor,
                RecordedAt = registeredAt,
            };
            yield return new DemoEnterprise(identity, profile, Filings(rng, profile, industry, land * vaPerMu / 12m));
        }
    }

    private static List<FilingRecord> Filings(Random rng, EnterpriseRevisionRecord e, Industry industry, decimal baseMonthlyVa)
    {
        var growth = Dec(rng, -0.02m, 0.11m, 3);       // annual real growth
        var efficiency = Dec(rng, 0.01m, 0.06m, 3);    // annual fall in energy per unit of value added
        var pvExporter = rng.NextDouble() < 0.08;
        var employeesBase = Math.Max(5, (int)(baseMonthlyVa * 12m / Dec(rng, 18m, 45m, 1)));
        // Tax as a share of value added: small firms pay less (VAT thresholds, 小微 relief).
        var taxRate = e.Scale == "above" ? Dec(rng, 0.06m, 0.16m, 3) : Dec(rng, 0.02m, 0.07m, 3);
        var rdShare = e.Scale == "above" ? Dec(rng, 0.005m, 0.045m, 3) : Dec(rng, 0m, 0.015m, 3);
        var units = rng.Next(3);                       // how this firm writes its quantities
        var filings = new List<FilingRecord>();
        for (var m = First; m <= Last; m = m.AddMonths(1))
        {
            var years = m.Year - 2020;
            var season = m.Month switch { 2 => 0.62m, 1 => 0.92m, 7 or 8 => 1.06m, 12 => 1.08m, _ => 1m };
            var covid = m is { Year: 2020, Month: <= 3 } ? 0.7m : 1m;
            var noise = Dec(rng, 0.93m, 1.07m, 3);
            var va = Round(baseMonthlyVa * Pow(1m + growth, years) * season * covid * noise, 2);
            var intensity = Pow(1m - efficiency, years) * Dec(rng, 0.96m, 1.04m, 3);
            var cooling = m.Month is 7 or 8 ? 1.12m : 1m;
            var energy = new List<FilingEnergyRecord>();
            void Line(string carrier, decimal quantity, string unit, decimal? measuredNcv = null)
            {
                if (quantity > 0m)
                {
                    energy.Add(new FilingEnergyRecord
                    {
                        Line = energy.Count, Carrier = carrier, Quantity = quantity, Unit = unit, MeasuredNcv = measuredNcv,
                    });
                }
            }
            void Electricity(string carrier, decimal kwh)
            {
                switch (units)
                {
                    case 0: Line(carrier, Round(kwh, 0), "kWh"); break;
                    case 1: Line(carrier, Round(kwh / 10_000m, 4), "10k-kWh"); break;
                    default: Line(carrier, Round(kwh / 1_000m, 3), "MWh"); break;
                }
            }
            var kwh = va * industry.KwhPer10kVa * intensity * cooling;
            Electricity("electricity", kwh);
            var gas = va * industry.GasM3Per10kVa * intensity;
            if (m.Year >= CoalToGasYear)
            {
                // Coal-to-gas: 1 kg of coal (about 0.79 kgce at 23.204 GJ/t) replaced by about 0.59 m³ of gas (1.33 kgce/m³).
                gas += va * industry.CoalKgPer10kVa * intensity * 0.59m;
            }
            else
            {
                // A third of the coal burners have each delivery's heating value tested (入厂煤低位发热量化验) and file it;
                // the rest take their guideline's default (原煤 as 烟煤, 23.204 GJ/t).
                Line("raw-coal", Round(va * industry.CoalKgPer10kVa * intensity / 1000m, 2), "t",
                    units == 2 ? 20.6m + m.Month % 5 * 0.3m : null);
            }
            if (units == 1) Line("natural-gas", Round(gas / 10_000m, 4), "10k-m3"); else Line("natural-gas", Round(gas, 0), "m3");
            Line("heat", Round(va * industry.HeatGjPer10kVa * intensity, 1), "GJ");
            Line("diesel", Round(va * industry.DieselKgPer10kVa * intensity / 1000m, 3), "t");
            if (pvExporter && m.Year >= 2022)
            {
                // Rooftop PV, more in summer: generated on the roof, about 60 % of it sold to the grid.
                var pv = kwh * 0.10m * (m.Month is >= 5 and <= 9 ? 1.4m : 0.8m);
                Electricity("renewable-generation", pv);
                Electricity("exported-electricity", pv * 0.6m);
            }
            var output = Round(va / industry.VaShare, 2);
            var product = Product(e, industry, kwh, gas, va * industry.HeatGjPer10kVa * intensity,
                m.Year >= CoalToGasYear ? 0m : va * industry.CoalKgPer10kVa * intensity);
            var first = Record(e, m, 1, energy, va, output, industry, intensity, employeesBase, years, taxRate, rdShare, rng, null, product);
            filings.Add(first);
            if (rng.NextDouble() < 0.03)
            {
                // A corrected meter reading: electricity 2 % higher, filed as revision 2 with its reason.
                var corrected = energy.Select(l => l.Carrier == "electricity"
                    ? new FilingEnergyRecord { Line = l.Line, Carrier = l.Carrier, Quantity = Round(l.Quantity * 1.02m, 4), Unit = l.Unit }
                    : new FilingEnergyRecord { Line = l.Line, Carrier = l.Carrier, Quantity = l.Quantity, Unit = l.Unit, MeasuredNcv = l.MeasuredNcv })
                    .ToList();
                filings.Add(Record(e, m, 2, corrected, va, output, industry, intensity, employeesBase, years, taxRate, rdShare, rng,
                    "更正电表抄见数 (corrected electricity meter reading)", product));
            }
        }
        return filings;
    }

    private static FilingRecord Record(EnterpriseRevisionRecord e, YearMonth m, int revision, List<FilingEnergyRecord> energy, decimal va,
        decimal output, Industry industry, decimal intensity, int employeesBase, int years, decimal taxRate, decimal rdShare,
        Random rng, string? reason, FilingProductRecord? product = null) =>
        new()
        {
            Products = product is null ? [] : [new FilingProductRecord { Line = 0, Name = product.Name, Quantity = product.Quantity, Unit = product.Unit }],
            Uscc = e.Uscc,
            Year = m.Year,
            Month = m.Month,
            Revision = revision,
            WaterM3 = Round(va * industry.WaterM3Per10kVa * intensity, 0),
            OutputValue = output,
            ValueAdded = va,
            Revenue = Round(output * 1.03m, 2),
            TaxPaid = Round(va * taxRate, 2),
            Employees = (int)(employeesBase * (1m + 0.01m * years)),
            RdExpense = Round(output * 1.03m * rdShare, 2),
            CodT = e.Scale == "above" ? Round(va * 0.00004m, 4) : null,
            Nh3nT = e.Scale == "above" ? Round(va * 0.000004m, 5) : null,
            So2T = e.Scale == "above" && industry.CoalKgPer10kVa > 0m && m.Year < CoalToGasYear ? Round(va * 0.0002m, 4) : null,
            NoxT = e.Scale == "above" ? Round(va * 0.00006m, 4) : null,
            Reason = reason,
            Actor = Actor,
            RecordedAt = new DateTimeOffset(m.AddMonths(1).Year, m.AddMonths(1).Month, 10, 1, revision, 0, TimeSpan.Zero),
            Energy = energy.Select(l => new FilingEnergyRecord { Line = l.Line, Carrier = l.Carrier, Quantity = l.Quantity, Unit = l.Unit, MeasuredNcv = l.MeasuredNcv }).ToList(),
        };

    /// <summary>
    /// The demo's resin makers (化工新材料, C2651) file their PVC output (聚氯乙烯树脂, t), so that an inspector sees the
    /// GB 21257-2024 quota check work: tonnage from the month's energy on 当量值 (electricity 0.1229 kgce/kWh, gas about
    /// 1.2143 kgce/m³, heat 34.12 kgce/GJ, coal 0.7143 kgce/kg) over a per-firm unit consumption of 590–670 kgce/t, so a
    /// few exceed the 3级限定值 of 635. No random draw is used: the rest of the demo stays as it was.
    /// </summary>
    private static FilingProductRecord? Product(EnterpriseRevisionRecord e, Industry industry, decimal kwh, decimal gasM3, decimal heatGj, decimal coalKg)
    {
        if (industry.Code != "C2651")
        {
            return null;
        }
        var kgce = kwh * 0.1229m + gasM3 * 1.2143m + heatGj * 34.12m + coalKg * 0.7143m;
        var perTonne = 590m + e.Uscc.Sum(c => (int)c) % 81;
        return new FilingProductRecord { Name = "聚氯乙烯树脂", Quantity = Round(kgce / perTonne, 1), Unit = "t" };
    }

    /// <summary>A valid USCC for demo firm <paramref name="i"/>: 91 (company) + 330212 (鄞州区) + organisation code + check.</summary>
    public static string Uscc(int i)
    {
        var body = (10_000_000 + i * 7_919).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        int[] weights = [3, 7, 9, 10, 5, 8, 4, 2];
        var sum = 0;
        for (var k = 0; k < 8; k++)
        {
            sum += (body[k] - '0') * weights[k];
        }
        var c9 = 11 - sum % 11;
        var orgCheck = c9 == 10 ? 'X' : c9 == 11 ? '0' : (char)('0' + c9);
        var first17 = "91330212" + body + orgCheck;
        return first17 + Carbon.Domain.Registry.Uscc.CheckCharacter(first17);
    }

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
