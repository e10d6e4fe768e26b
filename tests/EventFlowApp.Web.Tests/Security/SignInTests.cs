using System.Net;
using EventFlowApp.Web.Pages.Account;

namespace EventFlowApp.Web.Tests.Security;

/// <summary>The login form and the policies over HTTP, through the real host.</summary>
public sealed class SignInTests : IAsyncLifetime
{
    private readonly WebHostFactory _factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task The_right_password_signs_in_with_an_http_only_lax_cookie_and_goes_to_the_local_return_url()
    {
        using var client = _factory.CreateNonRedirectingClient();

        using var response = await LoginForm.PostAsync(client, TestUsers.Administrator, TestUsers.AdministratorPassword, TestOnlyEndpoints.AdministratorOnly);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TestOnlyEndpoints.AdministratorOnly, response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("EventFlowApp.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("admin-only page for ada", await client.GetStringAsync(new Uri(TestOnlyEndpoints.AdministratorOnly, UriKind.Relative), Ct));
    }

    [Theory]
    [InlineData(TestUsers.Administrator, "wrong password")]
    [InlineData(TestUsers.Administrator, "")]
    [InlineData("nobody", TestUsers.AdministratorPassword)]
    public async Task A_wrong_password_and_an_unknown_name_get_the_same_message_and_no_cookie(string user, string password)
    {
        using var client = _factory.CreateNonRedirectingClient();

        using var response = await LoginForm.PostAsync(client, user, password, TestOnlyEndpoints.AdministratorOnly);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(LoginModel.FailedMessage, html, StringComparison.Ordinal);
        Assert.Contains("name=\"UserName\"", html, StringComparison.Ordinal);
        if (password.Length > 0)
        {
            Assert.DoesNotContain(password, html, StringComparison.Ordinal);
        }

        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("EventFlowApp.Auth=", StringComparison.Ordinal)));
        using var after = await client.GetAsync(new Uri(TestOnlyEndpoints.AdministratorOnly, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("http:evil.example")]
    public async Task A_return_url_to_another_site_is_refused_and_the_user_goes_home(string returnUrl)
    {
        using var client = _factory.CreateNonRedirectingClient();

        using var response = await LoginForm.PostAsync(client, TestUsers.Administrator, TestUsers.AdministratorPassword, returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task An_anonymous_request_for_a_protected_route_is_sent_to_the_login_page_with_its_return_url()
    {
        using var client = _factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync(new Uri(TestOnlyEndpoints.AuditorOrAdministrator, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Ftest%2Fauditor", response.Headers.Location?.PathAndQuery);
        var login = await client.GetStringAsync(response.Headers.Location, Ct);
        Assert.Contains("value=\"/test/auditor\"", login, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auditor_is_refused_an_administrator_route_with_the_403_denied_page()
    {
        using var client = await _factory.CreateSignedInClientAsync(TestUsers.Auditor, TestUsers.AuditorPassword);

        using var response = await client.GetAsync(new Uri(TestOnlyEndpoints.AdministratorOnly, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", response.Headers.Location?.AbsolutePath);
        using var denied = await client.GetAsync(response.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("signed in as otto, without the role", await denied.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auditor_may_look_read_only_and_an_administrator_may_change()
    {
        using var auditor = await _factory.CreateSignedInClientAsync(TestUsers.Auditor, TestUsers.AuditorPassword);
        using var administrator = await _factory.CreateSignedInClientAsync(TestUsers.Administrator, TestUsers.AdministratorPassword);
        var path = new Uri(TestOnlyEndpoints.AuditorOrAdministrator, UriKind.Relative);

        Assert.Equal("auditor page for otto, read-only: True", await auditor.GetStringAsync(path, Ct));
        Assert.Equal("auditor page for ada, read-only: False", await administrator.GetStringAsync(path, Ct));
    }

    [Fact]
    public async Task The_api_stays_anonymous()
    {
        using var client = _factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync(new Uri("/api/status", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
