using EventFlowApp.Kernel.EntityFramework.Configuration;

namespace EventFlowApp.Web.Hosting;

public static class HostingExtensions
{
    /// <summary>
    /// The kernel on the configured database: <c>Database:Provider</c> (Sqlite by default, PostgreSql,
    /// SqlServer) and <c>ConnectionStrings:EventFlowApp</c>.
    /// </summary>
    public static WebApplicationBuilder AddEventFlowAppServices(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var database = DatabaseOptions.From(
            configuration["Database:Provider"],
            configuration.GetConnectionString("EventFlowApp"),
            configuration.GetValue("Database:MigrateOnStartup", true));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddEventFlowApp(o => o.UseEntityFramework(database));
        return builder;
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
}
