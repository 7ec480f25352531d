using System.Text;
using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Sample.Tests;

public sealed class SampleMirrorTests
{
    [Fact]
    public void Committed_mirror_is_exactly_what_the_generator_writes()
    {
        using var temp = new TempDirectory();
        SampleMirror.Generate(temp.Path, Fixture.Catalog);
        var committed = Repo.Path("content", "sample", "neuroscope");
        var expected = Files(temp.Path);
        var actual = Files(committed);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"content/sample/neuroscope/{path} differs from the generator's output; run `neuronav sample`");
        }
    }

    [Fact]
    public void Generate_removes_stale_pages_keeps_unchanged_files_and_leaves_foreign_ones()
    {
        using var temp = new TempDirectory();
        SampleMirror.Generate(temp.Path, Fixture.Catalog);
        var stale = temp.Combine("solu-1l", "0", "7.html");
        File.WriteAllText(stale, "stale");
        var kept = temp.Combine("index.html");
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(kept, stamp);
        var foreign = temp.Combine("notes.html");
        File.WriteAllText(foreign, "mine");
        SampleMirror.Generate(temp.Path, Fixture.Catalog);
        Assert.False(File.Exists(stale));
        Assert.Equal("mine", File.ReadAllText(foreign));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(kept));
    }

    [Fact]
    public void Mirror_stays_small()
    {
        var total = SampleMirror.Files(Fixture.Catalog).Sum(f => (long)f.Bytes.Length);
        Assert.InRange(total, 1_000_000, 4_000_000);
    }

    [Fact]
    public void Main_index_lists_all_catalog_models()
    {
        var index = Encoding.UTF8.GetString(SampleMirror.Files(Fixture.Catalog).Single(f => f.Path == "index.html").Bytes);
        Assert.All(Fixture.Catalog.Models, m => Assert.Contains($"<td><a href='./{m.Id}/index.html'>{m.Id}</a></td>", index, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_covered_path_is_a_page_a_gap_or_a_documented_case()
    {
        var files = SampleMirror.Files(Fixture.Catalog).ToDictionary(f => f.Path, f => f.Bytes);
        var present = SampleMirror.Neurons(Fixture.Catalog).Select(n => n.Id).ToHashSet();
        foreach (var id in SampleMirror.Ranges.SelectMany(r => r.Neurons()))
        {
            var status = SampleMirror.ExpectedStatus(id);
            Assert.Equal(status == CoverageStatus.Present, present.Contains(id));
            Assert.Equal(status != CoverageStatus.MissingUpstream, files.ContainsKey($"{id}.html"));
        }

        Assert.Equal(CoverageStatus.MissingUpstream, SampleMirror.ExpectedStatus(new NeuronId("gpt2-small", 5, 0)));
    }

    [Fact]
    public void Readme_documents_every_case_and_says_the_data_is_synthetic()
    {
        var readme = File.ReadAllText(Repo.Path("content", "sample", "README.md"));
        Assert.Contains("SYNTHETIC", readme, StringComparison.Ordinal);
        Assert.Contains("neuronav sample", readme, StringComparison.Ordinal);
        foreach (var c in SampleMirror.Cases)
        {
            Assert.Contains($"`{c.Path}`", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Expected_neurons_carry_the_real_text_zero_values_and_page_hashes()
    {
        var neurons = SampleMirror.Neurons(Fixture.Catalog).ToDictionary(n => n.Id);
        Assert.Equal(-0.0429f, neurons[new NeuronId("gpt2-small", 0, 37)].Texts[0].MaxActivation);
        Assert.Equal(0.0429, neurons[new NeuronId("gpt2-small", 0, 37)].MinRange, 6);
        Assert.True(float.IsNegative(neurons[new NeuronId("gpt2-small", 0, 1403)].Texts[0].MaxActivation));
        Assert.Equal(6.1839f, neurons[new NeuronId("gpt2-small", 3, 0)].Texts[0].MaxActivation);
        Assert.Equal(1.4755f, neurons[new NeuronId("gpt2-small", 0, 0)].Texts[0].MaxActivation);
        Assert.True(double.IsNaN(neurons[new NeuronId("solu-1l", 0, 3)].MaxRange));
        Assert.Null(neurons[new NeuronId("solu-1l", 0, 9)].CircuitsVisVersion);
        Assert.Equal("1.39.0", neurons[new NeuronId("gpt2-small", 3, 2)].CircuitsVisVersion);

        var root = Repo.Path("content", "sample", "neuroscope");
        foreach (var n in neurons.Values)
        {
            var bytes = File.ReadAllBytes(Path.Combine(root, n.Provenance.Url));
            Assert.Equal(Hashing.Sha256Hex(bytes), n.Provenance.Sha256);
            Assert.Equal(20, n.Texts.Count);
        }
    }

    [Fact]
    public void Hostile_pages_hold_what_the_readme_promises()
    {
        var files = SampleMirror.Files(Fixture.Catalog).ToDictionary(f => f.Path, f => Encoding.UTF8.GetString(f.Bytes));
        Assert.Contains("\"</script>\"", files["solu-1l/0/5.html"], StringComparison.Ordinal);
        Assert.Contains("\"<hr>\"", files["solu-1l/0/5.html"], StringComparison.Ordinal);
        Assert.Contains("\"<!--\"", files["solu-1l/0/5.html"], StringComparison.Ordinal);
        Assert.Contains("\\ud83d\\ude00", files["solu-1l/0/5.html"], StringComparison.Ordinal);
        Assert.Contains("NaN", files["solu-1l/0/3.html"], StringComparison.Ordinal);
        Assert.Contains("Infinity", files["solu-1l/0/3.html"], StringComparison.Ordinal);
        Assert.Contains("https://unpkg.com/circuitsvis/dist/cdn/esm.js", files["solu-1l/0/9.html"], StringComparison.Ordinal);
        Assert.Contains("<span class='token'", files["solu-1l/0/11.html"], StringComparison.Ordinal);
        Assert.StartsWith("\n<!DOCTYPE html>", files["solu-1l/0/13.html"], StringComparison.Ordinal);
        Assert.Contains("<h2>Neuron 140 in Layer 0 </h2>", files["solu-1l/0/14.html"], StringComparison.Ordinal);
        Assert.Contains("<b>-0.0000</b>", files["gpt2-small/0/1403.html"], StringComparison.Ordinal);
        Assert.All(files.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal) && char.IsDigit(Path.GetFileName(f.Key)[0])),
            f => Assert.True(f.Key == "solu-1l/0/11.html" || f.Value.All(char.IsAscii), f.Key));
    }

    private static Dictionary<string, byte[]> Files(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllBytes);
}
