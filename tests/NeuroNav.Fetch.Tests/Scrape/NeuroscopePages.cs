using System.Globalization;
using System.Text;

namespace NeuroNav.Fetch.Tests.Scrape;

/// <summary>Neuron pages in the exact generator format: the literal example of SOURCE-FORMATS §1.7, renumbered.</summary>
internal static class NeuroscopePages
{
    public const string Model = "gpt2-small";

    /// <summary>The page of gpt2-small layer 3 neuron 1337, byte for byte (no trailing newline).</summary>
    public const string Example = """
        <div style='font-size:medium;'>
        < <a href='./1336.html'>Prev</a> | 
        <a href='../../index.html'>Home</a> | 
        <a href='../model.html'>Model</a> | 
        <a href='javascript:void(0)' onclick="location.href='./' + Math.floor(Math.random() * 3072) + '.html'">Random</a> | 
        <a href='./1338.html'>Next</a> >
        </div>
        <h1>Model: GPT-2 Small: 12 Layers, 3072 Neurons per Layer</h1>
        <h1>Dataset: Open Web Text</h1>
        <h2>Neuron 1337 in Layer 3 </h2>
        <h2>Load this data into an <a href='https://neelnanda.io/interactive-neuroscope'>Interactive Neuroscope</a></h2>
        <h3><a href='https://neelnanda.io/neuroscope-docs'>See Documentation here</a></h3>
        <h3>Transformer Lens Loading: <span style='font-family: "Courier New"'>HookedTransformer.from_pretrained('gpt2-small')</span></h3>
        <hr>

        <hr>
        <h2>Text #0</h2><h4>Max Range: <b>2.8752</b>. Min Range: <b>-2.8752</b></h4>
        <h4>Max Act: <b>2.8752</b>. Min Act: <b>-0.1699</b></h4>
        <h4>Data Index: <b>4521789</b> (Open Web Text)</h4>
        <h4>Max Activating Token Index: <b>2</b></h4>
        <details><summary><b style='color: red'>Click toggle to see full text</b>
        <h3>Truncated</h3>
        <div id="circuits-vis-0f6b1c7e-9a2d" style="margin: 15px 0;"/>
            <script crossorigin type="module">
            import { render, ColoredTokens } from "https://unpkg.com/circuitsvis@1.38.1/dist/cdn/esm.js";
            render(
              "circuits-vis-0f6b1c7e-9a2d",
              ColoredTokens,
              {"tokens": ["<|endoftext|>", "The", " cat", " sat", " on", " the"], "values": [-0.0123, 0.0456, 2.8752, -0.1699, 0.0005, 1.25], "minValue": -2.875200033187866, "maxValue": 2.875200033187866}
            )
            </script>
        </summary>
        <h3>Full Text #0</h3>
        <div id="circuits-vis-3c5e8a10-41b7" style="margin: 15px 0;"/>
            <script crossorigin type="module">
            import { render, ColoredTokens } from "https://unpkg.com/circuitsvis@1.38.1/dist/cdn/esm.js";
            render(
              "circuits-vis-3c5e8a10-41b7",
              ColoredTokens,
              {"tokens": ["<|endoftext|>", "The", " cat", " sat", " on", " the"], "values": [-0.0123, 0.0456, 2.8752, -0.1699, 0.0005, 1.25], "minValue": -2.875200033187866, "maxValue": 2.875200033187866}
            )
            </script>
        </details>
        <hr>
        <h2>Text #1</h2><h4>Max Range: <b>2.8752</b>. Min Range: <b>-2.8752</b></h4>
        <h4>Max Act: <b>1.5000</b>. Min Act: <b>-0.1700</b></h4>
        <h4>Data Index: <b>88</b> (Open Web Text)</h4>
        <h4>Max Activating Token Index: <b>3</b></h4>
        <details><summary><b style='color: red'>Click toggle to see full text</b>
        <h3>Truncated</h3>
        <div id="circuits-vis-7d2f4e91-c0a3" style="margin: 15px 0;"/>
            <script crossorigin type="module">
            import { render, ColoredTokens } from "https://unpkg.com/circuitsvis@1.38.1/dist/cdn/esm.js";
            render(
              "circuits-vis-7d2f4e91-c0a3",
              ColoredTokens,
              {"tokens": ["<|endoftext|>", "He", " said", " \"", "hi", "\"\n"], "values": [0.0, -2e-05, 0.7071, 1.5, -0.16997, 1e-06], "minValue": -2.875200033187866, "maxValue": 2.875200033187866}
            )
            </script>
        </summary>
        <h3>Full Text #1</h3>
        <div id="circuits-vis-b81e6d2c-5f49" style="margin: 15px 0;"/>
            <script crossorigin type="module">
            import { render, ColoredTokens } from "https://unpkg.com/circuitsvis@1.38.1/dist/cdn/esm.js";
            render(
              "circuits-vis-b81e6d2c-5f49",
              ColoredTokens,
              {"tokens": ["<|endoftext|>", "He", " said", " \"", "hi", "\"\n"], "values": [0.0, -2e-05, 0.7071, 1.5, -0.16997, 1e-06], "minValue": -2.875200033187866, "maxValue": 2.875200033187866}
            )
            </script>
        </details>
        """;

    /// <summary>The example page as gpt2-small's page of (<paramref name="layer"/>, <paramref name="neuron"/>), neuron ≥ 1.</summary>
    public static byte[] Page(int layer, int neuron)
    {
        var text = Example
            .Replace("<h2>Neuron 1337 in Layer 3 </h2>", Inv($"<h2>Neuron {neuron} in Layer {layer} </h2>"), StringComparison.Ordinal)
            .Replace("'./1336.html'", Inv($"'./{neuron - 1}.html'"), StringComparison.Ordinal)
            .Replace("'./1338.html'", Inv($"'./{neuron + 1}.html'"), StringComparison.Ordinal);
        return Encoding.ASCII.GetBytes(text);
    }

    /// <summary>The path the scraper asks for.</summary>
    public static string PathOf(int layer, int neuron) => Inv($"/{Model}/{layer}/{neuron}.html");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
