using Carbon.Server.Grains.Contracts;

namespace Carbon.Server.Grains;

/// <summary>A task or project of the plan, keyed by its id: the single writer of its reports.</summary>
public interface IPlanTaskGrain : IGrainWithStringKey
{
    Task<PlanTaskAnswer> CreateAsync(CreatePlanTask command);

    Task<PlanTaskAnswer> ReportAsync(ReportOnTask command);

    [ReadOnly]
    Task<PlanTaskView?> GetAsync();
}
