using EventFlowApp.Web.Security;
using Hangfire;
using Hangfire.Dashboard;

namespace EventFlowApp.Web.Hosting;

/// <summary>
/// The Hangfire dashboard at <c>/hangfire</c>: administrators see and act (cancel, retry, trigger a
/// recurring job such as the rebuild of every read model), auditors only look. Hangfire's own default
/// lets any local request in; it is replaced, so an anonymous request is sent to sign in wherever it
/// comes from, and the role is checked again inside the dashboard.
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/hangfire";

    public static void MapJobDashboard(this WebApplication app)
    {
        var options = new DashboardOptions
        {
            Authorization = [new SignedInRoleFilter()],
            IsReadOnlyFunc = context => SecurityPolicies.IsReadOnly(context.GetHttpContext().User),
            DashboardTitle = "EventFlowApp jobs",
            AppPath = "/",
            DisplayStorageConnectionString = false,
        };
        app.MapHangfireDashboard(Path, options, app.Services.GetRequiredService<JobStorage>())
            .RequireAuthorization(SecurityPolicies.Auditor);
    }

    /// <summary>Inside the dashboard: an administrator or auditor, whatever the endpoint's policy says.</summary>
    private sealed class SignedInRoleFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return user.Identity?.IsAuthenticated == true && SecurityRoles.All.Any(user.IsInRole);
        }
    }
}
