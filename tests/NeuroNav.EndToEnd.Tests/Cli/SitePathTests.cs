using NeuroNav.EndToEnd.Tests.Crash;
using NeuroNav.TestKit;

namespace NeuroNav.EndToEnd.Tests.Cli;

/// <summary><c>build --site-path</c>: the 404 page, served at any depth, links under the path the site is served from.</summary>
public sealed class SitePathTests(SampleSite site) : IClassFixture<SampleSite>, IDisposable
{
    private readonly TempDirectory _dir = new("neuronav-site-path");

    [Fact]
    public async Task The_404_page_links_under_the_site_path_given_to_build()
    {
        var output = _dir.Combine("site");

        var (code, log) = await CliProcess.RunAsync("build", "--corpus", site.CorpusRoot, "--out", output, "--site-path", "/site/");

        Assert.True(code == 0, log);
        var page = await File.ReadAllTextAsync(Path.Combine(output, "404.html"));
        Assert.Contains("data-site-path=\"/site/\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/site/index.html\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_site_path_without_its_slashes_is_a_bad_argument_naming_the_option()
    {
        var (code, log) = await CliProcess.RunAsync("build", "--corpus", site.CorpusRoot, "--out", _dir.Combine("never"), "--site-path", "site");

        Assert.Equal(2, code);
        Assert.Contains("--site-path: 'site' must start and end with '/'", log, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir.Combine("never")));
    }

    public void Dispose() => _dir.Dispose();
}
