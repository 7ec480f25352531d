using System.Globalization;
using NeuroNav.Core;

namespace NeuroNav.Sample.Gpt4;

/// <summary>What is unusual about a neuron's OpenAI files in the sample.</summary>
public enum Gpt4SampleKind
{
    Ordinary,

    /// <summary>No file at all: every URL answers 404.</summary>
    Missing,

    /// <summary>Constant true activations, so every correlation is NaN and written as <c>null</c> (the explanation score included).</summary>
    NullScore,

    /// <summary>Every file written without <c>dataclass_name</c> keys.</summary>
    NoDataclassName,

    /// <summary>The explanations file cut off in the middle (the other files are fine).</summary>
    Broken,

    /// <summary>Written by Python's <c>json.dumps</c>: bare <c>NaN</c> where orjson writes <c>null</c>.</summary>
    BareNaN,

    /// <summary>Two scored explanations.</summary>
    TwoExplanations,
}

/// <summary>An unusual neuron of the OpenAI sample and the coverage status a GPT-4 scrape must record for it.</summary>
public sealed record Gpt4SampleCase(NeuronId Neuron, Gpt4SampleKind Kind, string Description, CoverageStatus Expected);

/// <summary>
/// The offline sample of OpenAI's neuron-explainer release: for every gpt2-small neuron of <see cref="SampleMirror.Ranges"/>,
/// the five files in their exact formats (orjson style) with synthetic values, under the release's own layout
/// (<c>gpt2_small_data/explanations/{layer}/{neuron}.jsonl</c>, ...). The related-neurons and related-tokens files,
/// which OpenAI documents only for GPT-2 XL, are included so the sample shows them (fetch with the undocumented option).
/// </summary>
public static class Gpt4Mirror
{
    public const string Model = "gpt2-small";
    public const string Prefix = "gpt2_small_data/";

    public static IReadOnlyList<Gpt4SampleCase> Cases { get; } =
    [
        new(new NeuronId(Model, 0, 1), Gpt4SampleKind.TwoExplanations, "two scored explanations", CoverageStatus.Present),
        new(new NeuronId(Model, 0, 5), Gpt4SampleKind.Missing, "no files: every URL answers 404", CoverageStatus.MissingUpstream),
        new(new NeuronId(Model, 0, 7), Gpt4SampleKind.NullScore, "constant true activations: every correlation is null, the explanation score included", CoverageStatus.Present),
        new(new NeuronId(Model, 0, 11), Gpt4SampleKind.BareNaN, "Python json.dumps style: bare NaN instead of null (scores, kurtosis)", CoverageStatus.Present),
        new(new NeuronId(Model, 3, 2), Gpt4SampleKind.NoDataclassName, "no dataclass_name key in any file", CoverageStatus.Present),
        new(new NeuronId(Model, 3, 9), Gpt4SampleKind.Broken, "the explanations file is cut off in the middle", CoverageStatus.Invalid),
    ];

    /// <summary>The gpt2-small neuron paths of the sample, in range order.</summary>
    public static IReadOnlyList<NeuronId> Neurons { get; } = [.. SampleMirror.Ranges.Where(r => r.Model == Model).SelectMany(r => r.Neurons())];

    public static Gpt4SampleKind KindOf(NeuronId id) => Cases.FirstOrDefault(c => c.Neuron == id)?.Kind ?? Gpt4SampleKind.Ordinary;

    public static CoverageStatus ExpectedStatus(NeuronId id) => Cases.FirstOrDefault(c => c.Neuron == id)?.Expected ?? CoverageStatus.Present;

    /// <summary>The synthetic values the files of <paramref name="id"/> print.</summary>
    public static SyntheticOpenAiNeuron Neuron(NeuronId id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in "openai/" + id)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return SyntheticExplainerData.Create(id, SplitMix64.Derive(SampleMirror.Seed, hash), KindOf(id));
    }

    /// <summary>
    /// Full-size synthetic files of any neuron for benchmarks: sequences and records of <paramref name="tokens"/> tokens
    /// (OpenAI's GPT-2 XL records have 64), keyed by folder (<c>explanations</c>, <c>collated-activations</c>, ...).
    /// </summary>
    public static IReadOnlyDictionary<string, byte[]> RealisticFiles(NeuronId id, int tokens = 64)
    {
        var n = SyntheticExplainerData.Create(id, SplitMix64.Derive(SampleMirror.Seed, (ulong)((id.Layer * 100_000) + id.Neuron)), Gpt4SampleKind.Ordinary, tokens);
        return new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["explanations"] = Gpt4FileWriter.Explanations(n, new OrjsonWriter()),
            ["collated-activations"] = Gpt4FileWriter.NeuronRecord(n, new OrjsonWriter()),
            ["related-neurons/weight-based"] = Gpt4FileWriter.RelatedNeurons(n, new OrjsonWriter()),
            ["related-tokens/activation-based"] = Gpt4FileWriter.TokensByActivation(n, new OrjsonWriter()),
            ["related-tokens/weight-based"] = Gpt4FileWriter.TokensByWeight(n, new OrjsonWriter()),
        };
    }

    /// <summary>Every file of the OpenAI mirror, sorted by path.</summary>
    public static IReadOnlyList<MirrorFile> Files()
    {
        var files = new List<MirrorFile>();
        foreach (var id in Neurons)
        {
            var kind = KindOf(id);
            if (kind == Gpt4SampleKind.Missing)
            {
                continue;
            }

            var n = Neuron(id);
            OrjsonWriter W() => new(dataclassNames: kind != Gpt4SampleKind.NoDataclassName, bareNaN: kind == Gpt4SampleKind.BareNaN);
            var explanations = Gpt4FileWriter.Explanations(n, W());
            if (kind == Gpt4SampleKind.Broken)
            {
                explanations = explanations[..(explanations.Length / 2)];
            }

            files.Add(new MirrorFile(PathOf("explanations", id, "jsonl"), explanations));
            files.Add(new MirrorFile(PathOf("collated-activations", id, "json"), Gpt4FileWriter.NeuronRecord(n, W())));
            files.Add(new MirrorFile(PathOf("related-neurons/weight-based", id, "json"), Gpt4FileWriter.RelatedNeurons(n, W())));
            files.Add(new MirrorFile(PathOf("related-tokens/activation-based", id, "json"), Gpt4FileWriter.TokensByActivation(n, W())));
            files.Add(new MirrorFile(PathOf("related-tokens/weight-based", id, "json"), Gpt4FileWriter.TokensByWeight(n, W())));
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>
    /// Writes the mirror under <paramref name="directory"/> (the release's root). Unchanged files are not rewritten;
    /// files under <c>gpt2_small_data/</c> that are no longer part of the mirror are removed, nothing else is touched.
    /// </summary>
    public static void Generate(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var root = Path.GetFullPath(directory);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Files())
        {
            var path = Path.Combine(root, file.Path.Replace('/', Path.DirectorySeparatorChar));
            keep.Add(path);
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(file.Bytes))
            {
                AtomicFile.WriteAllBytes(path, file.Bytes);
            }
        }

        foreach (var stale in Directory.EnumerateFiles(Path.Combine(root, Prefix.TrimEnd('/')), "*.json*", SearchOption.AllDirectories).Where(p => !keep.Contains(p)).ToList())
        {
            File.Delete(stale);
        }
    }

    private static string PathOf(string folder, NeuronId id, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{Prefix}{folder}/{id.Layer}/{id.Neuron}.{extension}");
}
