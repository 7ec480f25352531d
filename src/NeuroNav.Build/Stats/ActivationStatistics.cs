using NeuroNav.Core;

namespace NeuroNav.Build.Stats;

/// <summary>
/// A neuron's statistics over its stored max-activating examples. Every token of every stored text counts, so the
/// moments describe the top examples, a sample biased towards high activations, not the neuron's activations over a dataset.
/// </summary>
/// <param name="TopExampleRange">Max Act − Min Act of the text with the highest Max Act: the single-example measure earlier archives ranked by.</param>
/// <param name="Activations">Moments of every finite activation of every stored text.</param>
/// <param name="TopTokens">How concentrated the texts' max-activating tokens are.</param>
public sealed record ActivationStatistics(double? TopExampleRange, Moments Activations, TopTokens TopTokens)
{
    public static readonly ActivationStatistics Empty = new(null, Moments.None, TopTokens.None);

    /// <summary>The default interest score (<see cref="InterestRanking"/>): the excess kurtosis, null where undefined.</summary>
    public double? Interest => Activations.ExcessKurtosis is { } k && double.IsFinite(k) ? k : null;

    public static ActivationStatistics Of(IReadOnlyList<NeuroscopeText> texts)
    {
        if (texts.Count == 0)
        {
            return Empty;
        }

        NeuroscopeText? top = null;
        foreach (var text in texts)
        {
            if (float.IsFinite(text.MaxActivation) && (top is null || text.MaxActivation > top.MaxActivation))
            {
                top = text;
            }
        }

        double? range = top is not null && float.IsFinite(top.MinActivation) ? (double)top.MaxActivation - top.MinActivation : null;
        return new ActivationStatistics(range, Moments.Of(texts.Select(t => t.Values)), TopTokens.Of(texts));
    }
}
