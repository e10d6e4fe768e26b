using System.Net;
using EventFlowApp.Web.Security;
using EventFlowApp.Web.Tests.Security;

namespace EventFlowApp.Web.Tests.Dashboard;

/// <summary>Who may open /hangfire, over HTTP through the real host (its authorization, not a stand-in).</summary>
public sealed class DashboardAccessTests : IAsyncDisposable
{
    private readonly WebHostFactory _factory = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/hangfire")]
    [InlineData("/hangfire/jobs/failed")]
    [InlineData("/hangfire/recurring")]
    [InlineData("/hangfire/stats")]
    public async Task An_anonymous_request_is_sent_to_sign_in(string path)
    {
        using var client = _factory.CreateNonRedirectingClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(SecurityExtensions.LoginPath, response.Headers.Location!.AbsolutePath);
        Assert.Equal("?ReturnUrl=" + Uri.EscapeDataString(path), response.Headers.Location.Query);
    }

    [Fact]
    public async Task An_anonymous_action_is_refused_and_does_nothing()
    {
        using var client = _factory.CreateNonRedirectingClient();
        using var form = new FormUrlEncodedContent([new("jobs[]", "read-models:rebuild-all")]);

        using var response = await client.PostAsync(new Uri("/hangfire/recurring/trigger", UriKind.Relative), form, Ct);

        Assert.False(response.IsSuccessStatusCode, $"Answered {(int)response.StatusCode}.");
        using var admin = await _factory.CreateSignedInClientAsync(TestUsers.Administrator, TestUsers.AdministratorPassword);
        var readModels = await admin.GetStringAsync(new Uri("/api/read-models", UriKind.Relative), Ct);
        Assert.DoesNotContain("\"generation\":2", readModels, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_is_served_the_dashboard()
    {
        using var client = await _factory.CreateSignedInClientAsync(TestUsers.Administrator, TestUsers.AdministratorPassword);

        using var response = await client.GetAsync(new Uri("/hangfire/recurring", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("EventFlowApp jobs", page, StringComparison.Ordinal);
        foreach (var job in new[] { "processor-health", "read-models:resume-rebuilds", "read-models:cleanup", "read-models:rebuild-all" })
        {
            Assert.Contains(job, page, StringComparison.Ordinal);
        }

        Assert.Contains("Trigger now", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auditor_is_served_the_dashboard_read_only()
    {
        using var client = await _factory.CreateSignedInClientAsync(TestUsers.Auditor, TestUsers.AuditorPassword);

        using var response = await client.GetAsync(new Uri("/hangfire/recurring", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("read-models:rebuild-all", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Trigger now", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_cookie_is_refused()
    {
        using var client = _factory.CreateNonRedirectingClient();
        client.DefaultRequestHeaders.Add("Cookie", SecurityExtensions.CookieName + "=forged");

        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
