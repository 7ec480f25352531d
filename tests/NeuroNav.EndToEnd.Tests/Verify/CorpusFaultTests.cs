using NeuroNav.Cli;
using NeuroNav.Core;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.TestKit;
using Spectre.Console.Testing;

namespace NeuroNav.EndToEnd.Tests.Verify;

/// <summary>
/// Damage done to the corpus of the sample site, then <c>neuronav build</c> over the existing site and
/// <c>neuronav verify --corpus</c>, as a user would run them: the build stops (exit 3) naming the file or reads exactly
/// the committed parts, and verify fails naming the file.
/// </summary>
public sealed class CorpusFaultTests(SampleSite site) : IClassFixture<SampleSite>, IDisposable
{
    private readonly TempDirectory _dir = new("neuronav-corpus-faults");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Deleted_newest_neurons_part_stops_the_build_and_fails_verify_naming_the_file()
    {
        var (corpus, output) = Copies();
        var part = Directory.GetFiles(Path.Combine(corpus, "neuroscope_neurons", "model=gpt2-small", "layer=3")).Order(StringComparer.Ordinal).Last();
        File.Delete(part);

        await ExpectBrokenAsync(corpus, output, part);
    }

    [Fact]
    public async Task One_flipped_byte_in_a_texts_part_stops_the_build_and_fails_verify_naming_the_file()
    {
        var (corpus, output) = Copies();
        var part = Directory.GetFiles(Path.Combine(corpus, "neuroscope_texts", "model=gpt2-small", "layer=0")).Order(StringComparer.Ordinal).First();
        var bytes = File.ReadAllBytes(part);
        bytes[bytes.Length / 3] ^= 0x20;
        File.WriteAllBytes(part, bytes);

        await ExpectBrokenAsync(corpus, output, part);
    }

    [Fact]
    public async Task Layer_3_part_copied_into_layer_0_is_not_published_as_layer_0_and_fails_verify()
    {
        var (corpus, output) = Copies();
        var before = Hashes(output).Where(f => f.Key.StartsWith("api/gpt2-small/0/", StringComparison.Ordinal)).ToList();
        var copies = new List<string>();
        foreach (var table in new[] { "neuroscope_texts", "neuroscope_neurons" })
        {
            var from = Directory.GetFiles(Path.Combine(corpus, table, "model=gpt2-small", "layer=3")).Order(StringComparer.Ordinal).First();
            copies.Add(Path.Combine(corpus, table, "model=gpt2-small", "layer=0", Path.GetFileName(from)));
            File.Copy(from, copies[^1]);
        }

        var (verifyCode, verifyOutput) = await RunAsync("verify", "--dir", output, "--corpus", corpus);
        var (buildCode, buildOutput) = await RunAsync("build", "--corpus", corpus, "--out", output);

        Assert.Equal((int)ExitCode.CompletedWithFailures, verifyCode);
        Assert.All(copies, c => Assert.Contains(c + ": Corpus file " + c + " is in no part list", verifyOutput, StringComparison.Ordinal));
        Assert.True(buildCode == 0, buildOutput);
        Assert.NotEmpty(before);
        Assert.Equal(before, Hashes(output).Where(f => f.Key.StartsWith("api/gpt2-small/0/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Empty_corpus_over_an_existing_site_stops_the_build_and_fails_verify()
    {
        var (_, output) = Copies();
        var empty = _dir.Combine("empty");
        Directory.CreateDirectory(empty);
        var before = Hashes(output);
        var neurons = before.Keys.Count(p => p.StartsWith("api/gpt2-small/", StringComparison.Ordinal) && p.Split('/') is [_, _, var l, var n] && char.IsAsciiDigit(l[0]) && char.IsAsciiDigit(n[0]));

        var (buildCode, buildOutput) = await RunAsync("build", "--corpus", empty, "--out", output);
        var (verifyCode, verifyOutput) = await RunAsync("verify", "--dir", output, "--corpus", empty);

        // An empty corpus is refused before the shrink guard is reached (ShrinkGuardTests cover the guard itself).
        Assert.NotEqual(0, neurons);
        Assert.Equal((int)ExitCode.BadArguments, buildCode);
        Assert.Contains($"--corpus: {empty} holds no data", buildOutput, StringComparison.Ordinal);
        Assert.Equal(before, Hashes(output));
        Assert.Equal((int)ExitCode.CompletedWithFailures, verifyCode);
        Assert.Contains("api/gpt2-small/3/4.json: the corpus holds no data of gpt2-small/3/4", verifyOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Damaged_GPT4_part_stops_the_build_and_fails_verify_naming_the_file()
    {
        var (corpus, output) = Copies();
        var file = new Provenance("https://openaipublic.blob.core.windows.net/neuron-explainer/gpt2_small_data/explanations/3/4.jsonl", DateTimeOffset.UnixEpoch, new string('c', 64), 321);
        var neuron = new Gpt4Neuron(new NeuronId("gpt2-small", 3, 4), new Dictionary<Gpt4Dataset, Provenance> { [Gpt4Dataset.Explanations] = file },
            [new Gpt4Explanation(0, "the letter e", 0.4, null, null, [])], null, null, null);
        await new Gpt4Store(corpus).WriteBatchAsync("gpt2-small", 3, [neuron], [], CancellationToken.None);
        var part = Directory.GetFiles(Path.Combine(corpus, "gpt4_explanations", "model=gpt2-small", "layer=3")).Single();
        File.AppendAllText(part, "!");

        await ExpectBrokenAsync(corpus, output, part);
    }

    private static async Task ExpectBrokenAsync(string corpus, string output, string file)
    {
        var before = Hashes(output);
        var (buildCode, buildOutput) = await RunAsync("build", "--corpus", corpus, "--out", output);
        var (verifyCode, verifyOutput) = await RunAsync("verify", "--dir", output, "--corpus", corpus);

        Assert.Equal((int)ExitCode.Aborted, buildCode);
        Assert.Contains(file, buildOutput, StringComparison.Ordinal);
        Assert.Equal(before, Hashes(output));
        Assert.Equal((int)ExitCode.CompletedWithFailures, verifyCode);
        Assert.Contains(file + ": Corpus file " + file, verifyOutput, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(2000);
        var code = await NeuroNavApp.RunAsync(args, console);
        return (code, console.Output.Replace("\n", "", StringComparison.Ordinal));
    }

    private (string Corpus, string Output) Copies()
    {
        var corpus = _dir.Combine("corpus");
        var output = _dir.Combine("output");
        CopyFolder(site.CorpusRoot, corpus);
        CopyFolder(site.Output, output);
        return (corpus, output);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith(".neuronav.lock", StringComparison.Ordinal)))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static Dictionary<string, string> Hashes(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith(".neuronav.lock", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(root, f).Replace('\\', '/'), f => Hashing.Sha256Hex(File.ReadAllBytes(f)), StringComparer.Ordinal);
}
