using System.Net;
using EventFlowApp.Web.Tests.Browser;

namespace EventFlowApp.Web.Tests.Security;

/// <summary>
/// Over real TCP from 127.0.0.1 with no forwarding headers: being on the same machine grants nothing
/// (the Hangfire dashboard's own default would let local requests in).
/// </summary>
public sealed class LocalhostTests(KestrelHost host) : IClassFixture<KestrelHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_anonymous_request_from_localhost_is_sent_to_the_login_page()
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = host.Address,
            Timeout = TimeSpan.FromSeconds(30),
        };

        using var response = await client.GetAsync(new Uri(TestOnlyEndpoints.AdministratorOnly, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Ftest%2Fadmin-only", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task A_signed_in_administrator_gets_through_over_tcp()
    {
        using var client = await host.Factory.CreateSignedInClientAsync(TestUsers.Administrator, TestUsers.AdministratorPassword);

        Assert.Equal(host.Address, client.BaseAddress);
        Assert.Equal("admin-only page for ada", await client.GetStringAsync(new Uri(TestOnlyEndpoints.AdministratorOnly, UriKind.Relative), Ct));
    }
}
