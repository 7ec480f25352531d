using System.Runtime.CompilerServices;
using NeuroNav.Core;
using NeuroNav.Corpus;

namespace NeuroNav.Build.Profiles;

/// <summary>The corpus as a profile sees it: each neuron's texts cut to the profile's count and token window.</summary>
public sealed class TrimmedCorpus(ICorpusReader inner, BuildProfile profile) : ICorpusReader
{
    /// <summary>The corpus on disk this one trims (other sources' sections are read from it untrimmed).</summary>
    public CorpusRoot? OnDisk => inner.OnDisk;

    /// <summary><paramref name="corpus"/> itself when the profile trims nothing.</summary>
    public static ICorpusReader For(ICorpusReader corpus, BuildProfile profile) => profile.Trims ? new TrimmedCorpus(corpus, profile) : corpus;

    public async IAsyncEnumerable<NeuroscopeNeuron> ReadLayerAsync(string model, int layer, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var neuron in inner.ReadLayerAsync(model, layer, ct).ConfigureAwait(false))
        {
            yield return Trim(neuron, profile);
        }
    }

    public Task<IReadOnlyList<CoverageRow>> ReadCoverageAsync(string model, int layer, CancellationToken ct) => inner.ReadCoverageAsync(model, layer, ct);

    public IReadOnlyList<(string Model, int Layer)> Partitions() => inner.Partitions();

    public static NeuroscopeNeuron Trim(NeuroscopeNeuron neuron, BuildProfile profile)
    {
        var texts = profile.MaxTexts is { } max && neuron.Texts.Count > max ? neuron.Texts.Take(max) : neuron.Texts;
        return neuron with { Texts = [.. texts.Select(t => profile.WindowTokens ? Window(t) : t)] };
    }

    private static NeuroscopeText Window(NeuroscopeText text)
    {
        var w = text.Truncated;
        return w.Start == 0 && w.End == text.Tokens.Length
            ? text
            : text with { MaxTokenIndex = text.MaxTokenIndex - w.Start, Tokens = text.Tokens[w.Start..w.End], Values = text.Values[w.Start..w.End] };
    }
}
