using EventFlowApp.Kernel.EntityFramework.Configuration;
using EventFlowApp.Kernel.Hangfire;
using EventFlowApp.Kernel.Processors;
using EventFlowApp.Ledger;
using EventFlowApp.Ledger.ExchangeRates;
using EventFlowApp.Web.Api;
using EventFlowApp.Web.Security;

namespace EventFlowApp.Web.Hosting;

public static class HostingExtensions
{
    /// <summary>
    /// The ledger on the kernel, on the configured database: <c>Database:Provider</c> (Sqlite by default,
    /// PostgreSql, SqlServer) and <c>ConnectionStrings:EventFlowApp</c>. Exchange rates come from the CSV
    /// file named by <c>ExchangeRates:File</c>, if any.
    /// </summary>
    public static WebApplicationBuilder AddEventFlowAppServices(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var database = DatabaseOptions.From(
            configuration["Database:Provider"],
            configuration.GetConnectionString("EventFlowApp"),
            configuration.GetValue("Database:MigrateOnStartup", true));
        builder.Services.AddSingleton(TimeProvider.System);
        if (configuration["ExchangeRates:File"] is { Length: > 0 } ratesFile)
        {
            builder.Services.AddSingleton<IExchangeRateProvider>(new FileExchangeRateProvider(ratesFile));
        }

        builder.Services.AddSingleton(ProcessorOptions(configuration));

        // Processors:RunInBackground=false leaves the read models to another node (or to a test that drives them).
        var runProcessors = configuration.GetValue("Processors:RunInBackground", true);
        builder.Services.AddEventFlowApp(o =>
        {
            o.AddLedger().UseEntityFramework(database).UseHangfire(JobsConfiguration.From(configuration, database));
            if (runProcessors)
            {
                var refresh = configuration.GetValue("Processors:RefreshMilliseconds", 2000);
                o.RunProcessors(h => h.RefreshInterval = TimeSpan.FromMilliseconds(refresh));
            }
        });
        builder.Services.AddExceptionHandler<ApiErrors>();
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        builder.Services.AddRazorPages();
        builder.AddEventFlowAppSecurity();
        return builder;
    }

    /// <summary>Processors:BatchSize, LeaseSeconds, PollMilliseconds and NodeId, each optional (RefreshMilliseconds is the host's).</summary>
    private static TrackedProcessorOptions ProcessorOptions(ConfigurationManager configuration)
    {
        var options = new TrackedProcessorOptions();
        var section = configuration.GetSection("Processors");
        options.BatchSize = section.GetValue("BatchSize", options.BatchSize);
        options.LeaseDuration = TimeSpan.FromSeconds(section.GetValue("LeaseSeconds", options.LeaseDuration.TotalSeconds));
        options.PollInterval = TimeSpan.FromMilliseconds(section.GetValue("PollMilliseconds", options.PollInterval.TotalMilliseconds));
        options.NodeId = section["NodeId"] is { Length: > 0 } node ? node : options.NodeId;
        if (options.BatchSize < 1 || options.LeaseDuration <= TimeSpan.Zero || options.PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("Processors:BatchSize, LeaseSeconds and PollMilliseconds must be positive.");
        }

        return options;
    }

    public static Task MigrateEventStoreAsync(this WebApplication app) =>
        app.Services.GetRequiredService<EventStoreMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);

    public static async Task MigrateEventStoreOnStartupAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<DatabaseOptions>().MigrateOnStartup)
        {
            await app.MigrateEventStoreAsync();
        }
    }

    public static void MapEventFlowAppEndpoints(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseEventFlowAppSecurity();
        app.MapRazorPages();
        app.MapEventStoreApi();
        app.MapLedgerApi();
        app.MapImportApi();
        app.MapReadModelApi();
        app.MapJobApi();
        app.MapJobDashboard();
        app.MapReportApi();
    }
}
