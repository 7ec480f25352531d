using System.Text.Json.Nodes;
using NeuroNav.Cli;
using NeuroNav.Core;
using NeuroNav.TestKit;
using Spectre.Console.Testing;

namespace NeuroNav.EndToEnd.Tests.Verify;

/// <summary><c>neuronav verify</c> on copies of the sample site, intact and damaged.</summary>
public sealed class VerifyTests(SampleSite site) : IClassFixture<SampleSite>, IDisposable
{
    private const string Page = "gpt2-small/3/4.html";
    private readonly TempDirectory _dir = new("neuronav-verify");

    [Fact]
    public async Task Verify_passes_on_the_sample_site_and_counts_what_it_checked()
    {
        var (code, output) = await VerifyAsync(site.Output);

        Assert.True(code == 0, output);
        Assert.Contains("is sound", output, StringComparison.Ordinal);
        Assert.Contains($"{SampleSite.Targets.Count}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_fails_naming_an_altered_file()
    {
        var copy = Copy();
        var file = Path.Combine(copy, "api", "gpt2-small", "3", "4.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"layer\":3", "\"layer\":4", StringComparison.Ordinal));

        var (code, output) = await VerifyAsync(copy);

        Assert.Equal((int)ExitCode.CompletedWithFailures, code);
        Assert.Contains("api/gpt2-small/3/4.json: altered", output, StringComparison.Ordinal);
        Assert.Contains("1 problem(s)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_fails_naming_a_deleted_file_and_the_neuron_it_belonged_to()
    {
        var copy = Copy();
        File.Delete(Path.Combine(copy, "api", "gpt2-small", "neuroscope", "3", "4.json"));

        var (code, output) = await VerifyAsync(copy);

        Assert.Equal((int)ExitCode.CompletedWithFailures, code);
        Assert.Contains("api/gpt2-small/neuroscope/3/4.json: listed in the manifest but missing", output, StringComparison.Ordinal);
        Assert.Contains("corpus stores neuron gpt2-small/3/4", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_fails_naming_a_broken_link_even_when_the_manifest_agrees_with_the_page()
    {
        var copy = Copy();
        var file = Path.Combine(copy, Page);
        File.WriteAllText(file, File.ReadAllText(file).Replace("href=\"index.html\"", "href=\"gone.html\"", StringComparison.Ordinal));
        Relist(copy, Page);

        var (code, output) = await VerifyAsync(copy);

        Assert.Equal((int)ExitCode.CompletedWithFailures, code);
        Assert.Contains($"{Page}: <a> link 'gone.html' points to 'gpt2-small/3/gone.html'", output, StringComparison.Ordinal);
        Assert.All(output.Split('\n').Where(l => l.StartsWith("problem", StringComparison.Ordinal)), l => Assert.Contains("gone.html", l, StringComparison.Ordinal));
        Assert.DoesNotContain("altered", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_fails_on_a_file_the_manifest_does_not_list_and_on_a_document_off_its_schema()
    {
        var copy = Copy();
        File.WriteAllText(Path.Combine(copy, "gpt2-small", "extra.html"), "<!DOCTYPE html><p>not built</p>");
        var doc = Path.Combine(copy, "api", "gpt2-small", "3", "5.json");
        File.WriteAllText(doc, File.ReadAllText(doc).Replace("\"neuron\":5", "\"neuron\":\"five\"", StringComparison.Ordinal));
        Relist(copy, "api/gpt2-small/3/5.json");

        var (code, output) = await VerifyAsync(copy);

        Assert.Equal((int)ExitCode.CompletedWithFailures, code);
        Assert.Contains("gpt2-small/extra.html: not listed in the manifest", output, StringComparison.Ordinal);
        Assert.Contains("api/gpt2-small/3/5.json: does not match schema 'neuron'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_points_a_wrong_typed_value_at_its_own_place_in_the_document()
    {
        var copy = Copy();
        var doc = Path.Combine(copy, "api", "gpt2-small", "3", "5.json");
        var text = File.ReadAllText(doc);
        var values = text.IndexOf("\"values\":[", StringComparison.Ordinal);
        File.WriteAllText(doc, text[..values] + "\"values\":\"many\"" + text[(text.IndexOf(']', values) + 1)..]);
        Relist(copy, "api/gpt2-small/3/5.json");

        var (code, output) = await VerifyAsync(copy);

        Assert.Equal((int)ExitCode.CompletedWithFailures, code);
        Assert.Contains("api/gpt2-small/3/5.json: does not match schema 'neuron': /neuroscope/texts/0/values: ", output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private async Task<(int Code, string Output)> VerifyAsync(string output)
    {
        var console = new TestConsole().Width(400);
        var code = await NeuroNavApp.RunAsync(["verify", "--dir", output, "--corpus", site.CorpusRoot], console);
        return (code, console.Output);
    }

    private string Copy()
    {
        var copy = _dir.Combine("site");
        foreach (var file in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy, Path.GetRelativePath(site.Output, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return copy;
    }

    /// <summary>Updates the manifest entry of <paramref name="path"/> to the file's new bytes, as a forger would.</summary>
    private static void Relist(string root, string path)
    {
        var manifestFile = Path.Combine(root, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestFile))!;
        var bytes = File.ReadAllBytes(Path.Combine(root, path));
        var entry = manifest["files"]!.AsArray().Single(f => f!["path"]!.GetValue<string>() == path)!;
        entry["bytes"] = bytes.Length;
        entry["sha256"] = Hashing.Sha256Hex(bytes);
        File.WriteAllText(manifestFile, manifest.ToJsonString());
    }
}
