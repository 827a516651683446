using System.Security.Claims;
using Carbon.Domain.Registry;
using Carbon.Server.Accounts;
using Carbon.Server.Http;
using Carbon.Server.Ledger;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Carbon.Server.Features.Enterprises;

/// <summary>GET /api/enterprises query: filters (all optional), a page and a sort.</summary>
public sealed record EnterpriseListQuery(string? Park, string? Industry, string? Scale, string? Q, int? Page, int? PageSize, string? Sort);

/// <summary>One firm in a list: enough to find it and open it.</summary>
public sealed record EnterpriseListItem(Uscc Uscc, string Name, string Industry, string? IndustryCode, string? ParkCode, string Scale,
    decimal LandAreaMu, int Revision);

/// <summary>A page of firms: the total the filters match (within the caller's scope) and this page's items.</summary>
public sealed record EnterpriseListResponse(int Page, int PageSize, int Total, EnterpriseListItem[] Items);

public sealed class EnterpriseListQueryValidator : AbstractValidator<EnterpriseListQuery>
{
    public static readonly string[] Sorts = ["uscc", "name", "-land"];

    public EnterpriseListQueryValidator()
    {
        RuleFor(q => q.Page).PageNumber();
        RuleFor(q => q.PageSize).InclusiveBetween(1, 500).WithMessage("pageSize 为 1 至 500 (pageSize is 1..500)");
        RuleFor(q => q.Sort).Must(s => s is null || Sorts.Contains(s)).WithMessage($"sort 为 {string.Join(", ", Sorts)} 之一 (sort is one of these)");
        RuleFor(q => q.Scale).Must(s => s is null or "above" or "below").WithMessage("scale 为 above 或 below (scale is above or below)");
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Park).MaximumLength(32);
        RuleFor(q => q.Industry).MaximumLength(100);
    }
}

public static class EnterpriseList
{
    /// <summary>
    /// The firms the caller may see (a filer: its own; a park administrator: its parks'; the district: all), filtered by
    /// park, industry (name or GB/T 4754 code prefix), scale, and a fragment of the name or USCC.
    /// </summary>
    internal static async Task<Ok<EnterpriseListResponse>> ListAsync([AsParameters] EnterpriseListQuery query, RegistryReads registry,
        ClaimsPrincipal user)
    {
        var caller = user.RequiredCaller();
        IEnumerable<(EnterpriseRecord Identity, EnterpriseRevisionRecord Profile)> rows = await registry.LoadVisibleAsync(caller);
        if (query.Park is { } park) rows = rows.Where(r => r.Identity.ParkCode == park);
        if (query.Industry is { } industry)
        {
            rows = rows.Where(r => r.Profile.Industry == industry || (r.Profile.IndustryCode?.StartsWith(industry, StringComparison.Ordinal) ?? false));
        }
        if (query.Scale is { } scale) rows = rows.Where(r => r.Profile.Scale == scale);
        if (query.Q is { Length: > 0 } q)
        {
            rows = rows.Where(r => r.Profile.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || r.Identity.Uscc.Contains(q, StringComparison.OrdinalIgnoreCase));
        }
        rows = query.Sort switch
        {
            "name" => rows.OrderBy(r => r.Profile.Name, StringComparer.Ordinal).ThenBy(r => r.Identity.Uscc, StringComparer.Ordinal),
            "-land" => rows.OrderByDescending(r => r.Profile.LandAreaMu).ThenBy(r => r.Identity.Uscc, StringComparer.Ordinal),
            _ => rows.OrderBy(r => r.Identity.Uscc, StringComparer.Ordinal),
        };
        var list = rows.ToList();
        var (page, size) = (query.Page ?? 1, query.PageSize ?? 50);
        return TypedResults.Ok(new EnterpriseListResponse(page, size, list.Count, list.Skip((page - 1) * size).Take(size)
            .Select(r => new EnterpriseListItem(Uscc.Parse(r.Identity.Uscc), r.Profile.Name, r.Profile.Industry, r.Profile.IndustryCode,
                r.Identity.ParkCode, r.Profile.Scale, r.Profile.LandAreaMu, r.Profile.Revision))
            .ToArray()));
    }
}
