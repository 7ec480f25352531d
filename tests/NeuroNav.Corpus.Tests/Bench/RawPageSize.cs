using System.Globalization;
using System.Text;
using NeuroNav.Core;

namespace NeuroNav.Corpus.Bench;

/// <summary>
/// Estimates the bytes of the neuroscope.io page that holds a neuron: per text the props JSON of the full render and of the
/// truncated window (tokens with ensure_ascii escaping, values as Python repr of round(x, 6)), plus the fixed markup.
/// </summary>
internal static class RawPageSize
{
    private const int PageHeader = 900;
    private const int PerTextMarkup = 1_150;

    public static long Of(NeuroscopeNeuron neuron)
        => PageHeader + neuron.Texts.Sum(t =>
        {
            var window = t.Truncated;
            return PerTextMarkup + Props(t, 0, t.Tokens.Length) + Props(t, window.Start, window.End);
        });

    private static long Props(NeuroscopeText text, int start, int end)
    {
        long bytes = "{\"tokens\": [], \"values\": [], \"minValue\": -2.875200033187866, \"maxValue\": 2.875200033187866}".Length;
        for (var i = start; i < end; i++)
        {
            bytes += JsonString(text.Tokens[i]) + 2 + PythonRepr(text.Values[i]) + 2;
        }

        return bytes;
    }

    private static int JsonString(string token)
    {
        var n = 2;
        foreach (var c in token)
        {
            n += c switch
            {
                '"' or '\\' or '\n' or '\r' or '\t' or '\b' or '\f' => 2,
                < ' ' or > '~' => 6,
                _ => 1,
            };
        }

        return n;
    }

    private static int PythonRepr(float value)
    {
        if (!float.IsFinite(value))
        {
            return float.IsNaN(value) ? 3 : value > 0 ? 8 : 9;
        }

        var text = Math.Round((double)value, 6).ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text.Length : text.Length + 2;
    }

    public static string Describe(long bytes, long neurons)
        => new StringBuilder().Append(CultureInfo.InvariantCulture, $"{bytes / (double)neurons / 1024:F1} KiB/neuron").ToString();
}
