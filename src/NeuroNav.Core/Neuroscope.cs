namespace NeuroNav.Core;

/// <summary>One max-activating dataset example of a Neuroscope page (docs/sources/neuroscope.md#text-sections).</summary>
/// <param name="Index">Position on the page: Text #Index.</param>
/// <param name="MaxActivation">"Max Act" as the header prints it (4 decimals).</param>
/// <param name="MinActivation">"Min Act" as the header prints it (4 decimals).</param>
/// <param name="DataIndex">Row of the tokenised dataset.</param>
/// <param name="Dataset">The per-text dataset label, e.g. "Open Web Text" or "Python Code".</param>
/// <param name="MaxTokenIndex">Index of the max-activating token in <see cref="Tokens"/> (0 is BOS).</param>
/// <param name="Tokens">The full text's tokens.</param>
/// <param name="Values">The full text's activations, one per token, as the page prints them.</param>
public sealed record NeuroscopeText(
    int Index,
    float MaxActivation,
    float MinActivation,
    long DataIndex,
    string Dataset,
    int MaxTokenIndex,
    string[] Tokens,
    float[] Values)
{
    /// <summary>The window Neuroscope shows truncated: 50 tokens before the max, the max, 10 after.</summary>
    public TokenWindow Truncated => TokenWindow.Around(MaxTokenIndex, Tokens.Length);
}

/// <summary>Half-open token range [Start, End).</summary>
public readonly record struct TokenWindow(int Start, int End)
{
    public const int Before = 50;
    public const int After = 10;

    public int Length => End - Start;

    public static TokenWindow Around(int maxTokenIndex, int length)
    {
        var start = Math.Clamp(maxTokenIndex - Before, 0, length);
        var end = Math.Clamp(maxTokenIndex + After + 1, start, length);
        return new TokenWindow(start, end);
    }
}

/// <summary>A neuron's Neuroscope page, parsed.</summary>
/// <param name="MaxRange">The page-wide colour scale maximum (<c>maxValue</c>, full precision).</param>
/// <param name="MinRange">The page-wide colour scale minimum (<c>minValue</c>; -MaxRange on real pages).</param>
/// <param name="CircuitsVisVersion">The CircuitsVis version in the page's import URL, null when unversioned.</param>
public sealed record NeuroscopeNeuron(
    NeuronId Id,
    double MaxRange,
    double MinRange,
    string? CircuitsVisVersion,
    IReadOnlyList<NeuroscopeText> Texts,
    Provenance Provenance);
