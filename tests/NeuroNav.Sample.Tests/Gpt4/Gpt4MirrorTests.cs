using System.Text;
using NeuroNav.Core;
using NeuroNav.Sample.Gpt4;
using NeuroNav.TestKit;

namespace NeuroNav.Sample.Tests.Gpt4;

public sealed class Gpt4MirrorTests
{
    private static readonly IReadOnlyList<MirrorFile> Files = Gpt4Mirror.Files();

    [Fact]
    public void Committed_openai_mirror_is_exactly_what_the_generator_writes()
    {
        using var temp = new TempDirectory();
        Gpt4Mirror.Generate(temp.Path);
        var committed = Repo.Path("content", "sample", "openai");
        var expected = Read(temp.Path);
        var actual = Read(committed);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"content/sample/openai/{path} differs from the generator's output; run `neuronav sample`");
        }
    }

    [Fact]
    public void Every_sampled_gpt2_small_neuron_has_five_files_except_the_missing_one()
    {
        var missing = Case(Gpt4SampleKind.Missing);
        foreach (var id in Gpt4Mirror.Neurons)
        {
            var count = Files.Count(f => f.Path.EndsWith($"/{id.Layer}/{id.Neuron}.json", StringComparison.Ordinal) || f.Path.EndsWith($"/{id.Layer}/{id.Neuron}.jsonl", StringComparison.Ordinal));
            Assert.Equal(id == missing ? 0 : 5, count);
        }

        Assert.Contains(Files, f => f.Path == "gpt2_small_data/explanations/3/0.jsonl");
        Assert.Contains(Files, f => f.Path == "gpt2_small_data/related-tokens/activation-based/0/1403.json");
    }

    [Fact]
    public void Explanations_files_are_one_orjson_line_with_a_trailing_newline()
    {
        foreach (var file in Files.Where(f => f.Path.Contains("/explanations/", StringComparison.Ordinal) && !f.Path.EndsWith($"/{Case(Gpt4SampleKind.Broken).Neuron}.jsonl", StringComparison.Ordinal)))
        {
            var text = Encoding.UTF8.GetString(file.Bytes);
            Assert.EndsWith("}\n", text, StringComparison.Ordinal);
            Assert.Equal(1, text.Count(c => c == '\n'));
            Assert.StartsWith("{\"", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Only_the_plain_neuron_lacks_dataclass_name_and_only_the_python_one_has_bare_NaN()
    {
        var plain = Case(Gpt4SampleKind.NoDataclassName);
        var python = Case(Gpt4SampleKind.BareNaN);
        foreach (var file in Files.Where(f => !f.Path.Contains("related-neurons", StringComparison.Ordinal)))
        {
            var text = Encoding.UTF8.GetString(file.Bytes);
            var isPlain = file.Path.EndsWith($"/{plain.Layer}/{plain.Neuron}.json", StringComparison.Ordinal) || file.Path.EndsWith($"/{plain.Layer}/{plain.Neuron}.jsonl", StringComparison.Ordinal);
            Assert.Equal(!isPlain, text.StartsWith("{\"dataclass_name\":", StringComparison.Ordinal));
            var isPython = file.Path.EndsWith($"/{python.Layer}/{python.Neuron}.json", StringComparison.Ordinal) || file.Path.EndsWith($"/{python.Layer}/{python.Neuron}.jsonl", StringComparison.Ordinal);
            Assert.True(isPython || !text.Contains(":NaN", StringComparison.Ordinal), $"{file.Path} has a bare NaN");
        }

        Assert.Contains(":NaN", Text($"gpt2_small_data/collated-activations/{python.Layer}/{python.Neuron}.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Null_score_neuron_prints_null_for_its_explanation_score()
    {
        var id = Case(Gpt4SampleKind.NullScore);
        var text = Text($"gpt2_small_data/explanations/{id.Layer}/{id.Neuron}.jsonl");
        Assert.EndsWith("\"ev_correlation_score\":null,\"rsquared_score\":null,\"absolute_dev_explained_score\":null}}]}\n", text, StringComparison.Ordinal);
        Assert.Null(Gpt4Mirror.Neuron(id).Explanations[0].Ev);
    }

    [Fact]
    public void Broken_file_is_cut_off_and_the_two_explanation_neuron_has_two()
    {
        var broken = Case(Gpt4SampleKind.Broken);
        Assert.False(Text($"gpt2_small_data/explanations/{broken.Layer}/{broken.Neuron}.jsonl").EndsWith('\n'));
        Assert.Equal(2, Gpt4Mirror.Neuron(Case(Gpt4SampleKind.TwoExplanations)).Explanations.Count);
    }

    [Fact]
    public void Layer_zero_neurons_have_no_upstream_connections()
    {
        Assert.StartsWith("{\"c_fc\":null,\"c_proj\":{\"top_positive_neurons\":[\"3_", Text("gpt2_small_data/related-neurons/weight-based/0/0.json"), StringComparison.Ordinal);
        Assert.StartsWith("{\"c_fc\":{\"top_positive_neurons\":[\"0_", Text("gpt2_small_data/related-neurons/weight-based/3/0.json"), StringComparison.Ordinal);
    }

    private static NeuronId Case(Gpt4SampleKind kind) => Gpt4Mirror.Cases.Single(c => c.Kind == kind).Neuron;

    private static string Text(string path) => Encoding.UTF8.GetString(Files.Single(f => f.Path == path).Bytes);

    private static Dictionary<string, byte[]> Read(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);
}
