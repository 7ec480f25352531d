using NeuroNav.Build.Pages;

namespace NeuroNav.Build.Stats;

/// <summary>
/// The default order of "interesting" neurons in listings: by excess kurtosis of the activations in the stored examples,
/// highest first (a neuron that is near zero on most tokens of its top texts and fires hard on a few scores high);
/// neurons whose kurtosis is undefined (no finite activation, or all equal) come after all others; ties by max activation,
/// highest first (none last), then by neuron number.
/// </summary>
public static class InterestRanking
{
    public static IReadOnlyList<NeuronSummary> Order(IEnumerable<NeuronSummary> neurons) =>
        [.. neurons.Order(Comparer.Instance)];

    /// <summary>The first <paramref name="count"/> neurons of <see cref="Order"/>.</summary>
    public static IReadOnlyList<NeuronSummary> Top(IEnumerable<NeuronSummary> neurons, int count) =>
        [.. neurons.Order(Comparer.Instance).Take(count)];

    private sealed class Comparer : IComparer<NeuronSummary>
    {
        public static readonly Comparer Instance = new();

        public int Compare(NeuronSummary? x, NeuronSummary? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? 1 : -1;
            }

            var byInterest = Descending(x.Statistics.Interest, y.Statistics.Interest);
            if (byInterest != 0)
            {
                return byInterest;
            }

            var byMax = Descending(Api.JsonOutput.Finite(x.MaxActivation), Api.JsonOutput.Finite(y.MaxActivation));
            return byMax != 0 ? byMax : x.Neuron.CompareTo(y.Neuron);
        }


        /// <summary>Higher first; null after every number.</summary>
        private static int Descending(double? a, double? b) => (a, b) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            _ => b!.Value.CompareTo(a!.Value),
        };
    }
}
