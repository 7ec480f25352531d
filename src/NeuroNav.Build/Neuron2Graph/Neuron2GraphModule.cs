using NeuroNav.Build.Api;
using NeuroNav.Build.Sources;
using NeuroNav.Core;

namespace NeuroNav.Build.Neuron2Graph;

/// <summary>
/// What the Neuron2Graph source adds to the site besides its sections: the graph score column of the listings, its
/// schemas (the per-source document's and the token search's) and the page labels. Its outputs are the token search
/// (<see cref="TokenSearch"/>).
/// </summary>
internal static class Neuron2GraphModule
{
    public static readonly SourceColumn Score = SourceColumn.Number(SourceInfo.Neuron2Graph, "graph_score", "N2G", s => s.Score) with
    {
        Description = "The Neuron2Graph explanation score, when there is one",
    };

    public static readonly SourceContributions Contributions = new(
        "https://github.com/apartresearch/Neuron2Graph", "Neuron2Graph explanation", "Neuron2Graph")
    {
        Columns = [Score],
        Schemas = [SchemaFiles.File("neuron2graph"), SchemaFiles.File("token-index"), SchemaFiles.File("token-shard")],
    };

    /// <summary>The module without data: no token index, and a search page that says no model has one.</summary>
    public static readonly ISectionSource WithoutData = new AbsentSource(SourceInfo.Neuron2Graph, Contributions, new TokenSearch(null));
}
