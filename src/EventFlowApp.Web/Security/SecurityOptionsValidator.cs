using Microsoft.Extensions.Options;

namespace EventFlowApp.Web.Security;

/// <summary>
/// Refuses to start on a users list that would lock people out or let the wrong ones in: a missing name,
/// a duplicate name, a password where a hash belongs, an unknown role or none. Every problem is named
/// at once, by its configuration key, so one restart fixes them all.
/// </summary>
public sealed class SecurityOptionsValidator : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var problems = new List<string>();
        if (options.SessionMinutes < 1)
        {
            problems.Add("Security:SessionMinutes must be 1 or more.");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            var key = $"Security:Users:{i}";
            if (string.IsNullOrWhiteSpace(user.Name))
            {
                problems.Add($"{key}:Name is missing.");
            }
            else if (!seen.Add(user.Name))
            {
                // Names match without regard to case at sign-in, so two such names would be one account.
                problems.Add($"{key}:Name '{user.Name}' is configured twice (names are not case-sensitive).");
            }

            if (!PasswordHashing.LooksLikeHash(user.PasswordHash))
            {
                problems.Add($"{key}:PasswordHash is not a hash made by `hash-password` (never configure the password itself).");
            }

            if (user.Roles.Count == 0)
            {
                problems.Add($"{key}:Roles is empty; give it {string.Join(" or ", SecurityRoles.All)}.");
            }

            foreach (var role in user.Roles.Where(r => !SecurityRoles.All.Contains(r, StringComparer.Ordinal)))
            {
                problems.Add($"{key}:Roles has an unknown role '{role}'; the roles are {string.Join(", ", SecurityRoles.All)} (exact case).");
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
