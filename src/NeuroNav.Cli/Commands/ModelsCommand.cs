using System.ComponentModel;
using System.Globalization;
using NeuroNav.Core;
using Spectre.Console;
using Spectre.Console.Cli;
using static NeuroNav.Cli.CliText;

namespace NeuroNav.Cli.Commands;

[Description("List the models of the catalog with their sizes.")]
public sealed class ModelsCommand(IAnsiConsole console, ModelCatalog catalog) : Command
{
    public override int Execute(CommandContext context, CancellationToken cancellationToken)
    {
        var table = new Table().AddColumns("model", "act fn", "dataset", "layers", "neurons/layer", "neurons", "params");
        foreach (var m in catalog.Models)
        {
            table.AddRow(
                m.Id, m.ActivationFunction, Markup.Escape(m.Dataset), N(m.Layers), N(m.NeuronsPerLayer), N(m.TotalNeurons), N(m.Parameters));
        }

        table.AddRow("[bold]total[/]", "", "", "", "", N(catalog.Models.Sum(m => m.TotalNeurons)), "");
        console.Write(table);
        return (int)ExitCode.Success;

    }
}
