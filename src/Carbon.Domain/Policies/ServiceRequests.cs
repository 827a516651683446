namespace Carbon.Domain.Policies;

/// <summary>What a firm asks about (诉求类别).</summary>
public enum RequestCategory
{
    /// <summary>政策兑现.</summary>
    Policy,
    /// <summary>用地.</summary>
    Land,
    /// <summary>用能、用电、用水.</summary>
    Utilities,
    /// <summary>融资.</summary>
    Finance,
    /// <summary>用工、人才.</summary>
    Talent,
    /// <summary>审批.</summary>
    Approval,
    /// <summary>基础设施、配套.</summary>
    Infrastructure,
    Other,
}

/// <summary>Where a request stands (诉求直办): filed, routed to a responsible unit, replied, closed.</summary>
public enum RequestState
{
    Filed,
    Routed,
    Replied,
    Closed,
}

/// <summary>A step of a request.</summary>
public enum RequestStep
{
    /// <summary>受理: the firm files it.</summary>
    Filed,
    /// <summary>交办: routed (or re-routed) to a responsible unit.</summary>
    Routed,
    /// <summary>答复: the unit's reply.</summary>
    Replied,
    /// <summary>办结: closed, by the firm (satisfied or not) or by an official.</summary>
    Closed,
}

/// <summary>
/// A request's times as the figures need them: filed, answered (null while unanswered), its unit and category, and whether
/// it was closed (a request closed unanswered — withdrawn, a duplicate — is neither open nor late).
/// </summary>
public sealed record RequestTimes(DateTimeOffset FiledAt, DateTimeOffset? RepliedAt, string? Unit, RequestCategory Category, bool Closed = false);

/// <summary>
/// Response-time figures of a set of requests: how many, answered, open, open past the limit, the mean and median hours
/// from filing to reply, and the share of replies within the limit.
/// </summary>
public sealed record ResponseFigures(int Requests, int Replied, int Open, int OverdueOpen, decimal? MeanHours, decimal? MedianHours,
    decimal? WithinLimit);

public static class ServiceRequests
{
    /// <summary>
    /// Whether a step may follow the state: a filed or routed request is routed (again); a routed one is replied; a
    /// replied one is routed again (the firm or an official sends it back) or closed; an open one may be closed by an
    /// official (withdrawn, duplicated); a closed one takes nothing.
    /// </summary>
    public static RequestState? After(RequestState state, RequestStep step) => (state, step) switch
    {
        (RequestState.Filed or RequestState.Routed or RequestState.Replied, RequestStep.Routed) => RequestState.Routed,
        (RequestState.Routed, RequestStep.Replied) => RequestState.Replied,
        (not RequestState.Closed, RequestStep.Closed) => RequestState.Closed,
        _ => null,
    };

    /// <summary>
    /// 响应时效: hours from filing to the first reply; a reply within <paramref name="limitDays"/> × 24 hours is on time;
    /// an unanswered request older than that on <paramref name="now"/> is overdue. Median of an even count: the mean of the middle two.
    /// </summary>
    public static ResponseFigures Figures(IReadOnlyList<RequestTimes> requests, DateTimeOffset now, int limitDays)
    {
        var limit = TimeSpan.FromDays(limitDays);
        var hours = requests.Where(r => r.RepliedAt is not null)
            .Select(r => (decimal)(r.RepliedAt!.Value - r.FiledAt).TotalMinutes / 60m).Order().ToList();
        var open = requests.Where(r => r.RepliedAt is null && !r.Closed).ToList();
        decimal? median = hours.Count == 0 ? null
            : hours.Count % 2 == 1 ? hours[hours.Count / 2]
            : (hours[hours.Count / 2 - 1] + hours[hours.Count / 2]) / 2m;
        return new ResponseFigures(requests.Count, hours.Count, open.Count, open.Count(r => now - r.FiledAt > limit),
            hours.Count == 0 ? null : hours.Average(), median,
            hours.Count == 0 ? null : (decimal)hours.Count(h => h <= (decimal)limit.TotalHours) / hours.Count);
    }
}
