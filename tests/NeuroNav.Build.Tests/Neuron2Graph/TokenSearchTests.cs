using System.Diagnostics;
using System.Text.Json;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.Hosting;
using NeuroNav.TestKit;

namespace NeuroNav.Build.Tests.Neuron2Graph;

public sealed class TokenSearchTests
{
    private static readonly StoreEntry[] Store =
    [
        new("he", StoreKind.Activating, 0, 5),
        new("he", StoreKind.Activating, 3, 17),
        new("he", StoreKind.Important, 1, 2),
        new("said", StoreKind.Important, 3, 17),
        new("said", StoreKind.Activating, 1, 2),
        new("café", StoreKind.Important, 0, 5),
        new(" ,", StoreKind.Activating, 2, 9),
        new("<script>", StoreKind.Activating, 2, 9),
    ];

    [Theory]
    [InlineData("he", 7, 3)]
    [InlineData("café", 1000, 889)]
    public void Shard_is_fnv1a_of_the_utf8_bytes_as_search_js_computes_it(string token, int shards, int expected) =>
        Assert.Equal(expected, TokenIndex.Shard(token, shards));

    [Fact]
    public void Index_puts_every_token_in_its_hash_shard_with_sorted_neurons()
    {
        var (manifest, shards) = TokenIndex.Build("gpt2-small", Store);

        using var m = JsonDocument.Parse(manifest);
        Assert.Equal(shards.Count, m.RootElement.GetProperty("shards").GetInt32());
        Assert.Equal(5, m.RootElement.GetProperty("tokens").GetInt32());
        Assert.Equal(4, m.RootElement.GetProperty("neurons").GetInt32());
        using var shard = JsonDocument.Parse(shards[TokenIndex.Shard("he", shards.Count)]);
        var he = shard.RootElement.GetProperty("tokens").GetProperty("he");
        Assert.Equal(["0_5", "3_17"], he.GetProperty("activating").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["1_2"], he.GetProperty("important").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_large_store_is_split_into_shards_near_the_target_size()
    {
        var random = new Random(3);
        var entries = Enumerable.Range(0, 60_000)
            .Select(i => new StoreEntry("tok" + (int)Math.Pow(random.Next(1, 200), 2), (StoreKind)(i % 2), random.Next(48), random.Next(6400)))
            .Distinct()
            .ToList();

        var (_, shards) = TokenIndex.Build("gpt2-xl", entries);

        var sizes = shards.Select(s => s.Length).Order().ToList();
        Assert.True(shards.Count > 20, $"{shards.Count} shards");
        Assert.True(sizes[sizes.Count / 2] < 20 * 1024, $"median shard {sizes[sizes.Count / 2]} bytes");
    }

    [Fact]
    public async Task Search_js_answers_a_query_from_shards_fetched_over_http()
    {
        using var temp = new TempDirectory();
        foreach (var (model, entries) in new[] { ("gpt2-small", Store), ("solu-1l", Store.Take(2).ToArray()) })
        {
            var (manifest, shards) = TokenIndex.Build(model, entries);
            var dir = temp.Combine("site", "api", model, "search", "tokens");
            Directory.CreateDirectory(dir);
            await File.WriteAllBytesAsync(Path.Combine(dir, "index.json"), manifest);
            for (var s = 0; s < shards.Count; s++)
            {
                await File.WriteAllBytesAsync(Path.Combine(dir, $"{s}.json"), shards[s]);
            }
        }

        await using var server = await StaticSiteServer.StartAsync(temp.Combine("site"), 0, CancellationToken.None);

        Assert.Equal("""[{"model":"gpt2-small","neurons":["0_5","3_17"]},{"model":"solu-1l","neurons":["0_5","3_17"]},{"model":"gpt2-xl","neurons":[]}]""",
            await RunSearchAsync(server.BaseAddress, "activating: He"));
        Assert.Equal("""[{"model":"gpt2-small","neurons":["1_2","3_17"]},{"model":"solu-1l","neurons":[]},{"model":"gpt2-xl","neurons":[]}]""",
            await RunSearchAsync(server.BaseAddress, "any:he, any:said"));
        Assert.Equal("""[{"model":"gpt2-small","neurons":["3_17"]},{"model":"solu-1l","neurons":[]},{"model":"gpt2-xl","neurons":[]}]""",
            await RunSearchAsync(server.BaseAddress, "activating:he,important:said"));
        Assert.Equal("""[{"model":"gpt2-small","neurons":["2_9"]},{"model":"solu-1l","neurons":[]},{"model":"gpt2-xl","neurons":[]}]""",
            await RunSearchAsync(server.BaseAddress, "activating:<script>"));
    }

    /// <summary>Runs content/assets/search.js under node against the server: models gpt2-small, solu-1l and gpt2-xl (no index).</summary>
    private static async Task<string> RunSearchAsync(Uri site, string query)
    {
        var script = Path.Combine(Repo.Root, "content", "assets", "search.js");
        const string program = """
            const s = require(process.argv[1]);
            const fetchJson = u => fetch(u).then(r => r.status === 404 ? null : r.json());
            s.searchAll(process.argv[2], ["gpt2-small", "solu-1l", "gpt2-xl"], s.parse(process.argv[3]), fetchJson)
              .then(r => console.log(JSON.stringify(r)), e => { console.error(e); process.exit(1); });
            """;
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-e", program, script, new Uri(site, "api/").AbsoluteUri, query })
        {
            start.ArgumentList.Add(arg);
        }

        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = await node.StandardOutput.ReadToEndAsync();
        var error = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        Assert.True(node.ExitCode == 0, $"node failed: {error}");
        return output.Trim();
    }
}
