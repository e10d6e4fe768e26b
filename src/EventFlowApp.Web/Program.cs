using EventFlowApp.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddEventFlowAppServices();

var app = builder.Build();
if (args.Contains("migrate"))
{
    // `dotnet run --project src/EventFlowApp.Web -- migrate`: apply the migrations and exit.
    await app.MigrateEventStoreAsync();
    return;
}

await app.MigrateEventStoreOnStartupAsync();
app.MapEventFlowAppEndpoints();
await app.RunAsync();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
