using Carbon.Domain.Access;
using Carbon.Domain.Accounting;
using Carbon.Domain.Energy;
using Carbon.Domain.Intake;
using Carbon.Domain.Units;
using Carbon.Domain.Registry;
using Carbon.Domain.Warnings;
using Carbon.Server.Configuration;
using Carbon.Server.Factors;
using Carbon.Server.Ledger;

namespace Carbon.Server.Features.Warnings;

/// <summary>An alert with whose it is (a firm's name and park; a park's name) and what people said about it, oldest first.</summary>
public sealed record AlertRow(Alert Alert, string SubjectKind, string Name, string? ParkCode, IReadOnlyList<AlertNoteRecord> Notes);

/// <summary>
/// The alerts of a year, derived on every read from the ledger and the rules in factors/warnings/rules.json (never
/// stored, so never twice and never stale): 应报未报 for each month of each firm, 用能预算 for firms with a budget, a jump in
/// any month of each firm, data quality (a 205-1 form that no longer balances, electricity far from the grid company's
/// figure), last year's 能源利用状况报告 of key energy users, and the 晴雨表 (intensity fall against the year's target,
/// same months of last year) for the district, each park and each key firm — with, for the district and each park, the
/// total against the pro-rata sum of its firms' budgets. People's explanations and acknowledgements are stored and joined by key.
/// </summary>
public sealed class AlertService(
    RegistryReads registry, EvaluationSnapshots snapshots, WarningReads reads, WarningCatalog catalog, IntakeCatalog intake, ReportingClock clock,
    LedgerWriter ledger, TimeProvider time)
{
    /// <summary>
    /// Whether the caller may say this about the alert: a firm's filer explains its own firm's alerts; an official explains
    /// or acknowledges any. Nothing is said about an alert on track (green).
    /// </summary>
    public static bool MayNote(AlertRow row, bool acknowledgement, Caller caller) =>
        row.Alert.Level != AlertLevel.Green
        && (acknowledgement ? caller.Administers : caller.Administers || (row.SubjectKind == "firm" && caller.CanFile(Uscc.Parse(row.Alert.Subject))));

    /// <summary>Stores a note on the alert (with its audit event); the caller was checked with <see cref="MayNote"/>.</summary>
    public Task NoteAsync(AlertRow row, bool acknowledgement, string text, Caller caller)
    {
        var note = new AlertNoteRecord
        {
            Rule = Token(row.Alert.Rule), Subject = row.Alert.Subject, Year = row.Alert.Period.Year, Month = row.Alert.Period.Month, Detail = row.Alert.Detail,
            Kind = acknowledgement ? "acknowledgement" : "explanation", Text = text, Actor = caller.Account, At = time.GetUtcNow(),
        };
        return ledger.WriteAsync(db =>
        {
            db.AlertNotes.Add(note);
            db.AuditEvents.Add(new AuditEventRecord
            {
                At = note.At, Actor = note.Actor, Action = $"alert.{note.Kind}", Subject = note.Subject, Detail = $"{note.Rule} {row.Alert.Period}: {text}",
            });
        });
    }

    /// <summary>Why a report for <paramref name="year"/> cannot have been handed in on <paramref name="on"/> (after the year, not in the future), or null.</summary>
    public static string? ReportDateProblem(int year, DateOnly on, DateOnly today) =>
        on.Year > year && on <= today ? null : $"报送日期应在 {year + 1}-01-01 至今天之间 (handed in after the year ended, and not in the future)";

    /// <summary>Records that the firm handed in its 能源利用状况报告 for the year (with its audit event); the caller may file for the firm.</summary>
    public async Task<EnergyReportRecord> RecordReportAsync(Uscc uscc, int year, DateOnly on, string reference, Caller caller)
    {
        var record = new EnergyReportRecord { Uscc = uscc.Value, Year = year, SubmittedOn = on, Reference = reference, Actor = caller.Account, At = time.GetUtcNow() };
        await ledger.WriteAsync(db =>
        {
            db.EnergyReports.Add(record);
            db.AuditEvents.Add(new AuditEventRecord { At = record.At, Actor = record.Actor, Action = "energy-report.record", Subject = uscc.Value,
                Detail = $"{year}: {on:yyyy-MM-dd} {reference}" });
        });
        return record;
    }

    /// <summary>The alerts the caller may see (a filer its firms', a park administrator its parks' and their firms'), worst first.</summary>
    public async Task<List<AlertRow>> ListAsync(int year, Caller caller)
    {
        // Computed on each read, so an alert goes the moment its cause does: for a few firms (a filer's) from their own
        // filings, for a park or the district by two bulk reads (this year's and last year's months).
        var all = await ComputeAsync(year, caller);
        var notes = (await reads.NotesAsync(year)).ToLookup(n => (n.Rule, n.Subject, n.Year, n.Month, n.Detail));
        return all
            .Where(a => a.Item2 switch
            {
                "district" => caller.SeesDistrict,
                "park" => caller.CanReadPark(a.Item1.Subject),
                _ => caller.CanRead(Uscc.Parse(a.Item1.Subject), a.Item4),
            })
            .Select(a => new AlertRow(a.Item1, a.Item2, a.Item3, a.Item4,
                notes[(Token(a.Item1.Rule), a.Item1.Subject, a.Item1.Period.Year, a.Item1.Period.Month, a.Item1.Detail)].ToList()))
            .OrderBy(r => Severity(r.Alert.Level)).ThenBy(r => r.Alert.Rule).ThenBy(r => r.Alert.Subject, StringComparer.Ordinal).ThenBy(r => r.Alert.Period)
            .ToList();
    }

    /// <summary>Worst first: red, amber, yellow, then the flags to explain, then green (on track).</summary>
    public static int Severity(AlertLevel level) => level switch
    {
        AlertLevel.Red => 0,
        AlertLevel.Amber => 1,
        AlertLevel.Yellow => 2,
        AlertLevel.Flag => 3,
        _ => 4,
    };

    public static string Token(AlertRule rule) => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(rule.ToString());

    /// <summary>Firms at most this many are read firm by firm; more, by the district-wide bulk read.</summary>
    private const int FewFirms = 20;

    private async Task<List<(Alert, string, string, string?)>> ComputeAsync(int year, Caller caller)
    {
        var rules = catalog.Rules;
        var today = clock.Today;
        var firms = caller.SeesDistrict ? await registry.LoadRegistryAsync() : await registry.LoadVisibleAsync(caller);
        Dictionary<string, ActivityTotals?[]> now, before;
        var few = firms.Count <= FewFirms && !caller.SeesDistrict;
        if (few)
        {
            var read = await snapshots.FewFirmMonthsAsync([year, year - 1], firms);
            (now, before) = (read[year], read[year - 1]);
        }
        else
        {
            now = await snapshots.FirmMonthsAsync(year, firms);
            before = await snapshots.FirmMonthsAsync(year - 1, firms);
        }
        var budgets = await reads.BudgetsAsync(year);
        var reports = await reads.EnergyReportsAsync(year - 1);
        var grid = await reads.GridElectricityAsync(year);
        var forms = await reads.Form2051Async(year, few ? firms.Select(f => f.Identity.Uscc).ToList() : null);
        // Months whose deadline may have passed: up to last month in the current year, all twelve in a past one.
        var through = year < clock.CurrentMonth.Year ? 12 : year == clock.CurrentMonth.Year ? clock.CurrentMonth.Month - 1 : 0;
        var alerts = new List<(Alert, string, string, string?)>();
        decimal Tce(ActivityTotals? t, int y) => t is null ? 0m : snapshots.EquivalentTce(t, y);

        var parks = (await registry.LoadParksAsync()).ToDictionary(p => p.Code, p => p.Name, StringComparer.Ordinal);
        var sums = new Dictionary<string, (ActivityTotals Now, ActivityTotals Before)>(StringComparer.Ordinal);
        // The total's side of the barometer: the budgets of the firms that have one, summed by park and for the district
        // (the annual cap), against those firms' energy through the last month due.
        var caps = new Dictionary<string, (decimal Cap, decimal SoFar)>(StringComparer.Ordinal);
        void Cap(string key, decimal cap, decimal soFar)
        {
            var (c, f) = caps.GetValueOrDefault(key);
            caps[key] = (c + cap, f + soFar);
        }
        void Sum(string key, ActivityTotals? a, ActivityTotals? b)
        {
            var (n, p) = sums.GetValueOrDefault(key, (ActivityTotals.Zero, ActivityTotals.Zero));
            sums[key] = (a is null ? n : n + a, b is null ? p : p + b);
        }

        foreach (var (identity, profile) in firms)
        {
            var (uscc, park, name) = (identity.Uscc, identity.ParkCode, profile.Name);
            var months = now.GetValueOrDefault(uscc) ?? new ActivityTotals?[12];
            var last = before.GetValueOrDefault(uscc) ?? new ActivityTotals?[12];
            var registered = ReportingClock.DayOf(identity.RegisteredAt);
            for (var m = 1; m <= through; m++)
            {
                var month = new YearMonth(year, m);
                if (new DateOnly(year, m, 1).AddMonths(1) <= registered)
                {
                    continue;   // registered after the month ended: not due
                }
                if (EarlyWarning.Missing(uscc, month, months[m - 1] is not null, today, rules) is { } missing)
                {
                    alerts.Add((missing, "firm", name, park));
                }
            }
            var filed = Enumerable.Range(1, 12).Where(m => months[m - 1] is not null).ToList();
            if (filed.Count > 0)
            {
                var latest = filed[^1];
                foreach (var m in filed)
                {
                    var previous = Enumerable.Range(1, 3).Select(k => new YearMonth(year, m).AddMonths(-k))
                        .Select(ym => ym.Year == year ? months[ym.Month - 1] : last[ym.Month - 1])
                        .OfType<ActivityTotals>().Select(t => Tce(t, year)).ToList();
                    if (EarlyWarning.Jump(uscc, new YearMonth(year, m), "综合能耗", Tce(months[m - 1], year),
                            last[m - 1] is { } same ? Tce(same, year - 1) : null, previous, rules) is { } jump)
                    {
                        alerts.Add((jump, "firm", name, park));
                    }
                }
                foreach (var m in filed)
                {
                    var form = forms.GetValueOrDefault((uscc, year, m));
                    var kwh = form is null ? months[m - 1]!.Energy(EnergyCarrier.Electricity) : Form2051Kwh(form) ?? months[m - 1]!.Energy(EnergyCarrier.Electricity);
                    if (EarlyWarning.GridElectricity(uscc, new YearMonth(year, m), kwh, grid.TryGetValue((uscc, m), out var g) ? g : null, rules) is { } off)
                    {
                        alerts.Add((off, "firm", name, park));
                    }
                    if (form is not null)
                    {
                        var prior = new YearMonth(year, m).AddMonths(-1);
                        var previous = forms.GetValueOrDefault((uscc, prior.Year, prior.Month));
                        var check = Form2051.Check(form.Select(l => l.ToLine()).ToList(), intake.Form2051,
                            previous?.GroupBy(l => l.Code).ToDictionary(x => x.Key, x => x.Last().Closing ?? 0m, StringComparer.Ordinal), (_, _) => null);
                        if (EarlyWarning.Form2051Balance(uscc, new YearMonth(year, m), check.Issues.Where(i => !i.Warning).Select(i => i.Message).ToList()) is { } broken)
                        {
                            alerts.Add((broken, "firm", name, park));
                        }
                    }
                }
                var soFar = filed.Sum(m => Tce(months[m - 1], year));
                if (EarlyWarning.Budget(uscc, new YearMonth(year, latest), soFar, budgets.GetValueOrDefault(uscc), rules) is { Level: not AlertLevel.Green } budget)
                {
                    alerts.Add((budget, "firm", name, park));
                }
            }
            if (budgets.TryGetValue(uscc, out var cap) && through > 0)
            {
                var due = Enumerable.Range(1, through).Sum(m => Tce(months[m - 1], year));
                Cap("district", cap, due);
                Cap(park ?? "", cap, due);
            }
            // The barometer's months: those both years filed, through the last month due.
            var both = Enumerable.Range(1, Math.Max(through, 0)).Where(m => months[m - 1] is not null && last[m - 1] is not null).ToList();
            foreach (var m in both)
            {
                Sum("district", months[m - 1], last[m - 1]);
                Sum(park ?? "", months[m - 1], last[m - 1]);
            }
            var lastYearTce = Enumerable.Range(0, 12).Sum(i => Tce(last[i], year - 1));
            if (EarlyWarning.EnergyReport(uscc, year - 1, lastYearTce, reports.TryGetValue(uscc, out var report) ? report.SubmittedOn : null, today, rules) is { } overdue)
            {
                alerts.Add((overdue, "firm", name, park));
            }
            if (lastYearTce >= catalog.KeyFirmTce && both.Count > 0)
            {
                var (n, b) = (both.Aggregate(ActivityTotals.Zero, (acc, m) => acc + months[m - 1]!),
                    both.Aggregate(ActivityTotals.Zero, (acc, m) => acc + last[m - 1]!));
                if (Barometer(uscc, new YearMonth(year, both[^1]), n, b) is { } firmBarometer)
                {
                    alerts.Add((firmBarometer, "firm", name, park));
                }
            }
        }
        if (through > 0)
        {
            foreach (var (key, (n, b)) in sums.Where(s => s.Key.Length > 0))
            {
                if (Barometer(key, new YearMonth(year, through), n, b) is { } barometer)
                {
                    alerts.Add(key == "district" ? (barometer, "district", "全区", null) : (barometer, "park", parks.GetValueOrDefault(key, key), key));
                }
            }
            foreach (var (key, (cap, soFar)) in caps.Where(c => c.Key.Length > 0 && c.Value.Cap > 0m))
            {
                var total = EarlyWarning.IntensityTotal(key, new YearMonth(year, through), soFar, cap, rules);
                alerts.Add(key == "district" ? (total, "district", "全区", null) : (total, "park", parks.GetValueOrDefault(key, key), key));
            }
        }
        return alerts;

        // Electricity bought in the month by the 205-1 form (column 2, 购进量), in kWh; null when the form has no power row.
        decimal? Form2051Kwh(List<Form2051LineRecord> form) =>
            form.FirstOrDefault(l => intake.Form2051.Find(l.Code, l.Name)?.Carrier == EnergyCarrier.Electricity) is { } power
            && intake.Form2051.Units.TryGetValue(power.Unit, out var unit) && unit.DimensionOf() == MeasureUnit.KilowattHour.DimensionOf()
                ? new Quantity(power.Purchased ?? 0m, unit).In(MeasureUnit.KilowattHour)
                : null;

        Alert? Barometer(string subject, YearMonth at, ActivityTotals n, ActivityTotals b) =>
            EarlyWarning.IntensityBarometer(subject, at,
                n.ValueAdded > 0m ? Tce(n, year) / n.ValueAdded : null, b.ValueAdded > 0m ? Tce(b, year - 1) / b.ValueAdded : null,
                catalog.AnnualIntensityFall, rules);
    }
}
