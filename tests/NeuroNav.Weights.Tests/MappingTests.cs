using NeuroNav.Core;
using NeuroNav.Weights.Model;

namespace NeuroNav.Weights.Tests;

/// <summary>The committed mapping (content/weights.csv) against the committed catalog (content/models.csv).</summary>
public sealed class MappingTests
{
    private static string Content(string file)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NeuroNav.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("no NeuroNav.sln above the test binaries"), "content", file);
    }

    [Fact]
    public void Every_catalog_model_has_exactly_one_weights_source()
    {
        var catalog = ModelCatalog.Load(Content("models.csv"));
        var sources = WeightsSources.Load(Content("weights.csv"), catalog);
        Assert.Empty(sources.Missing(catalog));
        Assert.Equal(25, sources.All.Count);
    }

    [Theory]
    [InlineData("solu-1l", "NeelNanda/SoLU_1L512W_C4_Code", WeightsLayout.Tl)]
    [InlineData("solu-1l-pile", "NeelNanda/SoLU_1L_v9_old", WeightsLayout.TlOldLeft)]
    [InlineData("solu-8l-pile", "NeelNanda/SoLU_8L_v21_old", WeightsLayout.TlOld)]
    [InlineData("gpt2-small", "gpt2", WeightsLayout.Gpt2)]
    [InlineData("pythia-350m", "EleutherAI/pythia-410m", WeightsLayout.Neox)]
    public void Models_map_to_the_repositories_TransformerLens_loads(string model, string repository, WeightsLayout layout)
    {
        var catalog = ModelCatalog.Load(Content("models.csv"));
        var source = WeightsSources.Load(Content("weights.csv"), catalog)[model];
        Assert.Equal(repository, source.Repository);
        Assert.Equal(layout, source.Layout);
    }
}
