using System.Text.Json;
using System.Text.Json.Serialization;
using Carbon.Domain.Access;
using Carbon.Domain.Policies;
using Carbon.Domain.Registry;
using Carbon.Server.Configuration;
using Carbon.Server.Grains.Contracts;
using Carbon.Server.Ledger;

namespace Carbon.Server.Grains;

[GrainType("policy")]
public sealed class PolicyGrain(PolicyReads reader, LedgerWriter writer, TimeProvider clock) : Grain, IPolicyGrain
{
    /// <summary>The rules as the ledger keeps them: versioned by their shape, enums as kebab-case tokens.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private PolicyRecord? _policy;
    private List<(PolicyApplicationRecord Application, List<PolicyApplicationStepRecord> Steps)> _applications = [];

    private string Id => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _policy = await reader.FindAsync(Id);
        _applications = _policy is null ? [] : await reader.ApplicationsAsync(Id);
    }

    Task<PolicyView?> IPolicyGrain.GetAsync() => Task.FromResult(View());

    async Task<PolicyAnswer> IPolicyGrain.PublishAsync(PublishPolicy c)
    {
        GrainGuards.PublishPolicy(Id, c);
        if (!c.Caller.Administers)
        {
            return new PolicyAnswer(ProgrammeResult.Refused, null, "caller", "只有区经信局发布政策 (officials publish policies)");
        }
        if (_policy is not null)
        {
            return new PolicyAnswer(ProgrammeResult.Conflict, View(), "id", $"政策 {Id} 已发布；新版本请用新编号 (published; a new version is a new policy)");
        }
        var now = clock.GetUtcNow();
        var record = new PolicyRecord
        {
            Id = Id, Title = c.Title.Trim(), DocumentNumber = c.DocumentNumber.Trim(), ValidFrom = c.ValidFrom, ValidTo = c.ValidTo,
            Amount = c.Benefit.Amount, Rate = c.Benefit.Rate, RateBase = c.Benefit.RateBase, Cap = c.Benefit.Cap,
            RulesJson = JsonSerializer.Serialize(c.Rules, Json), PublishedAt = now, PublishedBy = c.Caller.Account,
        };
        await writer.WriteAsync(db =>
        {
            db.Policies.Add(record);
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = c.Caller.Account, Action = "policy.publish", Subject = Id,
                Detail = $"{record.Title} {record.DocumentNumber} {record.ValidFrom:yyyy-MM-dd}..{record.ValidTo:yyyy-MM-dd}" });
        });
        _policy = record;
        return new PolicyAnswer(ProgrammeResult.Done, View());
    }

    /// <summary>One live application per firm and policy; only within the policy's validity; the firm's own filer (or an official).</summary>
    async Task<PolicyAnswer> IPolicyGrain.ApplyAsync(ApplyForPolicy c)
    {
        GrainGuards.ApplyForPolicy(Id, c);
        if (_policy is not { } p)
        {
            return new PolicyAnswer(ProgrammeResult.NotFound, null, "id", $"无此政策 {Id} (no such policy)");
        }
        if (!c.Caller.CanFile(c.Uscc))
        {
            return new PolicyAnswer(ProgrammeResult.NotFound, null, "uscc", $"未登记企业 {c.Uscc}，或您不能为其申报 (no firm of yours)");
        }
        if (c.On < p.ValidFrom || c.On > p.ValidTo)
        {
            return new PolicyAnswer(ProgrammeResult.Conflict, View(), "on", $"政策有效期 {p.ValidFrom:yyyy-MM-dd} 至 {p.ValidTo:yyyy-MM-dd} (outside the policy's validity)");
        }
        if (_applications.Any(a => a.Application.Uscc == c.Uscc.Value && State(a.Steps) is not PolicyStep.Rejected))
        {
            return new PolicyAnswer(ProgrammeResult.Conflict, View(), "uscc", "该企业已申报此政策 (the firm has applied already)");
        }
        var now = clock.GetUtcNow();
        var application = new PolicyApplicationRecord
        {
            Id = Guid.NewGuid().ToString("N"), PolicyId = Id, Uscc = c.Uscc.Value, Amount = c.Amount, Facts = c.Facts, Confirmed = c.Confirmed,
            CreatedAt = now, CreatedBy = c.Caller.Account,
        };
        var step = new PolicyApplicationStepRecord
        {
            ApplicationId = application.Id, Kind = EnumTokens.Token(PolicyStep.Applied), On = c.On, Text = "一键申报 (applied)", Amount = c.Amount,
            Actor = c.Caller.Account, At = now,
        };
        await writer.WriteAsync(db =>
        {
            db.PolicyApplications.Add(application);
            db.PolicyApplicationSteps.Add(step);
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = c.Caller.Account, Action = "policy.apply", Subject = Id, Detail = $"{c.Uscc} {c.Amount} 万元" });
        });
        _applications.Add((application, [step]));
        return new PolicyAnswer(ProgrammeResult.Done, View(), ApplicationId: application.Id);
    }

    /// <summary>applied → approved | rejected; approved → paid. Officials only; a payout names its amount (at most the approved one).</summary>
    async Task<PolicyAnswer> IPolicyGrain.RecordAsync(PolicyApplicationCommand c)
    {
        GrainGuards.PolicyApplicationStep(Id, c);
        if (_policy is null || _applications.FindIndex(a => a.Application.Id == c.ApplicationId) is var i && i < 0)
        {
            return new PolicyAnswer(ProgrammeResult.NotFound, null, "applicationId", $"无此申报 {c.ApplicationId} (no such application)");
        }
        if (!c.Caller.Administers)
        {
            return new PolicyAnswer(ProgrammeResult.Refused, null, "caller", "只有区经信局审核与兑现 (officials decide and pay)");
        }
        var (application, steps) = _applications[i];
        var state = State(steps);
        var allowed = (state, c.Step) switch
        {
            (PolicyStep.Applied, PolicyStep.Approved or PolicyStep.Rejected) => true,
            (PolicyStep.Approved, PolicyStep.Paid) => true,
            _ => false,
        };
        if (!allowed)
        {
            return new PolicyAnswer(ProgrammeResult.Conflict, View(), "step", $"申报处于 {EnumTokens.Token(state)}，不能 {EnumTokens.Token(c.Step)} (not in this state)");
        }
        if (c.Step == PolicyStep.Paid && (c.Amount is not { } paid || paid <= 0m || paid > application.Amount))
        {
            return new PolicyAnswer(ProgrammeResult.Conflict, View(), "amount", $"兑现金额须大于 0 且不超过核定的 {application.Amount} 万元 (above 0, at most the approved amount)");
        }
        if (c.On < steps[^1].On || c.On > ReportingClock.DayOf(clock.GetUtcNow()))
        {
            return new PolicyAnswer(ProgrammeResult.Conflict, View(), "on", "日期须在上一步之后、不晚于今天 (after the last step, not in the future)");
        }
        var now = clock.GetUtcNow();
        var step = new PolicyApplicationStepRecord
        {
            ApplicationId = application.Id, Kind = EnumTokens.Token(c.Step), On = c.On, Text = c.Text.Trim(), Amount = c.Step == PolicyStep.Paid ? c.Amount : null,
            Actor = c.Caller.Account, At = now,
        };
        await writer.WriteAsync(db =>
        {
            db.PolicyApplicationSteps.Add(step);
            db.AuditEvents.Add(new AuditEventRecord { At = now, Actor = c.Caller.Account, Action = $"policy.{step.Kind}", Subject = Id,
                Detail = $"{application.Uscc}: {step.Text}{(step.Amount is { } a ? $" {a} 万元" : "")}" });
        });
        steps.Add(step);
        return new PolicyAnswer(ProgrammeResult.Done, View(), ApplicationId: application.Id);
    }

    private static PolicyStep State(List<PolicyApplicationStepRecord> steps) => EnumTokens.Parse<PolicyStep>(steps[^1].Kind);

    private PolicyView? View() => _policy is not { } p
        ? null
        : new PolicyView(p.Id, p.Title, p.DocumentNumber, p.ValidFrom, p.ValidTo, new Benefit(p.Amount, p.Rate, p.RateBase, p.Cap),
            JsonSerializer.Deserialize<EligibilityRule[]>(p.RulesJson, Json) ?? [], p.PublishedAt, p.PublishedBy,
            _applications.Select(a => new PolicyApplicationView(a.Application.Id, Uscc.Parse(a.Application.Uscc), a.Application.Amount, a.Application.Facts,
                a.Application.Confirmed, State(a.Steps), a.Steps.LastOrDefault(s => s.Amount is not null && s.Kind == EnumTokens.Token(PolicyStep.Paid))?.Amount,
                a.Steps.Select(s => new PolicyStepView(EnumTokens.Parse<PolicyStep>(s.Kind), s.On, s.Text, s.Amount, s.Actor, s.At)).ToArray())).ToArray());
}
