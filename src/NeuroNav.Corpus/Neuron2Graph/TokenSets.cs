namespace NeuroNav.Corpus.Neuron2Graph;

/// <summary>
/// Each neuron's set of tokens (activating ∪ important) in compact form: tokens and neurons are numbered densely and the
/// sets are stored as one flat array of token numbers with row offsets, so a 307,200-neuron store costs a few bytes per
/// (neuron, token) pair. Build with <see cref="Builder"/>.
/// </summary>
public sealed class TokenSets
{
    private TokenSets((int Layer, int Neuron)[] neurons, int[] starts, int[] tokens, int tokenCount)
    {
        Neurons = neurons;
        Starts = starts;
        Tokens = tokens;
        TokenCount = tokenCount;
    }

    /// <summary>The neurons, by dense number, sorted by (layer, neuron).</summary>
    public IReadOnlyList<(int Layer, int Neuron)> Neurons { get; }

    /// <summary>Distinct tokens over all neurons.</summary>
    public int TokenCount { get; }

    /// <summary>Neuron <c>i</c>'s tokens are <c>Tokens[Starts[i]..Starts[i+1]]</c>, ascending, distinct.</summary>
    internal int[] Starts { get; }

    internal int[] Tokens { get; }

    public int SizeOf(int neuron) => Starts[neuron + 1] - Starts[neuron];

    internal ReadOnlySpan<int> Of(int neuron) => Tokens.AsSpan(Starts[neuron], SizeOf(neuron));

    /// <summary>Collects (neuron, token) pairs; repeated pairs and the activating/important distinction collapse.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, int> _tokens = new(StringComparer.Ordinal);
        private readonly Dictionary<(int Layer, int Neuron), int> _neurons = [];
        private readonly List<(int Layer, int Neuron)> _neuronKeys = [];
        private int[] _pairNeuron = new int[1024];
        private int[] _pairToken = new int[1024];
        private int _pairs;

        public void Add(int layer, int neuron, string token)
        {
            if (!_neurons.TryGetValue((layer, neuron), out var n))
            {
                n = _neuronKeys.Count;
                _neurons.Add((layer, neuron), n);
                _neuronKeys.Add((layer, neuron));
            }

            if (!_tokens.TryGetValue(token, out var t))
            {
                t = _tokens.Count;
                _tokens.Add(token, t);
            }

            if (_pairs == _pairNeuron.Length)
            {
                Array.Resize(ref _pairNeuron, _pairs * 2);
                Array.Resize(ref _pairToken, _pairs * 2);
            }

            _pairNeuron[_pairs] = n;
            _pairToken[_pairs++] = t;
        }

        /// <summary>Adds a neuron with no tokens (it will have no similar neurons, and is no one's).</summary>
        public void AddNeuron(int layer, int neuron)
        {
            if (_neurons.TryAdd((layer, neuron), _neuronKeys.Count))
            {
                _neuronKeys.Add((layer, neuron));
            }
        }

        public TokenSets Build()
        {
            // Renumber neurons in (layer, neuron) order, then counting-sort the pairs by neuron.
            var order = Enumerable.Range(0, _neuronKeys.Count).OrderBy(i => _neuronKeys[i].Layer).ThenBy(i => _neuronKeys[i].Neuron).ToArray();
            var renumber = new int[order.Length];
            for (var i = 0; i < order.Length; i++)
            {
                renumber[order[i]] = i;
            }

            var starts = new int[order.Length + 1];
            for (var p = 0; p < _pairs; p++)
            {
                starts[renumber[_pairNeuron[p]] + 1]++;
            }

            for (var i = 0; i < order.Length; i++)
            {
                starts[i + 1] += starts[i];
            }

            var fill = (int[])starts.Clone();
            var tokens = new int[_pairs];
            for (var p = 0; p < _pairs; p++)
            {
                tokens[fill[renumber[_pairNeuron[p]]]++] = _pairToken[p];
            }

            // Sort and deduplicate each row in place, then compact.
            var write = 0;
            var compactStarts = new int[order.Length + 1];
            for (var i = 0; i < order.Length; i++)
            {
                var row = tokens.AsSpan(starts[i], starts[i + 1] - starts[i]);
                row.Sort();
                compactStarts[i] = write;
                for (var j = 0; j < row.Length; j++)
                {
                    if (j == 0 || row[j] != row[j - 1])
                    {
                        tokens[write++] = row[j];
                    }
                }
            }

            compactStarts[order.Length] = write;
            Array.Resize(ref tokens, write);
            return new TokenSets([.. order.Select(i => _neuronKeys[i])], compactStarts, tokens, _tokens.Count);
        }
    }
}
