using Carbon.Domain.MuYield;

namespace Carbon.Server.Features.Evaluations;

/// <summary>POST /api/evaluations body: the year evaluated (usually last year) and the method id.</summary>
public sealed record RunEvaluationRequest(int? Year, string? Method);

/// <summary>?page=1&amp;pageSize=50&amp;sort=-score&amp;class=A&amp;park=…&amp;industry=…&amp;population=….</summary>
public sealed record EvaluationListQuery(int? Page, int? PageSize, string? Sort, string? Class, string? Park, string? Industry,
    string? Population);

/// <summary>
/// A loaded 亩均 method: its version (id@hash of the file), status and source, and which evaluation of a 混合型企业 sets its
/// class (<c>merged</c> or <c>alone</c>).
/// </summary>
public sealed record MethodResponse(string Id, string Name, string Version, string Status, string Source, string[] Populations,
    ClassSource MixedParcelsClassFrom);
