using System.Security.Claims;
using EventFlowApp.Web.Security;
using Microsoft.Extensions.Options;

namespace EventFlowApp.Web.Tests.Security;

/// <summary>A users list that would let the wrong people in, or lock the right ones out, stops start-up with a clear message.</summary>
public sealed class UserConfigurationTests
{
    private static readonly string Hash = PasswordHashing.Hash("sesame open");

    [Fact]
    public async Task The_host_does_not_start_with_an_unknown_role_and_names_the_key_and_the_roles()
    {
        await using var factory = new WebHostFactory(new Dictionary<string, string>
        {
            ["Security:Users:2:Name"] = "root",
            ["Security:Users:2:PasswordHash"] = Hash,
            ["Security:Users:2:Roles:0"] = "SuperUser",
        });

        var error = Record.Exception(() => factory.CreateClient());

        var options = FindOptionsError(error);
        Assert.Contains("Security:Users:2:Roles has an unknown role 'SuperUser'; the roles are Administrator, Auditor", options.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_host_does_not_start_with_a_user_name_twice_in_any_case()
    {
        await using var factory = new WebHostFactory(new Dictionary<string, string>
        {
            ["Security:Users:2:Name"] = TestUsers.Administrator.ToUpperInvariant(),
            ["Security:Users:2:PasswordHash"] = Hash,
            ["Security:Users:2:Roles:0"] = SecurityRoles.Auditor,
        });

        var error = Record.Exception(() => factory.CreateClient());

        Assert.Contains("Security:Users:2:Name 'ADA' is configured twice", FindOptionsError(error).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_by_its_key()
    {
        var options = new SecurityOptions { SessionMinutes = 0 };
        options.Users.Add(User("", Hash, SecurityRoles.Administrator));
        options.Users.Add(User("bob", "sesame open", SecurityRoles.Auditor));
        options.Users.Add(User("carol", Hash));
        options.Users.Add(User("dave", Hash, "administrator"));

        var result = new SecurityOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "Security:SessionMinutes must be 1 or more.",
                "Security:Users:0:Name is missing.",
                "Security:Users:1:PasswordHash is not a hash made by `hash-password` (never configure the password itself).",
                "Security:Users:2:Roles is empty; give it Administrator or Auditor.",
                "Security:Users:3:Roles has an unknown role 'administrator'; the roles are Administrator, Auditor (exact case).",
            ],
            result.Failures);
    }

    [Fact]
    public void No_users_is_valid_and_nobody_can_sign_in()
    {
        var options = new SecurityOptions();

        Assert.True(new SecurityOptionsValidator().Validate(null, options).Succeeded);
        Assert.Null(new UserDirectory(Options.Create(options)).CheckPassword("ada", "anything"));
    }

    [Fact]
    public void A_sign_in_no_longer_counts_once_the_users_password_or_roles_change_or_the_user_is_removed()
    {
        var before = Directory(User("ada", Hash, SecurityRoles.Auditor));
        var principal = before.CheckPassword("ADA", "sesame open");

        Assert.NotNull(principal);
        Assert.Equal("ada", principal.Identity?.Name);
        Assert.True(principal.IsInRole(SecurityRoles.Auditor));
        Assert.True(before.IsCurrent(principal));
        Assert.False(Directory(User("ada", Hash, SecurityRoles.Administrator)).IsCurrent(principal));
        Assert.False(Directory(User("ada", PasswordHashing.Hash("sesame open"), SecurityRoles.Auditor)).IsCurrent(principal));
        Assert.False(Directory(User("bob", Hash, SecurityRoles.Auditor)).IsCurrent(principal));
        Assert.False(before.IsCurrent(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "ada")], "forged"))));
    }

    private static UserDirectory Directory(params ConfiguredUser[] users)
    {
        var options = new SecurityOptions();
        foreach (var user in users)
        {
            options.Users.Add(user);
        }

        return new UserDirectory(Options.Create(options));
    }

    private static ConfiguredUser User(string name, string hash, params string[] roles)
    {
        var user = new ConfiguredUser { Name = name, PasswordHash = hash };
        foreach (var role in roles)
        {
            user.Roles.Add(role);
        }

        return user;
    }

    private static OptionsValidationException FindOptionsError(Exception? error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is OptionsValidationException options)
            {
                return options;
            }
        }

        throw new Xunit.Sdk.XunitException($"Expected the host to refuse to start on the users list, got: {error}");
    }
}
