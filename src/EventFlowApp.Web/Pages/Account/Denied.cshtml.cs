using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EventFlowApp.Web.Pages.Account;

/// <summary>Where the cookie handler sends a signed-in user who lacks the role: answered with 403, not 200.</summary>
[AllowAnonymous]
public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
