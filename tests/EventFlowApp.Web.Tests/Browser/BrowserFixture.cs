using Microsoft.Playwright;

namespace EventFlowApp.Web.Tests.Browser;

/// <summary>
/// One headless Chromium for every test in the <see cref="BrowserCollection"/>, driven by Playwright's
/// driver from its NuGet package; the browser is Debian's chromium, so `playwright install` is never run.
/// Each test takes a fresh context (its own cookies) from <see cref="NewContextAsync"/>.
/// A missing browser fails the tests with how to install it, rather than skipping them.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>For one step (a click, a fill, an expectation); a navigation gets <see cref="NavigationTimeout"/>.</summary>
    public static readonly TimeSpan ActionTimeout = TimeSpan.FromSeconds(10);

    public static readonly TimeSpan NavigationTimeout = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(60);

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser fixture is not initialised.");

    public async ValueTask InitializeAsync()
    {
        var executable = ChromiumLocator.Find();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // Tests run as root in CI, where Chromium's sandbox refuses to start.
            Args = ["--no-sandbox"],
            Timeout = (float)LaunchTimeout.TotalMilliseconds,
        });
    }

    /// <summary>A context of its own (cookies, storage) whose relative URLs go to <paramref name="baseAddress"/>, with bounded waits.</summary>
    public async Task<IBrowserContext> NewContextAsync(Uri baseAddress)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString() });
        context.SetDefaultTimeout((float)ActionTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)NavigationTimeout.TotalMilliseconds);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}

/// <summary>Test classes marked <c>[Collection(BrowserCollection.Name)]</c> share one browser and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
