using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>
/// A yearly supervision plan (监察计划), keyed by its id: creates the plan and opens a case per target in one
/// transaction (all or none), then answers with the plan; the cases live on in their own grains.
/// </summary>
public interface ISupervisionPlanGrain : IGrainWithStringKey
{
    Task<PlanAnswer> CreateAsync(CreatePlan command);

    [ReadOnly]
    Task<PlanView?> GetAsync();
}
