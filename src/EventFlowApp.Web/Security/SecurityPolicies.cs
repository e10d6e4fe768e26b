using System.Security.Claims;

namespace EventFlowApp.Web.Security;

/// <summary>
/// Authorization policy names for endpoints, e.g. <c>.RequireAuthorization(SecurityPolicies.Administrator)</c>.
/// Both need a signed-in user: an anonymous request is sent to the login page, a signed-in one without the
/// role to the access-denied page (403).
/// </summary>
public static class SecurityPolicies
{
    /// <summary>Administrators only.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Administrators and auditors: what may be looked at, read-only for an auditor (see <see cref="IsReadOnly"/>).</summary>
    public const string Auditor = "Auditor";

    /// <summary>
    /// True unless the user is an administrator: for pages behind <see cref="Auditor"/> that offer changes,
    /// such as the Hangfire dashboard's <c>IsReadOnlyFunc</c>.
    /// </summary>
    public static bool IsReadOnly(ClaimsPrincipal user) => !user.IsInRole(SecurityRoles.Administrator);
}
