using NeuroNav.Core;

namespace NeuroNav.Build.Stats;

/// <summary>
/// How concentrated a neuron's top activations are on few distinct tokens: the token at each stored text's max-activating
/// position, the most frequent of them (<see cref="Token"/>, ties to the one met first in text order) and its
/// <see cref="Share"/> of the texts. A share of 1 means every top example peaks on the same token; 1/texts means no two agree.
/// Texts whose max token index lies outside their tokens are left out.
/// </summary>
public readonly record struct TopTokens(string? Token, double? Share, int Distinct)
{
    public static readonly TopTokens None = new(null, null, 0);

    public static TopTokens Of(IReadOnlyList<NeuroscopeText> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var order = new List<string>();
        var total = 0;
        foreach (var text in texts)
        {
            if (text.MaxTokenIndex < 0 || text.MaxTokenIndex >= text.Tokens.Length)
            {
                continue;
            }

            var token = text.Tokens[text.MaxTokenIndex];
            total++;
            if (counts.TryGetValue(token, out var c))
            {
                counts[token] = c + 1;
            }
            else
            {
                counts[token] = 1;
                order.Add(token);
            }
        }

        if (total == 0)
        {
            return None;
        }

        var best = order[0];
        foreach (var token in order)
        {
            if (counts[token] > counts[best])
            {
                best = token;
            }
        }

        return new TopTokens(best, counts[best] / (double)total, counts.Count);
    }
}
