using System.Security.Claims;
using EventFlowApp.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace EventFlowApp.Web.Tests.Security;

/// <summary>
/// Routes behind the app's policies that exist only in the test host, so production has no fake routes.
/// They run in a branch of their own under /test, with the app's own authentication scheme and policies
/// (the login redirect, the 403 and the cookie are the app's); the app's pipeline is shown to
/// authenticate by the pages that say who is signed in.
/// </summary>
public sealed class TestOnlyEndpoints : IStartupFilter
{
    public const string AdministratorOnly = "/test/admin-only";
    public const string AuditorOrAdministrator = "/test/auditor";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // MapWhen, not Map: Map would move "/test" into PathBase, and the cookie handler would then
        // send the browser to /test/account/login.
        app.MapWhen(context => context.Request.Path.StartsWithSegments("/test", StringComparison.OrdinalIgnoreCase), test =>
        {
            test.UseRouting();
            test.UseAuthentication();
            test.UseAuthorization();
            test.UseEndpoints(endpoints =>
            {
                endpoints.MapGet(AdministratorOnly, (ClaimsPrincipal user) => $"admin-only page for {user.Identity?.Name}")
                    .RequireAuthorization(SecurityPolicies.Administrator);
                endpoints.MapGet(AuditorOrAdministrator, (ClaimsPrincipal user) => $"auditor page for {user.Identity?.Name}, read-only: {SecurityPolicies.IsReadOnly(user)}")
                    .RequireAuthorization(SecurityPolicies.Auditor);
            });
        });
        next(app);
    };
}
