using System.Globalization;
using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Corpus.Tests;

/// <summary>
/// Neurons as a parser reads them from the sample generator's realistic pages (<see cref="TestPages.Neuron"/>).
/// Every call is a new fetch: a fresh draw of the neuron's texts with a later fetch time, so a refetched neuron
/// differs from its first copy.
/// </summary>
public sealed class RealisticNeurons(ulong seed = 7)
{
    private static readonly DateTimeOffset FirstFetch = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private ulong _fetches;

    public int TextCount { get; init; } = 20;

    public int TokensPerText { get; init; } = 1024;

    public NeuroscopeNeuron Neuron(string model, int layer, int neuron)
    {
        var fetch = _fetches++;
        var page = TestPages.Neuron(model, layer, neuron, TextCount, TokensPerText, unchecked((seed * 1_000_003) + fetch));
        var url = string.Create(CultureInfo.InvariantCulture, $"https://neuroscope.io/{model}/{layer}/{neuron}.html");
        var provenance = page.Expected.Provenance with { Url = url, FetchedAt = FirstFetch.AddSeconds(fetch) };
        return page.Expected with { Provenance = provenance };
    }
}
