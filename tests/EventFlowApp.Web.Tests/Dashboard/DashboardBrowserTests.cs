using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EventFlowApp.Kernel.Hangfire.Scheduling;
using EventFlowApp.Kernel.ReadModels;
using EventFlowApp.Web.Tests.Browser;
using EventFlowApp.Web.Tests.Processes;
using EventFlowApp.Web.Tests.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EventFlowApp.Web.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser: signing in to reach it, a rebuild's progress on its job page and
/// its Delete button cancelling the rebuild, the rebuild of every read model started from the recurring
/// jobs page, and an auditor's read-only view. Set EVENTFLOWAPP_SCREENSHOTS to a folder to keep a
/// screenshot of the job page (docs/images/dashboard-rebuild.png is made so).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardBrowserTests(BrowserFixture browser) : IAsyncLifetime
{
    private const int TestTimeout = 180_000;
    private const string Lines = "ledger_lines";

    // Batches of one make the rebuild last long enough to be watched and cancelled.
    private readonly WebHostFactory _factory = new(new Dictionary<string, string> { ["Processors:BatchSize"] = "1" });
    private Uri _address = null!;
    private HttpClient _api = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _address = _factory.StartOnLoopback();
        _api = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(30) };
        await LedgerSeed.PostAsync(_api, 1500, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        _api.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact(Timeout = TestTimeout)]
    public async Task An_anonymous_visitor_signs_in_and_lands_on_the_dashboard()
    {
        await using var context = await browser.NewContextAsync(_address);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/hangfire");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl=%2Fhangfire$"));
        await SignInAsync(page, TestUsers.Administrator, TestUsers.AdministratorPassword);

        await Expect(page).ToHaveURLAsync(new Uri(_address, "/hangfire").ToString());
        await Expect(page).ToHaveTitleAsync(new Regex("EventFlowApp jobs"));
    }

    [Fact(Timeout = TestTimeout)]
    public async Task A_plain_anonymous_request_from_127_0_0_1_is_not_let_in()
    {
        // Hangfire's own default would let a local request in; ours does not.
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var local = new HttpClient(handler) { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(30) };
        Assert.Equal("127.0.0.1", _address.Host);

        using var page = await local.GetAsync(new Uri("/hangfire", UriKind.Relative), Ct);
        using var stats = await local.PostAsync(new Uri("/hangfire/stats", UriKind.Relative), null, Ct);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/login", page.Headers.Location!.AbsolutePath);
        Assert.False(stats.IsSuccessStatusCode, $"/hangfire/stats answered {(int)stats.StatusCode}.");
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Deleting_a_running_rebuild_in_the_dashboard_cancels_it_and_leaves_the_live_generation()
    {
        await using var context = await browser.NewContextAsync(_address);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await SignInAsync(page, TestUsers.Administrator, TestUsers.AdministratorPassword);
        var (generation, jobId) = await StartRebuildAsync();

        await page.GotoAsync($"/hangfire/jobs/details/{HangfireId(jobId)}");

        // The job page does not refresh itself: reload, as an operator would, until the job has started.
        await Eventually.Async(
            async () =>
            {
                await page.ReloadAsync();
                return await page.Locator(".eventflowapp-progress").CountAsync();
            },
            count => count > 0,
            seconds: 30);
        await Expect(page.Locator(".eventflowapp-progress")).ToContainTextAsync(new Regex(@"Progress: [\d,]+ / [\d,]+ events"));
        await Expect(page.Locator("h1")).ToContainTextAsync("read-model-generation v1");
        await ScreenshotAsync(page, "dashboard-rebuild.png");

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete" }).ClickAsync();

        var ended = await Eventually.Async(() => GenerationAsync(generation), g => g?.State == GenerationState.Cancelled, seconds: 60);
        Assert.Contains("live generation was not touched", ended!.Error, StringComparison.Ordinal);
        Assert.Equal(GenerationState.Live, (await GenerationAsync(1))!.State);
    }

    [Fact(Timeout = TestTimeout)]
    public async Task Triggering_rebuild_all_on_the_recurring_jobs_page_rebuilds_every_read_model()
    {
        await using var context = await browser.NewContextAsync(_address);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await SignInAsync(page, TestUsers.Administrator, TestUsers.AdministratorPassword);

        await page.GotoAsync("/hangfire/recurring");
        await page.Locator("input.js-jobs-list-checkbox[value='read-models:rebuild-all']").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Trigger now" }).ClickAsync();

        var readModels = (await _api.GetFromJsonAsync<JsonElement>(new Uri("/api/read-models", UriKind.Relative), Ct)).EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()!).ToList();
        Assert.Contains(Lines, readModels);
        foreach (var name in readModels)
        {
            await Eventually.Async(() => GenerationAsync(2, name), g => g is not null, seconds: 60);
        }
    }

    [Fact(Timeout = TestTimeout)]
    public async Task An_auditor_sees_jobs_but_no_button_that_changes_them()
    {
        var (_, jobId) = await StartRebuildAsync();
        await using var context = await browser.NewContextAsync(_address);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await SignInAsync(page, TestUsers.Auditor, TestUsers.AuditorPassword);

        await page.GotoAsync($"/hangfire/jobs/details/{HangfireId(jobId)}");
        await Expect(page.Locator("h1")).ToContainTextAsync("read-model-generation v1");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete" })).ToHaveCountAsync(0);
        await page.GotoAsync("/hangfire/recurring");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "read-models:rebuild-all", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Trigger now" })).ToHaveCountAsync(0);
    }

    private async Task<(int Generation, string JobId)> StartRebuildAsync()
    {
        using var response = await _api.PostAsync(new Uri($"/api/read-models/{Lines}/rebuilds", UriKind.Relative), null, Ct);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (body.GetProperty("generation").GetInt32(), body.GetProperty("jobId").GetString()!);
    }

    private string HangfireId(string jobId) =>
        _factory.Services.GetRequiredService<HangfireJobScheduler>().FindHangfireId(jobId) ?? throw new InvalidOperationException($"No Hangfire job for {jobId}.");

    private async Task<ReadModelGeneration?> GenerationAsync(int generation, string readModel = Lines) =>
        await _factory.Services.GetRequiredService<IReadModelGenerationStore>().GetAsync(readModel, generation, Ct);

    private static async Task SignInAsync(IPage page, string user, string password)
    {
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.Locator("#sign-in").ClickAsync();
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("EVENTFLOWAPP_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true });
        }
    }
}
