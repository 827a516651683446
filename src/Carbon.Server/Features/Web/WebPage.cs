using Carbon.Domain.Access;
using Carbon.Server.Accounts;
using Microsoft.AspNetCore.Components;

namespace Carbon.Server.Features.Web;

/// <summary>
/// A page that needs a signed-in caller: the access middleware let the request in (its row in the access matrix), so
/// <see cref="Caller"/> is there; data outside the caller's scope is shown as not found, exactly as the API answers.
/// </summary>
public abstract class WebPage : ComponentBase
{
    [CascadingParameter] public HttpContext Http { get; set; } = null!;

    [Inject] public IGrainFactory Grains { get; set; } = null!;

    [Inject] public NavigationManager Navigation { get; set; } = null!;

    protected Caller Caller => Http.User.RequiredCaller();

    /// <summary>
    /// Answers 404 with the page's own "not found" text. The status is set as the response starts: set during rendering,
    /// it would let the status-code pages write the API's problem body instead of the page.
    /// </summary>
    protected void NotFound() => Http.Response.OnStarting(() =>
    {
        Http.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    });
}
