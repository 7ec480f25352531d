using System.Net;
using System.Net.Sockets;
using NeuroNav.Cli;
using Spectre.Console.Testing;

namespace NeuroNav.EndToEnd.Tests.Cli;

/// <summary>Runs <c>neuronav</c> in process on a wide test console; and a loopback port that refuses connections.</summary>
internal static class CliRun
{
    public static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(2000);
        var code = await NeuroNavApp.RunAsync(args, console);
        return (code, console.Output);
    }

    /// <summary>A loopback URL nothing listens on: the port was free a moment ago and is closed again.</summary>
    public static Uri RefusingHost()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}
