namespace EventFlowApp.Web.Security;

/// <summary>The roles a configured user may hold (<c>Security:Users:N:Roles</c>); any other name stops start-up.</summary>
public static class SecurityRoles
{
    /// <summary>Runs the system: may change jobs and, later, settings.</summary>
    public const string Administrator = "Administrator";

    /// <summary>Looks, never changes: read-only access to what administrators see.</summary>
    public const string Auditor = "Auditor";

    public static IReadOnlyList<string> All { get; } = [Administrator, Auditor];
}
