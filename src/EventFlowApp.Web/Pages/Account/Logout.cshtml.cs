using EventFlowApp.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EventFlowApp.Web.Pages.Account;

/// <summary>
/// Signs out on POST only, with the antiforgery token Razor Pages checks on every POST: a link or an image
/// on another site cannot sign anyone out. GET only shows the button.
/// </summary>
[AllowAnonymous]
public sealed class LogoutModel(ILogger<LogoutModel> logger) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            logger.LogInformation("{User} signed out", User.Identity.Name);
        }

        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return LocalRedirect(SecurityExtensions.LoginPath);
    }
}
