using System.Net;
using System.Net.Sockets;
using RaqqaLedger.Api.Hosting;

namespace RaqqaLedger.Api.Tests;

/// <summary>The container's health check, against the API on a real loopback port.</summary>
public sealed class HealthProbeTests
{
    [Fact]
    public async Task TheProbe_Passes_WhenTheApiAnswers_AndFails_WhenNothingListens()
    {
        var port = FreePort();
        await using var factory = new LedgerApiFactory(LedgerApiFactory.TempSqlite());
        factory.UseKestrel(port);
        factory.StartServer();

        Assert.Equal(0, await HealthProbe.RunAsync($"http://127.0.0.1:{port}/health"));
        Assert.Equal(1, await HealthProbe.RunAsync($"http://127.0.0.1:{FreePort()}/health"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
