using EventFlowApp.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace EventFlowApp.Web.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(UserDirectory users, ILogger<LoginModel> logger) : PageModel
{
    // One message for an unknown name and a wrong password, so the page does not tell which names exist.
    public const string FailedMessage = "The user name or password is not right.";

    [BindProperty]
    public string? UserName { get; set; }

    // Bound from the form, never written back into it.
    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Where to go once signed in: only a path on this site, anything else goes to the home page.</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var principal = string.IsNullOrEmpty(UserName) || string.IsNullOrEmpty(Password) ? null : users.CheckPassword(UserName, Password);
        if (principal is null)
        {
            // A name that is no user may be a password typed into the wrong box: it is not logged.
            var known = UserName is not null && users.IsKnown(UserName);
            logger.LogWarning("Sign-in failed for {User}", known ? UserName : "an unknown user name");
            Error = FailedMessage;
            Password = null;
            return Page();
        }

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        logger.LogInformation("{User} signed in", principal.Identity?.Name);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
