using System.Text.RegularExpressions;

namespace EventFlowApp.Web.Tests.Security;

/// <summary>The login and logout forms posted as a browser posts them: with the antiforgery token of the page.</summary>
public static partial class LoginForm
{
    public const string Path = "/account/login";
    public const string LogoutPath = "/account/logout";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string user, string password, string? returnUrl = null)
    {
        var token = await AntiforgeryTokenAsync(client, Path);
        var fields = new Dictionary<string, string> { ["UserName"] = user, ["Password"] = password, ["__RequestVerificationToken"] = token };
        if (returnUrl is not null)
        {
            fields["ReturnUrl"] = returnUrl;
        }

        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(Path, UriKind.Relative), form, Ct);
    }

    /// <summary>The hidden token in the form that the page at <paramref name="path"/> renders for this client.</summary>
    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative), Ct);
        var match = TokenField().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No antiforgery token in the form at {path}:\n{html}");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
