using NeuroNav.Core;
using NeuroNav.Fetch.Gpt4;

namespace NeuroNav.Fetch.Tests.Gpt4;

public sealed class Gpt4CoverageTests
{
    [Fact]
    public void Pages_show_gpt4_for_exactly_the_models_the_fetch_knows_files_for()
    {
        Assert.Equal(Gpt4Model.All.Select(m => m.Model).Order(StringComparer.Ordinal), SourceInfo.Gpt4.Models!.Order(StringComparer.Ordinal));
        Assert.True(SourceInfo.Gpt4.Covers("gpt2-xl"));
        Assert.False(SourceInfo.Gpt4.Covers("solu-1l"));
        Assert.True(SourceInfo.Neuroscope.Covers("solu-1l"));
    }
}
