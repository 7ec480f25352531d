using NeuroNav.Build.Html;
using NeuroNav.Corpus.Gpt4;

namespace NeuroNav.Build.Gpt4;

/// <summary>
/// What <c>templates/gpt4.sbn</c> receives as <c>page</c>. Heatmaps are rendered when the template reads them, so a
/// layer's sections hold only their data. Source text is raw here: the template escapes it; heatmaps are escaped HTML.
/// </summary>
internal sealed class Gpt4PageView
{
    private static readonly string[] QuantileLabels = ["0–50%", "50–90%", "90–99%", "99–99.9%", "99.9–100%"];

    private readonly Gpt4Neuron _neuron;
    private readonly IReadOnlyDictionary<(int Layer, int Neuron), RelatedInfo> _related;
    private readonly ColorScale _scale;

    public Gpt4PageView(Gpt4Neuron neuron, IReadOnlyDictionary<(int Layer, int Neuron), RelatedInfo> related)
    {
        _neuron = neuron;
        _related = related;
        _scale = Gpt4Heatmap.ScaleOf(
            neuron.Explanations.SelectMany(e => e.Simulations.SelectMany(s => (float[][])[s.TrueActivations, s.SimulatedActivations]))
                .Concat(neuron.Activations?.Records.Select(r => r.Activations) ?? []));
    }

    public string Explanation => _neuron.Explanations[0].Text;

    public string Score => Format(_neuron.Explanations[0].EvCorrelationScore);

    /// <summary>The colour scale of every GPT-4 heatmap of the page: ± this value is full colour.</summary>
    public string Scale => Numbers.Rounded(_scale.Max);

    public IReadOnlyList<ExplanationView> Explanations =>
        [.. _neuron.Explanations.Select(e => new ExplanationView(e, _scale))];

    public ActivationsView? Activations => _neuron.Activations is { } a ? new ActivationsView(a, _scale) : null;

    private static readonly (Gpt4Direction Direction, string Title)[] Directions =
        [(Gpt4Direction.Input, "Upstream (input weights, c_fc)"), (Gpt4Direction.Output, "Downstream (output weights, c_proj)")];

    public IReadOnlyList<DirectionView>? RelatedNeurons => _neuron.RelatedNeurons is not { } related ? null :
    [
        .. Directions.Select(d => new DirectionView(d.Title, [.. related.Where(r => r.Direction == d.Direction).OrderBy(r => !r.Positive).ThenBy(r => r.Rank).Select(View)])),
    ];

    public IReadOnlyList<TokenListView>? RelatedTokens => _neuron.RelatedTokens is not { } tokens ? null :
    [
        .. Enum.GetValues<Gpt4TokenKind>()
            .Select(k => new TokenListView(TokenTitle(k), [.. tokens.Where(t => t.Kind == k).OrderBy(t => t.Rank).Take(20).Select(t => new TokenView(ListingViews.Visible(t.Token), Format(t.Value)))]))
            .Where(l => l.Tokens.Count > 0),
    ];

    public IReadOnlyList<FileView> Files =>
        [.. _neuron.Files.OrderBy(f => f.Key).Select(f => new FileView(Gpt4Datasets.Name(f.Key).Replace('_', ' '), HttpLinks.OrNull(f.Value.Url)))];

    internal static string Format(double? value) => value is { } v && double.IsFinite(v) ? Numbers.Score(v) : "–";

    private RelatedNeuronView View(Gpt4RelatedNeuron r)
    {
        var info = _related.GetValueOrDefault((r.Layer, r.Neuron));
        var href = info is not { HasPage: true } ? null : r.Layer == _neuron.Id.Layer ? $"{Numbers.Int(r.Neuron)}.html" : $"../{Numbers.Int(r.Layer)}/{Numbers.Int(r.Neuron)}.html";
        return new RelatedNeuronView(href, $"Layer {Numbers.Int(r.Layer)} neuron {Numbers.Int(r.Neuron)}", r.Positive ? "positive" : "negative", Format(r.Weight), info?.Explanation, info?.Explanation is null ? null : Format(info.Score));
    }

    private static string TokenTitle(Gpt4TokenKind kind) => kind switch
    {
        Gpt4TokenKind.Activation => "Highest average activation",
        Gpt4TokenKind.InputPositive => "Input tokens, positive weight",
        Gpt4TokenKind.InputNegative => "Input tokens, negative weight",
        Gpt4TokenKind.OutputPositive => "Output tokens, positive weight",
        _ => "Output tokens, negative weight",
    };

    internal sealed class ExplanationView(Gpt4Explanation e, ColorScale scale)
    {
        public int Rank => e.Index + 1;

        public string Text => e.Text;

        public string EvCorrelationScore => Format(e.EvCorrelationScore);

        public string RsquaredScore => Format(e.RSquaredScore);

        public string AbsoluteDevExplainedScore => Format(e.AbsoluteDevExplainedScore);

        public IReadOnlyList<SequenceView> Sequences =>
            [.. e.Simulations.Select(s => new SequenceView(s, Group(s.Index, e.Simulations.Count), scale))];

        // OpenAI scores on 5 top-activating then 5 random sequences (its viewer's split).
        private static string Group(int index, int count) => count == 10 ? (index < 5 ? "top-activating" : "random") : "";
    }

    internal sealed class SequenceView(Gpt4Simulation s, string group, ColorScale scale)
    {
        public int Number => s.Index + 1;

        public string Group => group;

        public string EvCorrelationScore => Format(s.EvCorrelationScore);

        public string RsquaredScore => Format(s.RSquaredScore);

        public string Real => Gpt4Heatmap.Render(s.Tokens, s.TrueActivations, scale, Gpt4Heatmap.ArgMax(s.TrueActivations));

        public string Simulated => Gpt4Heatmap.Render(s.Tokens, s.SimulatedActivations, scale, Gpt4Heatmap.ArgMax(s.TrueActivations));
    }

    internal sealed class ActivationsView(Gpt4Activations a, ColorScale scale)
    {
        public string Mean => Format(a.Mean);

        public string Variance => Format(a.Variance);

        public string Skewness => Format(a.Skewness);

        public string Kurtosis => Format(a.Kurtosis);

        public string QuantileBoundaries => a.QuantileBoundaries.Length == 0 ? "–" : string.Join(", ", a.QuantileBoundaries.Select(q => Format(q)));

        /// <summary>Top records, then the quantile buckets from the highest down, then the random sample (the order OpenAI's viewer uses).</summary>
        public IReadOnlyList<SampleView> Samples
        {
            get
            {
                var buckets = a.Records.Where(r => r.Kind == Gpt4RecordKind.Quantile).GroupBy(r => r.Bucket).OrderByDescending(g => g.Key).ToList();
                var count = buckets.Count == 0 ? 0 : buckets.Max(b => b.Key) + 1;
                return
                [
                    Sample("Top activating", a.Records.Where(r => r.Kind == Gpt4RecordKind.Top)),
                    .. buckets.Select(b => Sample($"Quantile range {(count == QuantileLabels.Length ? QuantileLabels[b.Key] : "#" + Numbers.Int(b.Key))}", b)),
                    Sample("Random", a.Records.Where(r => r.Kind == Gpt4RecordKind.Random)),
                ];
            }
        }

        private SampleView Sample(string title, IEnumerable<Gpt4ActivationRecord> records) =>
            new(title, [.. records.OrderBy(r => r.Index).Select(r => new RecordView(r, scale))]);
    }

    internal sealed class RecordView(Gpt4ActivationRecord r, ColorScale scale)
    {
        public string MaxActivation => r.Activations.Any(float.IsFinite) ? Format(r.Activations.Where(float.IsFinite).Max()) : "–";

        public string Html => Gpt4Heatmap.Render(r.Tokens, r.Activations, scale, Gpt4Heatmap.ArgMax(r.Activations));
    }
}

internal sealed record SampleView(string Title, IReadOnlyList<Gpt4PageView.RecordView> Records);

internal sealed record DirectionView(string Title, IReadOnlyList<RelatedNeuronView> Neurons);

internal sealed record RelatedNeuronView(string? Href, string Label, string Sign, string Weight, string? Explanation, string? Score);

internal sealed record TokenListView(string Title, IReadOnlyList<TokenView> Tokens);

internal sealed record TokenView(string Token, string Value);

/// <summary>A dataset file; <see cref="Url"/> is null (no link) unless the provenance URL is absolute http(s).</summary>
internal sealed record FileView(string Dataset, string? Url);
