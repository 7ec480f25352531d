using System.ComponentModel;
using NeuroNav.Core;
using NeuroNav.Sample;
using Spectre.Console;
using Spectre.Console.Cli;

namespace NeuroNav.Cli.Commands;

public sealed class SampleSettings : CommandSettings
{
    [CommandOption("-o|--out <DIR>")]
    [Description("Where to write the mirror. Default: content/sample/neuroscope.")]
    public string? Output { get; init; }
}

[Description("Regenerate the offline sample mirror of neuroscope.io from deterministic synthetic data.")]
public sealed class SampleCommand(IAnsiConsole console, ModelCatalog catalog) : Command<SampleSettings>
{
    public override int Execute(CommandContext context, SampleSettings settings, CancellationToken cancellationToken)
    {
        var target = settings.Output ?? AppPaths.SampleMirror;
        SampleMirror.Generate(target, catalog);
        console.MarkupLineInterpolated($"Synthetic sample mirror written to {Path.GetFullPath(target)}");
        if (settings.Output is null)
        {
            var openAi = Path.Combine(AppPaths.SampleRoot, "openai");
            NeuroNav.Sample.Gpt4.Gpt4Mirror.Generate(openAi);
            console.MarkupLineInterpolated($"Synthetic OpenAI neuron-explainer mirror written to {openAi}");
        }
        return (int)ExitCode.Success;
    }
}
