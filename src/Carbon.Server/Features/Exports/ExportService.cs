using Carbon.Domain.Access;
using Carbon.Domain.Energy;
using Carbon.Domain.Registry;
using Carbon.Domain.Supervision;
using Carbon.Domain.Units;
using Carbon.Server.Features.Intake;
using Carbon.Server.Features.Metrics;
using Carbon.Server.Features.Supervision;
using Carbon.Server.Grains;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;
using Carbon.Sheets;

namespace Carbon.Server.Features.Exports;

/// <summary>What can be exported: the year's filings, the year's figures, an evaluation run, the certificate register, the supervision cases.</summary>
public enum ExportKind
{
    Filings,
    Metrics,
    Evaluation,
    Certificates,
    SupervisionCases,
}

/// <summary>
/// Sheets of what the caller may see, built from the same reads as the pages and the API. The filings come in Carbon's
/// import template (every column it has, plus name, park and revision at the right), so an export can be corrected and
/// imported back.
/// </summary>
public sealed class ExportService(
    RegistryReads registry, CertificateReads certificates, SupervisionService supervision, MetricsCalculator metrics, IGrainFactory grains)
{
    public async Task<GridOut?> SheetAsync(ExportKind kind, int year, string? evaluationId, Caller caller) => kind switch
    {
        ExportKind.Filings => await FilingsAsync(year, caller),
        ExportKind.Metrics => await MetricsAsync(year, caller),
        ExportKind.Evaluation => evaluationId is null ? null : await EvaluationAsync(evaluationId, caller),
        ExportKind.Certificates => await CertificatesAsync(caller),
        _ => await CasesAsync(year, caller),
    };

    private async Task<GridOut> FilingsAsync(int year, Caller caller)
    {
        var visible = (await registry.LoadVisibleAsync(caller)).ToDictionary(r => r.Identity.Uscc, StringComparer.Ordinal);
        var filings = (await registry.LoadCurrentFilingsAsync(null, allParks: true, year))
            .Where(f => visible.ContainsKey(f.Filing.Uscc))
            .OrderBy(f => f.Filing.Uscc, StringComparer.Ordinal).ThenBy(f => f.Filing.Month);
        var keys = CarbonTemplate.Columns.Select(c => c.Key).ToList();
        var rows = filings.Select(c =>
        {
            var f = c.Filing;
            var cells = new object?[keys.Count + 3];
            void Set(string key, object? value) => cells[keys.IndexOf(key)] = value;
            Set("uscc", f.Uscc);
            Set("month", $"{f.Year:D4}-{f.Month:D2}");
            foreach (var line in f.Energy)
            {
                var carrier = EnergyCarriers.Parse(line.Carrier);
                var (from, to) = (MeasureUnits.Parse(line.Unit), CarbonTemplate.UnitOf(carrier));
                Set(carrier.Token(), MeasureUnits.Convert(line.Quantity, from, to));
                if (line.Feedstock != 0m)
                {
                    Set($"{carrier.Token()}.feedstock", MeasureUnits.Convert(line.Feedstock, from, to));
                }
                if (line.MeasuredNcv is { } ncv)
                {
                    Set($"{carrier.Token()}.ncv", ncv);
                }
            }
            Set("waterM3", f.WaterM3);
            Set("outputValue", f.OutputValue);
            Set("valueAdded", f.ValueAdded);
            Set("revenue", f.Revenue);
            Set("taxPaid", f.TaxPaid);
            Set("employees", f.Employees);
            Set("rdExpense", f.RdExpense);
            Set("codT", f.CodT);
            Set("nh3nT", f.Nh3nT);
            Set("so2T", f.So2T);
            Set("noxT", f.NoxT);
            foreach (var (p, i) in f.Products.OrderBy(p => p.Line).Take(CarbonTemplate.Products).Select((p, i) => (p, i + 1)))
            {
                Set($"product{i}.name", p.Name);
                Set($"product{i}.quantity", p.Quantity);
                Set($"product{i}.unit", p.Unit);
            }
            var identity = visible[f.Uscc];
            cells[keys.Count] = identity.Profile.Name;
            cells[keys.Count + 1] = identity.Identity.ParkCode;
            cells[keys.Count + 2] = f.Revision;
            return (IReadOnlyList<object?>)cells;
        });
        var header = CarbonTemplate.Columns.Select(c => (object?)c.Header).Concat(["企业名称 (not imported)", "园区 (not imported)", "版次 revision (not imported)"]).ToList();
        return new GridOut($"填报 filings {year}", rows.Prepend(header), 1);
    }

    private async Task<GridOut> MetricsAsync(int year, Caller caller)
    {
        var period = new PeriodQuery(year, 12);
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "范围 scope", "代码 code", "名称 name", "已报月数 months", "综合能耗当量值 tce", "综合能耗等价值 tce", "二氧化碳 tCO2", "用水 m³",
                "工业增加值 万元", "单位增加值能耗 tce/万元", "单位增加值CO2 t/万元", "能耗强度较2020降低", "CO2强度较2020降低" },
        };
        void Add(MetricsResponse m) => rows.Add([m.Scope.Kind, m.Scope.Id, m.Scope.Name, m.Months, m.EnergyTce.Calorific, m.EnergyTce.Equivalent,
            m.Co2T.Total, m.WaterM3, m.ValueAdded, m.Intensity.EnergyTcePer10kYuan, m.Intensity.Co2TPer10kYuan, m.ReductionVs2020.EnergyIntensity,
            m.ReductionVs2020.Co2Intensity]);
        if (await grains.GetGrain<IDistrictGrain>(DistrictKeys.District).GetTotalsAsync(period, caller) is { } district)
        {
            var count = await grains.GetGrain<IDistrictGrain>(DistrictKeys.District).CountEnterprisesAsync();
            Add(metrics.Compute(new ScopeResponse("district", DistrictKeys.District, "全区", count), period, district, false));
        }
        foreach (var park in (await registry.LoadParksAsync()).Where(p => caller.CanReadPark(p.Code)).OrderBy(p => p.Code, StringComparer.Ordinal))
        {
            var grain = grains.GetGrain<IParkGrain>(park.Code);
            if (await grain.GetAsync(caller) is { } view && await grain.GetTotalsAsync(period, caller) is { } totals)
            {
                Add(metrics.Compute(new ScopeResponse("park", park.Code, view.Profile.Name, view.Enterprises), period, totals, false));
            }
        }
        foreach (var (identity, profile) in (await registry.LoadVisibleAsync(caller)).OrderBy(r => r.Identity.Uscc, StringComparer.Ordinal))
        {
            var grain = grains.Enterprise(Uscc.Parse(identity.Uscc));
            if (await grain.GetTotalsAsync(period, caller) is { } totals)
            {
                Add(metrics.Compute(new ScopeResponse("enterprise", identity.Uscc, profile.Name, 1), period, totals, false, firm: true,
                    firmIndustryCode: profile.IndustryCode));
            }
        }
        return new GridOut($"指标 metrics {year}", rows, 1);
    }

    private async Task<GridOut?> EvaluationAsync(string id, Caller caller)
    {
        var grain = grains.GetGrain<IEvaluationGrain>(id);
        if (await grain.GetSummaryAsync(caller) is not { } summary
            || await grain.QueryAsync(new EvaluationQuery(1, int.MaxValue, "rank", null, null, null, null), caller) is not { } page)
        {
            return null;
        }
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "统一社会信用代码 uscc", "企业名称 name", "行业 industry", "园区 park", "群体 population", "总分 score", "排名 rank", "群体家数",
                "分类 class", "单独评价分类 alone", "不分类原因 exempt" },
        };
        rows.AddRange(page.Items.Select(f => (IReadOnlyList<object?>)new object?[]
        {
            f.Uscc, f.Name, f.Industry, f.ParkCode, f.Population, f.TotalScore, f.Rank, f.RankedInPopulation, f.Class, f.AloneClass, f.ExemptReason,
        }));
        return new GridOut($"亩均 {summary.Year}", rows, 1);
    }

    private async Task<GridOut> CertificatesAsync(Caller caller)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "编号 number", "种类 kind", "统一社会信用代码 uscc", "年度 year", "出具 issued", "有效期至 valid until", "出具人 by", "吊销 revoked", "原因 reason", "SHA-256" },
        };
        rows.AddRange((await certificates.ListVisibleAsync(caller)).OrderBy(c => c.Number, StringComparer.Ordinal).Select(c => (IReadOnlyList<object?>)new object?[]
        {
            c.Number, c.Kind, c.Uscc ?? "全区 district", c.Year, c.IssuedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm"),
            c.ValidUntil?.ToString("yyyy-MM-dd"), c.IssuedBy, c.Revocation?.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd"), c.Revocation?.Reason, c.Sha256,
        }));
        return new GridOut("证书 certificates", rows, 1);
    }

    private async Task<GridOut> CasesAsync(int year, Caller caller)
    {
        var rows = new List<IReadOnlyList<object?>>
        {
            new object?[] { "案件 case", "统一社会信用代码 uscc", "企业名称 name", "园区 park", "年度 year", "方式 mode", "缘由 trigger", "状态 state", "结果 outcome",
                "问题数 findings", "整改期限 deadline", "逾期 overdue" },
        };
        rows.AddRange((await supervision.ListCasesAsync(caller, year)).Select(c => (IReadOnlyList<object?>)new object?[]
        {
            c.Id, c.Uscc, c.Name, c.ParkCode, c.Year, c.Mode.ChineseName(), c.Trigger.ChineseName(), c.State.ChineseName(), c.Outcome?.ChineseName(),
            c.Findings, c.Deadline?.ToString("yyyy-MM-dd"), c.Alerts.Count(a => a.Overdue),
        }));
        return new GridOut($"节能监察 {year}", rows, 1);
    }
}
