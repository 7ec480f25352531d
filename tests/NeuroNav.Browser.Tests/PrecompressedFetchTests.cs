using System.Text.Json;

namespace NeuroNav.Browser.Tests;

/// <summary>
/// The browser site is built as the <c>full</c> profile writes it (per-neuron files stored gzip-compressed): a page's
/// <c>fetch</c> of a neuron document's plain URL gets the JSON, told by <c>Content-Encoding: gzip</c>.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PrecompressedFetchTests(BrowserSite site)
{
    [ChromiumFact]
    public async Task Fetch_of_a_compressed_neuron_document_gets_the_json_under_its_url()
    {
        var (page, errors) = await site.OpenAsync("gpt2-small/3/2.html");

        var answer = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await fetch("../../api/gpt2-small/3/2.json");
              const doc = await r.json();
              return { status: r.status, type: r.headers.get("content-type"), encoding: r.headers.get("content-encoding"),
                       model: doc.model, layer: doc.layer, neuron: doc.neuron, tokens: doc.neuroscope.texts[1].tokens };
            }
            """);

        var expected = site.ReadJson("api/gpt2-small/3/2.json");
        Assert.Equal(200, answer.GetProperty("status").GetInt32());
        Assert.Equal("application/json; charset=utf-8", answer.GetProperty("type").GetString());
        Assert.Equal("gzip", answer.GetProperty("encoding").GetString());
        Assert.Equal(("gpt2-small", 3, 2), (answer.GetProperty("model").GetString(), answer.GetProperty("layer").GetInt32(), answer.GetProperty("neuron").GetInt32()));
        Assert.True(JsonElement.DeepEquals(expected.GetProperty("neuroscope").GetProperty("texts")[1].GetProperty("tokens"), answer.GetProperty("tokens")));
        PageErrors.None(errors);
    }
}
