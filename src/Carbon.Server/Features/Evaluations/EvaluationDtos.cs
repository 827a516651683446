namespace Carbon.Server.Features.Evaluations;

/// <summary>POST /api/evaluations body: the year evaluated (usually last year) and the method id.</summary>
public sealed record RunEvaluationRequest(int? Year, string? Method);

/// <summary>?page=1&amp;pageSize=50&amp;sort=-score&amp;class=A&amp;park=…&amp;industry=…&amp;population=…, bound as text for field errors.</summary>
public sealed record EvaluationListQuery(string? Page, string? PageSize, string? Sort, string? Class, string? Park, string? Industry,
    string? Population);

public sealed record EvaluationRunListItem(string Id, int Year, string MethodId, string MethodVersion, string FactorSet,
    DateTimeOffset CreatedAt, string CreatedBy, int Firms);

public sealed record MethodListItem(string Id, string Name, string Version, string Status, string Source, string[] Populations);
