using System.ComponentModel;
using NeuroNav.Core;
using NeuroNav.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

public sealed class ServeSettings : CommandSettings
{
    [CommandOption("-d|--dir <DIR>")]
    [Description("Folder to serve.")]
    [DefaultValue("output")]
    public string Directory { get; init; } = "output";

    [CommandOption("-p|--port <PORT>")]
    [Description("Port on 127.0.0.1 (0 picks a free one).")]
    [DefaultValue(8080)]
    public int Port { get; init; } = 8080;

    public override ValidationResult Validate() =>
        Port is < 0 or > 65535 ? ValidationResult.Error("--port must be 0-65535") : ValidationResult.Success();
}

[Description("Serve a built site on 127.0.0.1 with correct content types, until Ctrl+C.")]
public sealed class ServeCommand(IAnsiConsole console) : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        if (!System.IO.Directory.Exists(settings.Directory))
        {
            console.MarkupLineInterpolated($"[red]No folder {Path.GetFullPath(settings.Directory)}[/]: run 'neuronav build' (or 'neuronav demo') first.");
            return (int)ExitCode.BadArguments;
        }

        await using var server = await StartAsync(settings, cancellationToken);
        console.MarkupLineInterpolated($"Serving {Path.GetFullPath(settings.Directory)} at [link]{server.BaseAddress}[/] (Ctrl+C to stop)");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        return (int)ExitCode.Success;
    }

    private static async Task<StaticSiteServer> StartAsync(ServeSettings settings, CancellationToken ct)
    {
        try
        {
            return await StaticSiteServer.StartAsync(settings.Directory, settings.Port, ct);
        }
        catch (IOException e) when (e.InnerException?.GetType().Name == "AddressInUseException" || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"--port: 127.0.0.1:{settings.Port} is in use by another program; pick another with --port (0 picks a free one)", e);
        }
        catch (IOException e)
        {
            throw new ArgumentException($"--port: cannot listen on 127.0.0.1:{settings.Port} ({NeuroNav.Cli.Errors.UserError.OneLine(e.Message)}); pick another with --port (0 picks a free one)", e);
        }
    }
}
