using System.Collections.Concurrent;

namespace NeuroNav.Corpus.Graphs;

/// <summary>How many similar neurons to keep per neuron, and how similar they must be.</summary>
/// <param name="TopK">Similar neurons kept per neuron, most similar first.</param>
/// <param name="Threshold">The least Jaccard similarity kept; must be in (0, 1].</param>
/// <param name="Parallelism">Worker threads.</param>
public sealed record SimilarityOptions(int TopK = 10, double Threshold = 0.2, int Parallelism = 2);

/// <summary>
/// Similar neurons from the neuron store. The similarity of two neurons is the Jaccard index of their token sets
/// (each neuron's tokens from <c>activating</c> ∪ <c>important</c> of <c>neuron_store.json</c>):
/// <c>|A ∩ B| / |A ∪ B|</c>. It is symmetric, 1 for equal sets, 0 for disjoint ones; a neuron with no tokens is similar to
/// no one. Only pairs that share a token are ever compared, through an inverted index (token → neurons) with prefix
/// filtering: tokens are ordered rarest first and each neuron indexes only its first <c>|A| - ⌈t·|A|⌉ + 1</c> tokens,
/// which two sets with similarity ≥ t always share, so very common tokens rarely enter the index and the result is exact.
/// Ties rank by (layer, neuron). Work is split over neurons in parallel; memory is a few bytes per (neuron, token) pair
/// plus k results per neuron.
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

        var ranked = RankByRarity(sets);
        var (postStarts, postings) = PrefixIndex(ranked, sets.TokenCount, options.Threshold);
        var results = new IReadOnlyList<SimilarNeuron>[n];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallelism), CancellationToken = ct };
        Parallel.ForEach(
            Partitioner.Create(0, n, Math.Max(64, n / (options.Parallelism * 16) + 1)),
            parallel,
            () => new int[n],
            (range, _, seen) =>
            {
                for (var a = range.Item1; a < range.Item2; a++)
                {
                    results[a] = Neighbours(a, sets, ranked, postStarts, postings, seen, options);
                }

                return seen;
            },
            _ => { });
        return results;
    }

    private static IReadOnlyList<SimilarNeuron> Neighbours(
        int a, TokenSets sets, int[][] ranked, int[] postStarts, int[] postings, int[] seen, SimilarityOptions options)
    {
        var mine = ranked[a];
        if (mine.Length == 0)
        {
            return [];
        }

        var t = options.Threshold;
        var stamp = a + 1;
        var best = new PriorityQueue<(int Other, double Similarity, int Shared), (double, int)>();
        var prefix = PrefixLength(mine.Length, t);
        for (var i = 0; i < prefix; i++)
        {
            var token = mine[i];
            for (var p = postStarts[token]; p < postStarts[token + 1]; p++)
            {
                var b = postings[p];
                if (b == a || seen[b] == stamp)
                {
                    continue;
                }

                seen[b] = stamp;
                var other = ranked[b];
                if (other.Length < t * mine.Length || other.Length * t > mine.Length)
                {
                    continue;
                }

                var shared = Intersect(mine, other);
                var similarity = (double)shared / (mine.Length + other.Length - shared);
                if (similarity < t)
                {
                    continue;
                }

                // Min-heap on (similarity, -index): the root is the weakest kept neighbour.
                best.Enqueue((b, similarity, shared), (similarity, -b));
                if (best.Count > options.TopK)
                {
                    best.Dequeue();
                }
            }
        }

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

    /// <summary>Each neuron's tokens renumbered by rarity (0 = the rarest token), ascending.</summary>
    private static int[][] RankByRarity(TokenSets sets)
    {
        var df = new int[sets.TokenCount];
        foreach (var token in sets.Tokens)
        {
            df[token]++;
        }

        var order = Enumerable.Range(0, sets.TokenCount).OrderBy(t => df[t]).ThenBy(t => t).ToArray();
        var rank = new int[sets.TokenCount];
        for (var r = 0; r < order.Length; r++)
        {
            rank[order[r]] = r;
        }

        var ranked = new int[sets.Neurons.Count][];
        for (var i = 0; i < ranked.Length; i++)
        {
            var row = sets.Of(i).ToArray();
            for (var j = 0; j < row.Length; j++)
            {
                row[j] = rank[row[j]];
            }

            Array.Sort(row);
            ranked[i] = row;
        }

        return ranked;
    }

    /// <summary>token rank → the neurons whose prefix holds it (ascending), as offsets and a flat array.</summary>
    private static (int[] Starts, int[] Postings) PrefixIndex(int[][] ranked, int tokens, double threshold)
    {
        var starts = new int[tokens + 1];
        foreach (var row in ranked)
        {
            for (var i = 0; i < PrefixLength(row.Length, threshold); i++)
            {
                starts[row[i] + 1]++;
            }
        }

        for (var t = 0; t < tokens; t++)
        {
            starts[t + 1] += starts[t];
        }

        var postings = new int[starts[tokens]];
        var fill = (int[])starts.Clone();
        for (var n = 0; n < ranked.Length; n++)
        {
            var row = ranked[n];
            for (var i = 0; i < PrefixLength(row.Length, threshold); i++)
            {
                postings[fill[row[i]]++] = n;
            }
        }

        return (starts, postings);
    }

    private static int PrefixLength(int size, double threshold) =>
        size == 0 ? 0 : Math.Clamp(size - (int)Math.Ceiling((threshold * size) - 1e-9) + 1, 1, size);

    private static int Intersect(int[] x, int[] y)
    {
        int i = 0, j = 0, shared = 0;
        while (i < x.Length && j < y.Length)
        {
            if (x[i] == y[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (x[i] < y[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return shared;
    }
}
