using NeuroNav.Build.Tests.Fakes;
using NeuroNav.TestKit;

namespace NeuroNav.Build.Tests.Api;

/// <summary>
/// The contract as committed bytes: one neuron document, one layer index and the sorted list of output paths of the
/// tiny site. After an intended change, regenerate with <c>NEURONAV_UPDATE_SNAPSHOTS=1 dotnet test tests/NeuroNav.Build.Tests</c>
/// and review the diff.
/// </summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData("api/tiny-a/0/1.json", "neuron.json")]
    [InlineData("api/tiny-a/0/index.json", "layer-index.json")]
    [InlineData("api/tiny-a/index.json", "model-index.json")]
    public async Task Document_matches_committed_snapshot(string sitePath, string snapshot)
    {
        using var site = new TinySite();
        await site.BuildAsync();

        Compare(snapshot, File.ReadAllText(site.File(sitePath)) + "\n");
    }

    /// <summary>The schemas assembled from the generic templates and the three built-in sources: the published contract.</summary>
    [Theory]
    [InlineData("neuron")]
    [InlineData("layer-index")]
    [InlineData("model-index")]
    [InlineData("site-index")]
    public async Task Assembled_schema_matches_committed_snapshot(string name)
    {
        using var site = new TinySite();
        await site.BuildAsync();

        Compare($"schemas/{name}.schema.json", File.ReadAllText(site.File($"api/schema/{name}.schema.json")));
    }

    [Fact]
    public async Task Output_paths_match_committed_snapshot()
    {
        using var site = new TinySite();
        await site.BuildAsync();

        Compare("paths.txt", string.Join('\n', site.Files()) + "\n");
    }

    private static void Compare(string snapshot, string actual)
    {
        var file = Repo.Path(["tests", "NeuroNav.Build.Tests", "Snapshots", .. snapshot.Split('/')]);
        if (Environment.GetEnvironmentVariable("NEURONAV_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(file, actual);
            return;
        }

        Assert.True(File.Exists(file), $"snapshot {file} is missing; run with NEURONAV_UPDATE_SNAPSHOTS=1 to create it");
        Assert.Equal(File.ReadAllText(file), actual);
    }
}
