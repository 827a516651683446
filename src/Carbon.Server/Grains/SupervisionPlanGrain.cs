using Carbon.Domain.Access;
using Carbon.Domain.Supervision;
using Carbon.Server.Configuration;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("supervision-plan")]
public sealed class SupervisionPlanGrain(SupervisionReads reader, LedgerWriter writer, ReportingClock today, TimeProvider clock)
    : Grain, ISupervisionPlanGrain
{
    private SupervisionPlanRecord? _plan;
    private string[] _cases = [];

    private string Id => this.GetPrimaryKeyString();

    private static readonly Caller Service = Caller.System("supervision");

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _plan = await reader.FindPlanAsync(Id);
        if (_plan is not null)
        {
            _cases = (await reader.ListCasesAsync(planId: Id)).OrderBy(c => c.Uscc, StringComparer.Ordinal).Select(c => c.Id).ToArray();
        }
    }

    async Task<PlanAnswer> ISupervisionPlanGrain.CreateAsync(CreatePlan c)
    {
        GrainGuards.CreatePlan(Id, c, clock);
        if (c.Caller.Role is not (Role.Inspector or Role.DistrictOfficial or Role.System))
        {
            return new PlanAnswer(CaseResult.Refused, null, "actor", "只有节能监察员或区经信局可以制定计划 (inspectors and the district make plans)");
        }
        if (_plan is not null)
        {
            return new PlanAnswer(CaseResult.Conflict, null, "id", $"计划 {Id} 已存在 (plan exists)");
        }
        foreach (var (t, i) in c.Targets.Select((t, i) => (t, i)))
        {
            if (await GrainFactory.Enterprise(t.Uscc).GetAsync(Service) is null)
            {
                return new PlanAnswer(CaseResult.UnknownEnterprise, null, $"targets[{i}].uscc", $"未登记企业 {t.Uscc} (no enterprise with this USCC)");
            }
        }
        var now = clock.GetUtcNow();
        var plan = new SupervisionPlanRecord
        {
            Id = Id, Year = c.Year, Kind = EnumTokens.Token(c.Kind), Name = c.Name.Trim(), Seed = c.Seed, DrawJson = c.DrawJson,
            CreatedAt = now, CreatedBy = c.Caller.Account,
        };
        var trigger = c.Kind switch
        {
            PlanKind.Random => InspectionTrigger.Random,
            PlanKind.Complaint => InspectionTrigger.Complaint,
            _ => InspectionTrigger.Plan,
        };
        var cases = c.Targets.Select(t => new SupervisionCaseRecord
        {
            Id = Guid.NewGuid().ToString("N"), Uscc = t.Uscc.Value, Year = c.Year, Mode = EnumTokens.Token(t.Mode),
            Trigger = EnumTokens.Token(trigger), PlanId = Id, AssignedInspectors = t.Inspectors.Length == 0 ? null : string.Join(' ', t.Inspectors),
            CreatedAt = now, CreatedBy = c.Caller.Account,
        }).ToList();
        var steps = cases.Zip(c.Targets, (r, t) => SupervisionCaseGrain.OpenedStep(r.Id, c.Caller, today.Today, $"{plan.Name}：{t.Reason}", now)).ToList();
        await writer.WriteAsync(db =>
        {
            db.SupervisionPlans.Add(plan);
            db.SupervisionCases.AddRange(cases);
            db.SupervisionSteps.AddRange(steps);
            db.AuditEvents.Add(new AuditEventRecord
            {
                At = now, Actor = c.Caller.Account, Action = "supervision.plan", Subject = Id,
                Detail = $"{c.Year} {plan.Kind} {cases.Count} firms{(c.Seed is { } seed ? $" seed {seed}" : "")}",
            });
        });
        _plan = plan;
        _cases = cases.OrderBy(x => x.Uscc, StringComparer.Ordinal).Select(x => x.Id).ToArray();
        return new PlanAnswer(CaseResult.Ok, View());
    }

    Task<PlanView?> ISupervisionPlanGrain.GetAsync() => Task.FromResult(_plan is null ? null : View());

    private PlanView View() =>
        new(_plan!.Id, _plan.Year, EnumTokens.Parse<PlanKind>(_plan.Kind), _plan.Name, _plan.Seed, _plan.DrawJson, _plan.CreatedAt,
            _plan.CreatedBy, _cases);
}
