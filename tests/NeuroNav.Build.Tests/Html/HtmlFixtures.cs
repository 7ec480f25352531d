using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NeuroNav.Build.Html;
using NeuroNav.Build.Pages;
using NeuroNav.Core;
using NeuroNav.TestKit;

namespace NeuroNav.Build.Tests.Html;

/// <summary>Inline page models and the renderer loaded from the repository's templates/ and content/.</summary>
internal static class HtmlFixtures
{
    public const string Xss = "</script><img src=x onerror=alert(1)>";
    public const string Quotes = "\"quotes'";

    private static readonly Lazy<ScribanPageRenderer> LazyRenderer =
        new(() => ScribanPageRenderer.Load(Repo.Path("templates"), Repo.Path("content"), "0.1.0"));

    public static ScribanPageRenderer Renderer => LazyRenderer.Value;

    public static readonly ModelInfo Gpt2Small = new("gpt2-small", "gelu", "Open Web Text", 12, 3072, 36864, 84934656);

    public static NeuroscopeText Text(int index, string[] tokens, float[] values, int maxTokenIndex, string dataset = "Open Web Text") =>
        new(index, values.Where(float.IsFinite).DefaultIfEmpty(0).Max(), values.Where(float.IsFinite).DefaultIfEmpty(0).Min(),
            4521789 + index, dataset, maxTokenIndex, tokens, values);

    /// <summary>The worked example of docs/sources/neuroscope.md#literal-example: Text #0 of gpt2-small L3 N1337.</summary>
    public static NeuroscopeText ExampleText() => Text(
        0,
        ["<|endoftext|>", "The", " cat", " sat", " on", " the"],
        [-0.0123f, 0.0456f, 2.8752f, -0.1699f, 0.0005f, 1.25f],
        2);

    public static NeuroscopeNeuron Neuron(double maxRange, params NeuroscopeText[] texts) => new(
        new NeuronId("gpt2-small", 3, 1337),
        maxRange,
        -maxRange,
        "1.38.1",
        texts,
        new Provenance("https://neuroscope.io/gpt2-small/3/1337.html", DateTimeOffset.UnixEpoch, new string('a', 64), 1234));

    public static NeuronPageModel NeuronPage(NeuroscopeNeuron? data, bool hasPrevious = true, bool hasNext = true) => new(
        Gpt2Small,
        new NeuronId("gpt2-small", 3, 1337),
        data,
        hasPrevious,
        hasNext,
        "https://neuroscope.io/gpt2-small/3/1337.html");

    public static CoverageCounts CoverageOf(long expected, long present) => new("neuroscope", expected, present, 1, 0, 3);

    public static IDocument Parse(byte[] html) => new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(html));

    public static string Utf8(byte[] html) => System.Text.Encoding.UTF8.GetString(html);

    /// <summary>Every href and src of the page that points off the site or to its host root.</summary>
    public static IReadOnlyList<string> NonRelativeLinks(IDocument page) =>
        page.QuerySelectorAll("[href], [src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? "")
            .Where(u => u.StartsWith('/') || u.Contains(':', StringComparison.Ordinal))
            .ToList();
}
