using System.Net;

namespace EventFlowApp.Web.Tests.Browser;

/// <summary>
/// The real host (a <see cref="WebHostFactory"/>, with its test users and routes) on Kestrel at a free
/// loopback port, for a browser or any plain TCP client. Use it as a class fixture
/// (<c>IClassFixture&lt;KestrelHost&gt;</c>) or create and dispose one in a test.
/// </summary>
public sealed class KestrelHost : IAsyncLifetime
{
    public WebHostFactory Factory { get; } = new();

    /// <summary>http://127.0.0.1:{port}/</summary>
    public Uri Address { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        // Port 0: Kestrel picks a free port, so hosts started in parallel never clash.
        Address = Factory.StartOnLoopback();
        if (!IPAddress.TryParse(Address.Host, out var ip) || !IPAddress.IsLoopback(ip) || Address.Port == 0)
        {
            throw new InvalidOperationException($"The test host must listen on a loopback port, not {Address}.");
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
