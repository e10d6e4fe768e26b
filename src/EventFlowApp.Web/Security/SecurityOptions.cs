namespace EventFlowApp.Web.Security;

/// <summary>The <c>Security</c> configuration section.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary><c>Security:Users</c>: who may sign in. None configured means nobody can.</summary>
    public IList<ConfiguredUser> Users { get; } = [];

    /// <summary><c>Security:SessionMinutes</c>: a sign-in lasts this long after the last request (sliding).</summary>
    public int SessionMinutes { get; set; } = 60;
}

/// <summary>One user, as in <c>{ "Name": "...", "PasswordHash": "...", "Roles": ["Administrator"] }</c>.</summary>
public sealed class ConfiguredUser
{
    public string Name { get; set; } = "";

    /// <summary>Made by <c>dotnet run --project src/EventFlowApp.Web -- hash-password</c>; never the password itself.</summary>
    public string PasswordHash { get; set; } = "";

    public IList<string> Roles { get; } = [];
}
