using System.Net;

namespace EventFlowApp.Web.Tests.Security;

/// <summary>Signing out takes a POST with the page's antiforgery token; nothing else ends a session.</summary>
public sealed class LogoutTests : IAsyncLifetime
{
    private readonly WebHostFactory _factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Uri Protected => new(TestOnlyEndpoints.AdministratorOnly, UriKind.Relative);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task A_get_only_shows_the_button_of_the_signed_in_user_and_signs_nobody_out()
    {
        using var client = await _factory.CreateSignedInClientAsync(TestUsers.Administrator, TestUsers.AdministratorPassword);

        var page = await client.GetStringAsync(new Uri(LoginForm.LogoutPath, UriKind.Relative), Ct);

        // The app's own pipeline knows who is signed in: the page names them.
        Assert.Contains("Signed in as ada", page, StringComparison.Ordinal);
        using var after = await client.GetAsync(Protected, Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused_and_signs_nobody_out()
    {
        using var client = await _factory.CreateSignedInClientAsync(TestUsers.Administrator, TestUsers.AdministratorPassword);

        using var form = new FormUrlEncodedContent([]);
        using var response = await client.PostAsync(new Uri(LoginForm.LogoutPath, UriKind.Relative), form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var after = await client.GetAsync(Protected, Ct);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_post_with_the_token_signs_out_and_the_old_cookie_is_cleared()
    {
        using var client = await _factory.CreateSignedInClientAsync(TestUsers.Administrator, TestUsers.AdministratorPassword);
        var token = await LoginForm.AntiforgeryTokenAsync(client, LoginForm.LogoutPath);

        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        using var response = await client.PostAsync(new Uri(LoginForm.LogoutPath, UriKind.Relative), form, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(LoginForm.Path, response.Headers.Location?.OriginalString);
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("EventFlowApp.Auth=;", StringComparison.Ordinal));
        using var after = await client.GetAsync(Protected, Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(LoginForm.Path, after.Headers.Location?.AbsolutePath);
    }
}
