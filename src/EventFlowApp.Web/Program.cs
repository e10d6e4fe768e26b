using EventFlowApp.Web.Hosting;
using EventFlowApp.Web.Security;

if (args.Contains(HashPasswordCommand.Argument))
{
    // `dotnet run --project src/EventFlowApp.Web -- hash-password`: print a hash for Security:Users and exit.
    // Before anything is built, so a users list that stops start-up can still be fixed with it.
    Environment.ExitCode = HashPasswordCommand.RunOnConsole();
    return;
}

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
