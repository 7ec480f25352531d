using NeuroNav.Build.Output;

namespace NeuroNav.Build.Tests.Output;

public sealed class OutputScopeTests
{
    private static readonly OutputScope Scope = new(
        new HashSet<string>(["tiny-a", "tiny-b", "gpt2-small"], StringComparer.Ordinal),
        new Dictionary<string, Func<int, bool>>(StringComparer.Ordinal) { ["tiny-a"] = layer => layer == 1 });

    [Theory]
    [InlineData("api/index.json", true)]
    [InlineData("index.html", true)]
    [InlineData("assets/site.css", true)]
    [InlineData("api/schema/neuron.schema.json", true)]
    [InlineData("api/tiny-a/index.json", true)]
    [InlineData("tiny-a/index.html", true)]
    [InlineData("api/tiny-a/1/3.json", true)]
    [InlineData("api/tiny-a/neuroscope/1/3.json", true)]
    [InlineData("tiny-a/1/index.html", true)]
    [InlineData("api/tiny-a/0/3.json", false)]
    [InlineData("api/tiny-a/neuroscope/0/3.json", false)]
    [InlineData("tiny-a/0/3.html", false)]
    [InlineData("api/tiny-b/index.json", false)]
    [InlineData("tiny-b/0/1.html", false)]
    [InlineData("gpt2-small/index.html", false)]
    public void Scope_covers_site_files_and_the_built_models_and_layers_only(string path, bool inScope)
    {
        Assert.Equal(inScope, Scope.Contains(path));
    }

    [Theory]
    [InlineData("api/gpt2-small/3/1337.json", true)]
    [InlineData("assets/site.css", true)]
    [InlineData("a/../b", false)]
    [InlineData("./a", false)]
    [InlineData("a//b", false)]
    [InlineData("/a", false)]
    [InlineData("a/", false)]
    [InlineData("a\\b", false)]
    [InlineData("a/.hidden", false)]
    [InlineData("a b", false)]
    [InlineData("", false)]
    public void Output_path_must_be_a_plain_relative_path(string path, bool valid)
    {
        Assert.Equal(valid, OutputPath.IsValid(path));
    }
}
