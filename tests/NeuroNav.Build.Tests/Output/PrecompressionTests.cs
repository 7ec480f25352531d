using NeuroNav.Build.Output;

namespace NeuroNav.Build.Tests.Output;

public sealed class PrecompressionTests
{
    [Theory]
    [InlineData("api/gpt2-xl/3/1337.json", true)]
    [InlineData("api/gpt2-xl/neuroscope/3/1337.json", true)]
    [InlineData("api/gpt2-small/gpt4/0/5.json", true)]
    [InlineData("gpt2-xl/3/1337.html", true)]
    [InlineData("api/gpt2-xl/3/index.json", false)]
    [InlineData("gpt2-xl/3/index.html", false)]
    [InlineData("api/gpt2-xl/index.json", false)]
    [InlineData("api/gpt2-xl/search/tokens/0a.json", false)]
    [InlineData("api/schema/neuron.schema.json", false)]
    [InlineData("404.html", false)]
    [InlineData("index.html", false)]
    [InlineData("assets/site.css", false)]
    public void Only_per_neuron_documents_and_pages_are_compressed(string path, bool compressed)
    {
        Assert.Equal(compressed, Precompression.Applies(path));
    }
}
