using System.Collections.Concurrent;

namespace NeuroNav.Corpus.Neuron2Graph;

/// <summary>How many similar neurons to keep per neuron, how similar they must be, and which tokens are too common to count.</summary>
/// <param name="TopK">Similar neurons kept per neuron, most similar first.</param>
/// <param name="Threshold">The least Jaccard similarity kept; must be in (0, 1].</param>
/// <param name="Parallelism">Worker threads.</param>
/// <param name="CommonTokenShare">A token listed for more than this share of the model's neurons (and more than
/// <paramref name="CommonTokenFloor"/> neurons) is ignored, like a stop word: it says nothing about which neurons are alike.</param>
/// <param name="CommonTokenFloor">Tokens of at most this many neurons always count, however small the store.</param>
public sealed record SimilarityOptions(int TopK = 10, double Threshold = 0.2, int Parallelism = 2, double CommonTokenShare = 0.01, int CommonTokenFloor = 1000);

/// <summary>
/// Similar neurons from the neuron store. The similarity of two neurons is the Jaccard index of their token sets
/// (each neuron's tokens from <c>activating</c> ∪ <c>important</c> of <c>neuron_store.json</c>, without the very common
/// tokens of <see cref="SimilarityOptions.CommonTokenShare"/>): <c>|A ∩ B| / |A ∪ B|</c>. It is symmetric, 1 for equal sets,
/// 0 for disjoint ones; a neuron with no (counted) tokens is similar to no one. Only pairs that share a token are ever
/// compared: an inverted index (token → neurons) gives each neuron its overlap with every neuron it shares a token with,
/// in one pass over its tokens' postings, so the work is Σ df² over the counted tokens, not N². Ties rank by
/// (layer, neuron). Neurons are split over threads; memory is a few bytes per (neuron, token) pair, one counter per neuron
/// per thread, and k results per neuron.
/// </summary>
public static class SimilarNeurons
{
    public static IReadOnlyList<SimilarNeuron>[] Compute(TokenSets sets, SimilarityOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(sets);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TopK, 1);
        if (!(options.Threshold > 0 && options.Threshold <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Threshold, "similarity threshold must be in (0, 1]");
        }

        var n = sets.Neurons.Count;
        if (n == 0)
        {
            return [];
        }

        var maxDf = Math.Max(options.CommonTokenFloor, (int)(options.CommonTokenShare * n));
        var counted = Counted(sets, maxDf);
        var (postStarts, postings) = Index(counted, sets.TokenCount);
        var results = new IReadOnlyList<SimilarNeuron>[n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = ct };
        Parallel.ForEach(
            Partitioner.Create(0, n, Math.Max(64, (n / (options.Parallelism * 16)) + 1)),
            parallel,
            () => (Overlap: new int[n], Touched: new List<int>()),
            (range, _, scratch) =>
            {
                for (var a = range.Item1; a < range.Item2; a++)
                {
                    results[a] = Neighbours(a, sets, counted, postStarts, postings, scratch.Overlap, scratch.Touched, options);
                }

                return scratch;
            },
            _ => { });
        return results;
    }

    private static IReadOnlyList<SimilarNeuron> Neighbours(
        int a, TokenSets sets, int[][] counted, int[] postStarts, int[] postings, int[] overlap, List<int> touched, SimilarityOptions options)
    {
        var mine = counted[a];
        if (mine.Length == 0)
        {
            return [];
        }

        var t = options.Threshold;
        foreach (var token in mine)
        {
            for (var p = postStarts[token]; p < postStarts[token + 1]; p++)
            {
                var b = postings[p];
                if (b != a && overlap[b]++ == 0)
                {
                    touched.Add(b);
                }
            }
        }

        // Min-heap on (similarity, -index): the root is the weakest kept neighbour.
        var best = new PriorityQueue<(int Other, double Similarity, int Shared), (double, int)>();
        foreach (var b in touched)
        {
            var shared = overlap[b];
            overlap[b] = 0;
            var similarity = (double)shared / (mine.Length + counted[b].Length - shared);
            if (similarity < t)
            {
                continue;
            }

            best.Enqueue((b, similarity, shared), (similarity, -b));
            if (best.Count > options.TopK)
            {
                best.Dequeue();
            }
        }

        touched.Clear();
        var kept = new List<(int Other, double Similarity, int Shared)>(best.Count);
        while (best.TryDequeue(out var item, out _))
        {
            kept.Add(item);
        }

        var (_, neuron) = sets.Neurons[a];
        return [.. kept
            .OrderByDescending(k => k.Similarity)
            .ThenBy(k => k.Other)
            .Select((k, rank) => new SimilarNeuron(neuron, rank + 1, sets.Neurons[k.Other].Layer, sets.Neurons[k.Other].Neuron, k.Similarity, k.Shared))];
    }

    /// <summary>Each neuron's tokens without those listed for more than <paramref name="maxDf"/> neurons.</summary>
    private static int[][] Counted(TokenSets sets, int maxDf)
    {
        var df = new int[sets.TokenCount];
        foreach (var token in sets.Tokens)
        {
            df[token]++;
        }

        var counted = new int[sets.Neurons.Count][];
        for (var i = 0; i < counted.Length; i++)
        {
            var row = sets.Of(i);
            var keep = 0;
            foreach (var token in row)
            {
                keep += df[token] <= maxDf ? 1 : 0;
            }

            var kept = new int[keep];
            var k = 0;
            foreach (var token in row)
            {
                if (df[token] <= maxDf)
                {
                    kept[k++] = token;
                }
            }

            counted[i] = kept;
        }

        return counted;
    }

    /// <summary>token → the neurons that count it (ascending), as offsets and a flat array.</summary>
    private static (int[] Starts, int[] Postings) Index(int[][] counted, int tokens)
    {
        var starts = new int[tokens + 1];
        foreach (var row in counted)
        {
            foreach (var token in row)
            {
                starts[token + 1]++;
            }
        }

        for (var t = 0; t < tokens; t++)
        {
            starts[t + 1] += starts[t];
        }

        var postings = new int[starts[tokens]];
        var fill = (int[])starts.Clone();
        for (var n = 0; n < counted.Length; n++)
        {
            foreach (var token in counted[n])
            {
                postings[fill[token]++] = n;
            }
        }

        return (starts, postings);
    }
}
