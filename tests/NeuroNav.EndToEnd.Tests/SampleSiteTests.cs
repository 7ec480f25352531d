using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using NeuroNav.Core;
using NeuroNav.Sample;
using NeuroNav.TestKit;

namespace NeuroNav.EndToEnd.Tests;

public sealed class SampleSiteTests(SampleSite site) : IClassFixture<SampleSite>
{
    private static readonly IReadOnlyList<NeuroscopeNeuron> Expected = SampleMirror.Neurons(SampleSite.Catalog);

    [Fact]
    public void Scrape_stores_every_ordinary_page_and_records_each_hostile_one()
    {
        var cases = SampleMirror.Cases;
        Assert.False(site.Scrape.Cancelled);
        Assert.Equal(Expected.Count, site.Scrape.Fetched);
        Assert.Equal(cases.Count(c => c.Expected == CoverageStatus.Invalid), site.Scrape.Invalid);
        Assert.Equal(cases.Count(c => c.Expected == CoverageStatus.MissingUpstream), site.Scrape.MissingUpstream);
        Assert.Equal(0, site.Scrape.Failed);
    }

    [Fact]
    public async Task Coverage_registry_has_a_row_with_the_expected_status_for_every_neuron_path()
    {
        foreach (var range in SampleMirror.Ranges)
        {
            var rows = (await site.Corpus.ReadCoverageAsync(range.Model, range.Layer, CancellationToken.None))
                .Where(r => r.Source == SourceInfo.Neuroscope.Id)
                .ToDictionary(r => r.Neuron);
            foreach (var id in range.Neurons())
            {
                Assert.True(rows.TryGetValue(id.Neuron, out var row), $"{id}: no coverage row");
                Assert.Equal(SampleMirror.ExpectedStatus(id), row.Status);
                Assert.EndsWith($"/{id}.html", row.Url, StringComparison.Ordinal);
                if (row.Status != CoverageStatus.Present)
                {
                    Assert.False(string.IsNullOrWhiteSpace(row.Reason), $"{id}: {row.Status} without a reason");
                }
            }
        }
    }

    [Fact]
    public void Every_json_document_validates_against_its_published_schema()
    {
        var validator = new SchemaValidator(site.Output);
        var documents = Directory.EnumerateFiles(Path.Combine(site.Output, "api"), "*.json", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}schema{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.True(documents.Count > 2 * Expected.Count, $"only {documents.Count} documents");
        var errors = documents.SelectMany(p => validator.Errors(File.ReadAllText(p)).Select(e => $"{p}: {e}")).ToList();
        Assert.Empty(errors);
    }

    [Fact]
    public void Neuron_documents_hold_exactly_what_the_mirror_pages_print()
    {
        foreach (var expected in Expected)
        {
            var id = expected.Id;
            using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site.Output, "api", id.Model, N(id.Layer), $"{N(id.Neuron)}.json")));
            var root = doc.RootElement;
            Assert.Equal(id.Model, root.GetProperty("model").GetString());
            Assert.Equal(id.Layer, root.GetProperty("layer").GetInt32());
            Assert.Equal(id.Neuron, root.GetProperty("neuron").GetInt32());
            Assert.Equal(["Max Activating Dataset Example"], root.GetProperty("available").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(JsonValueKind.Null, root.GetProperty("GPT-4").ValueKind);
            Assert.Equal(JsonValueKind.Null, root.GetProperty("neuron2graph").ValueKind);

            var texts = root.GetProperty("neuroscope").GetProperty("texts").EnumerateArray().ToList();
            Assert.Equal(expected.Texts.Count, texts.Count);
            for (var i = 0; i < texts.Count; i++)
            {
                var want = expected.Texts[i];
                var got = texts[i];
                var where = $"{id} text {i}";
                Assert.True(want.DataIndex == got.GetProperty("data_index").GetInt64(), where);
                Assert.Equal(want.Dataset, got.GetProperty("dataset").GetString());
                Assert.True(want.MaxTokenIndex == got.GetProperty("max_activating_token_index").GetInt32(), where);
                Assert.Equal(want.Tokens, got.GetProperty("tokens").EnumerateArray().Select(t => t.GetString()!));
                Assert.Equal(want.Values.Select(Printed), got.GetProperty("values").EnumerateArray().Select(Read));
                Assert.Equal(Printed(want.MaxActivation), Read(got.GetProperty("max_activation")));
                var window = got.GetProperty("truncated");
                Assert.Equal(want.Truncated, new TokenWindow(window.GetProperty("start").GetInt32(), window.GetProperty("end").GetInt32()));
            }
        }
    }

    [Fact]
    public void Every_stored_neuron_has_its_page_and_its_neuroscope_document()
    {
        foreach (var id in Expected.Select(n => n.Id))
        {
            Assert.True(File.Exists(Path.Combine(site.Output, id.Model, N(id.Layer), $"{N(id.Neuron)}.html")), $"{id}: no HTML page");
            Assert.True(File.Exists(Path.Combine(site.Output, "api", id.Model, "neuroscope", N(id.Layer), $"{N(id.Neuron)}.json")), $"{id}: no neuroscope document");
        }

        foreach (var page in new[] { "index.html", "about.html", "api.html", "gpt2-small/index.html", "gpt2-small/3/index.html", "solu-1l/0/index.html" })
        {
            Assert.True(File.Exists(Path.Combine(site.Output, page)), page);
        }
    }

    [Fact]
    public async Task DuckDB_reads_the_corpus_through_hive_partitioning()
    {
        using var db = new DuckDBConnection("DataSource=:memory:");
        await db.OpenAsync();
        var texts = $"read_parquet('{site.CorpusRoot}/neuroscope_texts/**/*.parquet', hive_partitioning=true)";
        Assert.Equal((long)Expected.Sum(n => n.Texts.Count), await ScalarAsync<long>(db, $"select count(*) from {texts}"));
        Assert.Equal((long)Expected.Count, await ScalarAsync<long>(db, $"select count(distinct (model, layer, neuron)) from {texts}"));

        var probe = Expected.First(n => n.Id.Model == "gpt2-small" && n.Id.Layer == 3);
        var text = probe.Texts[0];
        var sql = $"select tokens[max_token_index + 1] from {texts} where model = 'gpt2-small' and layer = 3 and neuron = {N(probe.Id.Neuron)} and text_index = 0";
        Assert.Equal(text.Tokens[text.MaxTokenIndex], await ScalarAsync<string>(db, sql));

        var neurons = $"read_parquet('{site.CorpusRoot}/neuroscope_neurons/**/*.parquet', hive_partitioning=true)";
        Assert.Equal((long)Expected.Count, await ScalarAsync<long>(db, $"select count(*) from {neurons}"));
        Assert.Equal(64L, await ScalarAsync<long>(db, $"select min(length(sha256)) from {neurons}"));
    }

    [Fact]
    public async Task A_second_build_of_the_same_corpus_writes_nothing_and_a_fresh_one_is_byte_identical()
    {
        var manifest = await File.ReadAllBytesAsync(Path.Combine(site.Output, "manifest.json"));
        var again = await SampleSite.BuildAsync(site.Corpus, site.Output);
        Assert.Equal(0, again.FilesWritten);
        Assert.Equal(0, again.FilesRemoved);
        Assert.Equal(manifest, await File.ReadAllBytesAsync(Path.Combine(site.Output, "manifest.json")));

        using var other = new TempDirectory("neuronav-e2e-rebuild");
        await SampleSite.BuildAsync(site.Corpus, other.Path);
        Assert.Equal(manifest, await File.ReadAllBytesAsync(Path.Combine(other.Path, "manifest.json")));
        foreach (var file in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(site.Output, file);
            Assert.Equal(await File.ReadAllBytesAsync(file), await File.ReadAllBytesAsync(Path.Combine(other.Path, relative)));
        }
    }

    private static async Task<T> ScalarAsync<T>(DuckDBConnection db, string sql)
    {
        await using var cmd = db.CreateCommand();
        cmd.CommandText = sql;
        return (T)Convert.ChangeType((await cmd.ExecuteScalarAsync())!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>What the JSON must hold for a float: itself, or null when it is not finite.</summary>
    private static float? Printed(float v) => float.IsFinite(v) ? v : null;

    private static float? Read(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetSingle();

    private static string N(int v) => v.ToString(CultureInfo.InvariantCulture);
}
