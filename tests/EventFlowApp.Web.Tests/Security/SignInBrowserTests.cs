using System.Text.RegularExpressions;
using EventFlowApp.Web.Pages.Account;
using EventFlowApp.Web.Security;
using EventFlowApp.Web.Tests.Browser;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EventFlowApp.Web.Tests.Security;

/// <summary>The sign-in pages in a real browser against the host on a loopback port. Every wait is bounded.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInBrowserTests(BrowserFixture browser, KestrelHost host) : IClassFixture<KestrelHost>
{
    private const int TestTimeout = 90_000;

    [Fact(Timeout = TestTimeout)]
    public async Task The_login_page_renders_its_form()
    {
        await using var context = await browser.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(SecurityExtensions.LoginPath);

        Assert.Equal(200, response?.Status);
        await Expect(page).ToHaveTitleAsync("Sign in - EventFlowApp");
        await Expect(page.GetByLabel("User name")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Password")).ToHaveAttributeAsync("type", "password");
        await Expect(page.Locator("input[name=__RequestVerificationToken]")).ToHaveCountAsync(1);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_wrong_password_shows_the_error_and_signs_nobody_in()
    {
        await using var context = await browser.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();
        await page.GotoAsync(SecurityExtensions.LoginPath);

        await SubmitAsync(page, TestUsers.Administrator, "not the password");

        await Expect(page.Locator("#login-error")).ToHaveTextAsync(LoginModel.FailedMessage);
        await Expect(page.GetByLabel("User name")).ToHaveValueAsync(TestUsers.Administrator);
        await Expect(page.GetByLabel("Password")).ToHaveValueAsync("");
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == SecurityExtensions.CookieName);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task The_right_password_signs_in_and_lands_on_the_page_first_asked_for()
    {
        await using var context = await browser.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();

        await page.GotoAsync(TestOnlyEndpoints.AdministratorOnly);
        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2Ftest%2Fadmin-only$"));
        await SubmitAsync(page, TestUsers.Administrator, TestUsers.AdministratorPassword);

        await Expect(page).ToHaveURLAsync(new Uri(host.Address, TestOnlyEndpoints.AdministratorOnly).ToString());
        await Expect(page.Locator("body")).ToHaveTextAsync("admin-only page for ada");
        var cookie = Assert.Single(await context.CookiesAsync(), c => c.Name == SecurityExtensions.CookieName);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task An_auditor_sent_to_an_administrator_page_sees_the_denied_page()
    {
        await using var context = await browser.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();
        await page.GotoAsync(TestOnlyEndpoints.AdministratorOnly);

        var denied = page.WaitForResponseAsync(r => r.Url.Contains(SecurityExtensions.AccessDeniedPath, StringComparison.Ordinal));
        await SubmitAsync(page, TestUsers.Auditor, TestUsers.AuditorPassword);

        Assert.Equal(403, (await denied).Status);
        await Expect(page.Locator("#denied")).ToContainTextAsync("signed in as otto, without the role");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Signing_out_from_the_header_ends_the_session()
    {
        await using var context = await browser.NewContextAsync(host.Address);
        var page = await context.NewPageAsync();
        await page.GotoAsync(SecurityExtensions.LoginPath);
        await SubmitAsync(page, TestUsers.Administrator, TestUsers.AdministratorPassword);
        await page.GotoAsync(SecurityExtensions.LogoutPath);
        await Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("Signed in as ada");

        await page.Locator("#sign-out").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(host.Address, SecurityExtensions.LoginPath).ToString());
        await Expect(page.Locator("#signed-in-as")).ToHaveCountAsync(0);
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name == SecurityExtensions.CookieName);
        await page.GotoAsync(TestOnlyEndpoints.AdministratorOnly);
        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl="));
    }

    private static async Task SubmitAsync(IPage page, string user, string password)
    {
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
    }
}
