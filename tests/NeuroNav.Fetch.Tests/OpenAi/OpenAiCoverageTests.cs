using NeuroNav.Core;
using NeuroNav.Fetch.OpenAi;

namespace NeuroNav.Fetch.Tests.OpenAi;

public sealed class OpenAiCoverageTests
{
    [Fact]
    public void Pages_show_gpt4_for_exactly_the_models_the_fetch_knows_files_for()
    {
        Assert.Equal(OpenAiModel.All.Select(m => m.Model).Order(StringComparer.Ordinal), SourceInfo.Gpt4.Models!.Order(StringComparer.Ordinal));
        Assert.True(SourceInfo.Gpt4.Covers("gpt2-xl"));
        Assert.False(SourceInfo.Gpt4.Covers("solu-1l"));
        Assert.True(SourceInfo.Neuroscope.Covers("solu-1l"));
    }
}
