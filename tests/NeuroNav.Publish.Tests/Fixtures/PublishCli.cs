using NeuroNav.Cli;
using Spectre.Console.Testing;

namespace NeuroNav.Publish.Tests.Fixtures;

/// <summary><c>neuronav publish</c> as a user runs it, against moto, with the output as printed.</summary>
internal static class PublishCli
{
    /// <summary>The command takes credentials from the standard variables; moto accepts any.</summary>
    public static void UseMotoCredentials()
    {
        if (Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID") is null)
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", MotoServer.AccessKey);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", MotoServer.SecretKey);
        }
    }

    /// <summary>Runs <c>publish --dir <paramref name="dir"/> --bucket <paramref name="bucket"/> --endpoint &lt;moto&gt;</c> and <paramref name="args"/>.</summary>
    public static async Task<(int Code, string Output)> RunAsync(MotoServer moto, string dir, string bucket, params string[] args)
    {
        var console = new TestConsole().Width(1000);
        string[] all = ["publish", "--dir", dir, "--bucket", bucket, "--endpoint", moto.Endpoint.ToString(), .. args];
        var code = await NeuroNavApp.RunAsync(all, console);
        return (code, console.Output);
    }
}
