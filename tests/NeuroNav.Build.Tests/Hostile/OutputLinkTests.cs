using NeuroNav.Build.Tests.Fakes;
using NeuroNav.TestKit;

namespace NeuroNav.Build.Tests.Hostile;

public sealed class OutputLinkTests
{
    [Theory]
    [InlineData("api")]
    [InlineData("tiny-a")]
    [InlineData(".tmp")]
    public async Task Build_refuses_to_write_through_a_link_inside_the_output_folder_and_names_it(string linked)
    {
        using var site = new TinySite();
        using var outside = new TempDirectory("neuronav-outside");
        Directory.CreateDirectory(site.Output);
        var link = Path.Combine(site.Output, linked);
        Directory.CreateSymbolicLink(link, outside.Path);

        var e = await Assert.ThrowsAsync<BuildException>(() => site.BuildAsync());

        Assert.Contains(link, e.Message, StringComparison.Ordinal);
        Assert.Contains(outside.Path, e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(outside.Path));
    }

    [Fact]
    public async Task An_output_folder_that_is_itself_a_link_is_where_the_site_goes()
    {
        using var site = new TinySite();
        using var target = new TempDirectory("neuronav-target");
        using var links = new TempDirectory("neuronav-links");
        var output = links.Combine("site");
        Directory.CreateSymbolicLink(output, target.Path);

        await site.BuildAsync(output: output);

        Assert.True(File.Exists(Path.Combine(target.Path, "manifest.json")));
    }
}
