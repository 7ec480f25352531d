using System.Globalization;
using System.Text;
using NeuroNav.Core;

namespace NeuroNav.Fetch.Tests.Neuroscope;

/// <summary>One text of a synthetic page; the <c>*Text</c> overrides replace what the generator would print.</summary>
internal sealed class PageText
{
    public required string[] Tokens { get; init; }

    public required double[] Values { get; init; }

    public long DataIndex { get; init; } = 4521789;

    public string Dataset { get; init; } = "Open Web Text";

    /// <summary>Defaults to the first index of the largest value, as <c>acts.argmax()</c>.</summary>
    public int? MaxTokenIndex { get; init; }

    public string? MaxActText { get; init; }

    public string? MinActText { get; init; }

    /// <summary>Replaces the truncated render's tokens and values (default: the window of the full text).</summary>
    public string[]? TruncatedTokens { get; init; }

    public double[]? TruncatedValues { get; init; }

    /// <summary>The CircuitsVis version of this text's two renders (default: the page's).</summary>
    public string? Version { get; init; }

    public bool Unversioned { get; init; }

    public int ArgMax => MaxTokenIndex ?? ArgMaxOf(Values);

    private static int ArgMaxOf(double[] v)
    {
        var best = 0;
        for (var i = 1; i < v.Length; i++)
        {
            if (double.IsNaN(v[i]) && !double.IsNaN(v[best]))
            {
                return i;
            }

            if (v[i] > v[best])
            {
                best = i;
            }
        }

        return best;
    }
}

/// <summary>Writes a neuron page byte for byte as neuroscope.io's generator does (SOURCE-FORMATS §1.6).</summary>
internal sealed class NeuroscopePageBuilder
{
    private int _uuidCounter;

    public string Model { get; init; } = "gpt2-small";

    public string FancyModel { get; init; } = "GPT-2 Small: 12 Layers, 3072 Neurons per Layer";

    public string FancyDataset { get; init; } = "Open Web Text";

    public int Layer { get; init; } = 3;

    public int Neuron { get; init; } = 1337;

    public int NeuronsPerLayer { get; init; } = 3072;

    public string Version { get; init; } = "1.38.1";

    /// <summary>Page-wide maximum (float32); defaults to the max over all texts' values.</summary>
    public double? MaxValue { get; init; }

    public IReadOnlyList<string>? Uuids { get; init; }

    public List<PageText> Texts { get; init; } = [];

    public NeuronId Id => new(Model, Layer, Neuron);

    public double PageMax => MaxValue ?? (Texts.Count == 0 ? double.NaN : Texts.Select(t => F32Max(t.Values)).Max());

    public string Build()
    {
        var header = string.Join('\n', HeaderLines());
        var texts = Texts.Select((t, i) => BuildText(t, i));
        return header + "\n<hr>\n" + "" + "\n<hr>\n" + string.Join("\n<hr>\n", texts);
    }

    public byte[] BuildBytes() => Encoding.UTF8.GetBytes(Build());

    private IEnumerable<string> HeaderLines()
    {
        yield return "<div style='font-size:medium;'>";
        if (Neuron > 0)
        {
            yield return Inv($"< <a href='./{Neuron - 1}.html'>Prev</a> | ");
        }

        yield return "<a href='../../index.html'>Home</a> | ";
        yield return "<a href='../model.html'>Model</a> | ";
        yield return Inv($"<a href='javascript:void(0)' onclick=\"location.href='./' + Math.floor(Math.random() * {NeuronsPerLayer}) + '.html'\">Random</a> | ");
        yield return Inv($"<a href='./{Neuron + 1}.html'>Next</a> >");
        yield return "</div>";
        yield return $"<h1>Model: {FancyModel}</h1>";
        yield return $"<h1>Dataset: {FancyDataset}</h1>";
        yield return Inv($"<h2>Neuron {Neuron} in Layer {Layer} </h2>");
        yield return "<h2>Load this data into an <a href='https://neelnanda.io/interactive-neuroscope'>Interactive Neuroscope</a></h2>";
        yield return "<h3><a href='https://neelnanda.io/neuroscope-docs'>See Documentation here</a></h3>";
        yield return $"<h3>Transformer Lens Loading: <span style='font-family: \"Courier New\"'>HookedTransformer.from_pretrained('{Model}')</span></h3>";
    }

    private string BuildText(PageText t, int i)
    {
        var max = PageMax;
        var argmax = t.ArgMax;
        var window = TokenWindow.Around(argmax, t.Tokens.Length);
        var truncTokens = t.TruncatedTokens ?? t.Tokens[window.Start..window.End];
        var truncValues = t.TruncatedValues ?? t.Values[window.Start..window.End];
        var version = t.Unversioned ? null : t.Version ?? Version;
        string[] lines =
        [
            $"<h4>Max Range: <b>{PythonFormat.F4(max)}</b>. Min Range: <b>{PythonFormat.F4(-max)}</b></h4>",
            $"<h4>Max Act: <b>{t.MaxActText ?? PythonFormat.F4(F32Max(t.Values))}</b>. Min Act: <b>{t.MinActText ?? PythonFormat.F4(F32Min(t.Values))}</b></h4>",
            Inv($"<h4>Data Index: <b>{t.DataIndex}</b> ({t.Dataset})</h4>"),
            Inv($"<h4>Max Activating Token Index: <b>{argmax}</b></h4>"),
            "<details><summary><b style='color: red'>Click toggle to see full text</b>",
            "<h3>Truncated</h3>",
            Render(truncTokens, truncValues, max, version),
            "</summary>",
            Inv($"<h3>Full Text #{i}</h3>"),
            Render(t.Tokens, t.Values, max, version),
            "</details>",
        ];
        return Inv($"<h2>Text #{i}</h2>") + string.Join('\n', lines);
    }

    private string Render(string[] tokens, double[] values, double max, string? version)
    {
        var uuid = Uuids is { } u ? u[_uuidCounter++] : Inv($"circuits-vis-{_uuidCounter++:x8}-0000");
        var url = version is null ? "https://unpkg.com/circuitsvis/dist/cdn/esm.js" : $"https://unpkg.com/circuitsvis@{version}/dist/cdn/esm.js";
        var props = new StringBuilder("{\"tokens\": [");
        props.AppendJoin(", ", tokens.Select(PythonFormat.JsonString));
        props.Append("], \"values\": [").AppendJoin(", ", values.Select(PythonFormat.Repr));
        props.Append("], \"minValue\": ").Append(PythonFormat.Repr(-max)).Append(", \"maxValue\": ").Append(PythonFormat.Repr(max)).Append('}');
        string[] lines =
        [
            $"<div id=\"{uuid}\" style=\"margin: 15px 0;\"/>",
            "    <script crossorigin type=\"module\">",
            $"    import {{ render, ColoredTokens }} from \"{url}\";",
            "    render(",
            $"      \"{uuid}\",",
            "      ColoredTokens,",
            $"      {props}",
            "    )",
            "    </script>",
        ];
        return string.Join('\n', lines);
    }

    /// <summary>float32 max as torch computes it: NaN wins.</summary>
    private static double F32Max(double[] v) => v.Any(double.IsNaN) ? double.NaN : v.Length == 0 ? double.NaN : (float)v.Max();

    private static double F32Min(double[] v) => v.Any(double.IsNaN) ? double.NaN : v.Length == 0 ? double.NaN : (float)v.Min();

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
