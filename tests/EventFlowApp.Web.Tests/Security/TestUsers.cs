using EventFlowApp.Web.Security;

namespace EventFlowApp.Web.Tests.Security;

/// <summary>
/// The users every <see cref="WebHostFactory"/> knows, configured as an operator would (Security:Users:N),
/// with hashes made here by the same hasher as the app's hash-password command.
/// </summary>
public static class TestUsers
{
    public const string Administrator = "ada";
    public const string AdministratorPassword = "correct horse battery staple";
    public const string Auditor = "otto";
    public const string AuditorPassword = "Audit-only 2026!";

    // PBKDF2 is slow on purpose: hash once per test run, not once per host.
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Configured = new(() => new Dictionary<string, string>
    {
        ["Security:Users:0:Name"] = Administrator,
        ["Security:Users:0:PasswordHash"] = PasswordHashing.Hash(AdministratorPassword),
        ["Security:Users:0:Roles:0"] = SecurityRoles.Administrator,
        ["Security:Users:1:Name"] = Auditor,
        ["Security:Users:1:PasswordHash"] = PasswordHashing.Hash(AuditorPassword),
        ["Security:Users:1:Roles:0"] = SecurityRoles.Auditor,
    });

    /// <summary>Users 0 (administrator) and 1 (auditor); a test adds more from index 2.</summary>
    public static IReadOnlyDictionary<string, string> Settings => Configured.Value;
}
