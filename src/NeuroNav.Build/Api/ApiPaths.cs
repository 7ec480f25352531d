using System.Globalization;
using NeuroNav.Core;

namespace NeuroNav.Build.Api;

/// <summary>The site-relative paths of the output contract: every URL the site publishes (JSON API, HTML pages, searches).</summary>
internal static class ApiPaths
{
    public const string SiteIndex = "api/index.json";
    public const string SiteIndexHtml = "index.html";

    public static string ModelIndex(string model) => $"api/{model}/index.json";

    public static string ModelHtml(string model) => $"{model}/index.html";

    public static string LayerIndex(string model, int layer) => Inv($"api/{model}/{layer}/index.json");

    public static string LayerHtml(string model, int layer) => Inv($"{model}/{layer}/index.html");

    public static string Neuron(string model, int layer, int neuron) => Inv($"api/{model}/{layer}/{neuron}.json");

    public static string NeuronHtml(string model, int layer, int neuron) => Inv($"{model}/{layer}/{neuron}.html");

    public static string Neuroscope(string model, int layer, int neuron) => SourceDocument(SourceInfo.Neuroscope, model, layer, neuron);

    /// <summary>One neuron, one source: <c>api/&lt;model&gt;/&lt;source id&gt;/&lt;layer&gt;/&lt;neuron&gt;.json</c>.</summary>
    public static string SourceDocument(SourceInfo source, string model, int layer, int neuron) => SourceDocument(source.Id, model, layer, neuron);

    /// <summary>One neuron, the source with id <paramref name="source"/>.</summary>
    public static string SourceDocument(string source, string model, int layer, int neuron) =>
        Inv($"api/{model}/{source}/{layer}/{neuron}.json");

    public static string Schema(string name) => $"api/schema/{name}.schema.json";

    /// <summary>The token search page at the site root.</summary>
    public const string SearchHtml = "search.html";

    /// <summary>A model's token search manifest.</summary>
    public static string TokenIndex(string model) => $"api/{model}/search/tokens/index.json";

    /// <summary>One shard of a model's token search.</summary>
    public static string TokenShard(string model, int shard) => Inv($"api/{model}/search/tokens/{shard}.json");

    /// <summary>The folder of a model's explanation search: <c>index.json</c> and one <c>&lt;shard&gt;.json</c> per shard.</summary>
    public static string ExplanationSearch(string model) => $"api/{model}/search/explanations/";

    /// <summary>The neuron's page on neuroscope.io, whatever mirror the corpus was fetched from.</summary>
    public static string NeuroscopeOriginal(string model, int layer, int neuron) => Inv($"https://neuroscope.io/{model}/{layer}/{neuron}.html");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
