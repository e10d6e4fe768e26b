using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace EventFlowApp.Web.Security;

/// <summary>
/// Sign-in for the configured users (<c>Security:Users</c>) with a cookie, and the policies in
/// <see cref="SecurityPolicies"/>. Endpoints stay anonymous unless they ask for a policy.
/// </summary>
public static class SecurityExtensions
{
    public const string CookieName = "EventFlowApp.Auth";
    public const string LoginPath = "/account/login";
    public const string LogoutPath = "/account/logout";
    public const string AccessDeniedPath = "/account/denied";

    public static WebApplicationBuilder AddEventFlowAppSecurity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SecurityOptions>, SecurityOptionsValidator>());
        services.TryAddSingleton<UserDirectory>();

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SecurityOptions>>((cookie, security) => ConfigureCookie(cookie, security.Value));

        services.AddAuthorizationBuilder()
            .AddPolicy(SecurityPolicies.Administrator, p => p.RequireAuthenticatedUser().RequireRole(SecurityRoles.Administrator))
            .AddPolicy(SecurityPolicies.Auditor, p => p.RequireAuthenticatedUser().RequireRole(SecurityRoles.Administrator, SecurityRoles.Auditor));
        return builder;
    }

    /// <summary>Authentication, then authorization: before any endpoint that asks for a policy.</summary>
    public static WebApplication UseEventFlowAppSecurity(this WebApplication app)
    {
        if (app.Services.GetRequiredService<UserDirectory>().Count == 0)
        {
            app.Logger.LogWarning("No users in Security:Users: nobody can sign in, so every page that needs a role is refused.");
        }

        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie, SecurityOptions security)
    {
        cookie.Cookie.Name = CookieName;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        // Secure whenever the request came over HTTPS; the host also serves plain HTTP on localhost, where
        // an always-secure cookie would never come back and nobody could sign in.
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.SlidingExpiration = true;
        cookie.ExpireTimeSpan = TimeSpan.FromMinutes(security.SessionMinutes);
        cookie.LoginPath = LoginPath;
        cookie.LogoutPath = LogoutPath;
        cookie.AccessDeniedPath = AccessDeniedPath;
        cookie.Events.OnValidatePrincipal = RejectOutdatedAsync;
    }

    // Users live in configuration: removing one, or changing their password or roles, and restarting
    // must end the sessions they already have rather than wait for the cookie to expire.
    private static async Task RejectOutdatedAsync(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserDirectory>();
        if (context.Principal is null || !users.IsCurrent(context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
