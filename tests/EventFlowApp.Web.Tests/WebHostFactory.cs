using System.Net;
using EventFlowApp.Web.Tests.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace EventFlowApp.Web.Tests;

/// <summary>
/// The real host on its own SQLite file, migrated at start-up exactly as in production. It knows the users
/// in <see cref="TestUsers"/> and serves the routes in <see cref="TestOnlyEndpoints"/>; <paramref name="settings"/>
/// add or override configuration keys such as "Security:Users:2:Name".
/// </summary>
public sealed class WebHostFactory(IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Program>
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), "eventflowapp-web-tests", $"{Guid.NewGuid():N}.db");

    public WebHostFactory()
        : this(null)
    {
    }

    /// <summary>Hangfire's own SQLite file, beside the application's (see JobsConfiguration).</summary>
    public string HangfireFile => Path.ChangeExtension(_file, ".hangfire.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:EventFlowApp", $"Data Source={_file}");
        // Hangfire polls fast here, so jobs start and scheduled jobs come due within a fraction of a second.
        builder.UseSetting("Jobs:SchedulePollingSeconds", "0.2");
        builder.UseSetting("Jobs:QueuePollSeconds", "0.2");
        builder.UseSetting("Jobs:CancellationCheckSeconds", "0.3");
        builder.UseSetting("Jobs:RetryAttempts", "1");
        builder.UseSetting("Jobs:RetryDelaysInSeconds:0", "1");

        // A test's own settings win (another database provider, a smaller batch, more users).
        foreach (var (key, value) in TestUsers.Settings.Concat(settings ?? new Dictionary<string, string>()))
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestOnlyEndpoints>());
    }

    /// <summary>
    /// A client signed in through the login form, as a browser would be: it fetches the form for its
    /// antiforgery token, posts it and keeps the cookies. It does not follow redirects, so a test sees each
    /// 302. Throws when the sign-in is refused.
    /// </summary>
    public async Task<HttpClient> CreateSignedInClientAsync(string user, string password)
    {
        var client = CreateNonRedirectingClient();
        using var response = await LoginForm.PostAsync(client, user, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await response.Content.ReadAsStringAsync();
            client.Dispose();
            throw new InvalidOperationException($"Signing in as '{user}' answered {(int)response.StatusCode}, not a redirect:\n{page}");
        }

        return client;
    }

    /// <summary>Whether <see cref="StartOnLoopback"/> put the host on a real TCP port.</summary>
    public bool OnKestrel { get; private set; }

    /// <summary>
    /// Starts the host on Kestrel at a free port of 127.0.0.1 (the factory binds only that address), for a
    /// browser or any TCP client; <see cref="WebApplicationFactory{TEntryPoint}.ClientOptions"/> then holds the address.
    /// </summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(0);
        StartServer();
        OnKestrel = true;
        return ClientOptions.BaseAddress;
    }

    /// <summary>Anonymous, with cookies, not following redirects; on the real port when the host runs on Kestrel.</summary>
    public HttpClient CreateNonRedirectingClient()
    {
        StartServer();
        if (OnKestrel)
        {
            // The factory's own clients for Kestrel end in an HttpClientHandler that follows redirects
            // whatever AllowAutoRedirect says, so build one that does not.
            var handler = new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
            return new HttpClient(handler) { BaseAddress = ClientOptions.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        }

        return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, HangfireFile })
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(file + suffix);
            }
        }
    }
}
