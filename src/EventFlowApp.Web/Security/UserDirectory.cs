using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace EventFlowApp.Web.Security;

/// <summary>
/// The configured users: checks a user name and password, and whether a signed-in user still stands as
/// configured. User names are matched without regard to case.
/// </summary>
public sealed class UserDirectory
{
    private const string StampClaim = "eventflowapp:stamp";

    // Checked against when the name is unknown, so that an unknown name costs as long as a wrong password
    // and the response time does not tell which names exist.
    private static readonly Lazy<string> UnknownUserHash = new(() => PasswordHashing.Hash(Guid.NewGuid().ToString("N")));

    private readonly Dictionary<string, ConfiguredUser> _users;

    public UserDirectory(IOptions<SecurityOptions> options)
    {
        _users = options.Value.Users.ToDictionary(u => u.Name, StringComparer.OrdinalIgnoreCase);
    }

    public int Count => _users.Count;

    /// <summary>A principal for the cookie when the password is right; null for a wrong password and an unknown name alike.</summary>
    public ClaimsPrincipal? CheckPassword(string userName, string password)
    {
        if (!_users.TryGetValue(userName, out var user))
        {
            PasswordHashing.Verify(UnknownUserHash.Value, password);
            return null;
        }

        return PasswordHashing.Verify(user.PasswordHash, password) ? PrincipalFor(user) : null;
    }

    public bool IsKnown(string userName) => _users.ContainsKey(userName);

    /// <summary>
    /// False once the user is removed, or their password or roles are changed, in configuration: a cookie
    /// issued before then no longer signs anyone in.
    /// </summary>
    public bool IsCurrent(ClaimsPrincipal principal) =>
        principal.Identity?.Name is { } name &&
        _users.TryGetValue(name, out var user) &&
        principal.FindFirstValue(StampClaim) == Stamp(user);

    private static ClaimsPrincipal PrincipalFor(ConfiguredUser user)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name), new(StampClaim, Stamp(user)) };
        claims.AddRange(user.Roles.Distinct(StringComparer.Ordinal).Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    // A digest of what the cookie grants: it changes with the password hash or the roles. The hash is
    // salted and stays on the server, so the stamp gives nothing away about the password.
    private static string Stamp(ConfiguredUser user)
    {
        var roles = string.Join(',', user.Roles.Order(StringComparer.Ordinal));
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{user.PasswordHash}\n{roles}"));
        return Convert.ToBase64String(digest, 0, 16);
    }
}
