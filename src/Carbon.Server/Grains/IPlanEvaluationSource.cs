using Carbon.Certificates;

namespace Carbon.Server.Grains;

/// <summary>
/// Where the 规划实施评估报告 gets its figures: the plan's targets, tasks and the year's key figures are the features'
/// (targets, plan, land, rectification, supervision, policies), so the feature layer provides them to the issuer.
/// </summary>
public interface IPlanEvaluationSource
{
    /// <summary>The district plan's evaluation of <paramref name="year"/> (mid-term in the plan's mid-term year), or why not.</summary>
    Task<(PlanEvaluationData? Data, BuildProblem? Problem)> PlanEvaluationAsync(CertificateHeader header, int year);
}
