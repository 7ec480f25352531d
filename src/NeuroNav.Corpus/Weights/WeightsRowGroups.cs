using NeuroNav.Core;
using NeuroNav.Corpus.Gpt4;
using Parquet;
using static NeuroNav.Corpus.Weights.WeightsTables;

namespace NeuroNav.Corpus.Weights;

/// <summary>Writes and reads the weights tables' row groups: every list as parallel list columns (ids or layers, texts or neurons, values).</summary>
internal static class WeightsRowGroups
{
    public static async Task WriteNeuronsAsync(ParquetWriter writer, IReadOnlyList<WeightsNeuron> rows, CancellationToken ct)
    {
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, rows.Select(r => r.Id.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        for (var i = 0; i < TokenColumns.Count; i++)
        {
            var lists = rows.Select(r => TokensOf(r.Tokens, i)).ToList();
            await ListColumns.WriteAsync(rg, Item(TokenColumns[i].Id), [.. lists.Select(l => l.Select(t => t.Id).ToArray())], ct).ConfigureAwait(false);
            await ListColumns.WriteStringsAsync(rg, Item(TokenColumns[i].Text), [.. lists.Select(l => l.Select(t => t.Text).ToArray())], ct).ConfigureAwait(false);
            await ListColumns.WriteAsync(rg, Item(TokenColumns[i].Value), [.. lists.Select(l => l.Select(t => t.Value).ToArray())], ct).ConfigureAwait(false);
        }

        for (var i = 0; i < LinkColumns.Count; i++)
        {
            var lists = rows.Select(r => LinksOf(r.Links, i)).ToList();
            await ListColumns.WriteAsync(rg, Item(LinkColumns[i].Layer), [.. lists.Select(l => l.Select(t => t.Layer).ToArray())], ct).ConfigureAwait(false);
            await ListColumns.WriteAsync(rg, Item(LinkColumns[i].Neuron), [.. lists.Select(l => l.Select(t => t.Neuron).ToArray())], ct).ConfigureAwait(false);
            await ListColumns.WriteAsync(rg, Item(LinkColumns[i].Value), [.. lists.Select(l => l.Select(t => t.Value).ToArray())], ct).ConfigureAwait(false);
        }

        for (var i = 0; i < StatColumns.Count; i++)
        {
            await rg.WriteAsync<float>(StatColumns[i], rows.Select(r => StatOf(r.Stats, i)).ToArray(), null, null, ct).ConfigureAwait(false);
        }
    }

    public static async Task WriteProvenanceAsync(ParquetWriter writer, WeightsProvenance p, CancellationToken ct)
    {
        var n = p.Files.Count;
        string[] Same(string value) => Enumerable.Repeat(value, n).ToArray();
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync(ProvenanceColumns.ModelRepository, Same(p.Repository)).ConfigureAwait(false);
        await rg.WriteAsync(ProvenanceColumns.Revision, Same(p.Revision)).ConfigureAwait(false);
        await rg.WriteAsync(ProvenanceColumns.Commit, Enumerable.Repeat(p.Commit, n).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync(ProvenanceColumns.Layout, Same(p.Layout)).ConfigureAwait(false);
        await rg.WriteAsync(ProvenanceColumns.Kind, p.Files.Select(f => f.Kind).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync(ProvenanceColumns.Repository, p.Files.Select(f => f.Repository).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync(ProvenanceColumns.File, p.Files.Select(f => f.Name).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync(ProvenanceColumns.Sha256, p.Files.Select(f => f.Sha256).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<long>(ProvenanceColumns.Bytes, p.Files.Select(f => f.Bytes).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<DateTime>(ProvenanceColumns.ComputedAt, Enumerable.Repeat(p.ComputedAt.UtcDateTime, n).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<int>(ProvenanceColumns.Definitions, Enumerable.Repeat(p.DefinitionsVersion, n).ToArray(), null, null, ct).ConfigureAwait(false);
    }

    public static async Task<List<WeightsNeuron>> ReadNeuronsAsync(string path, string model, int layer, StringPool pool, CancellationToken ct)
    {
        await using var file = await PartFile.OpenAsync(path, ct).ConfigureAwait(false);
        var result = new List<WeightsNeuron>();
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            result.AddRange(await file.ReadRowGroupAsync(g, async rg =>
            {
                var neurons = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
                var tokens = new List<WeightToken>[TokenColumns.Count][];
                for (var i = 0; i < TokenColumns.Count; i++)
                {
                    var (ids, starts) = await Columns.ListAsync<int>(rg, file.Column(TokenColumns[i].Id.Name), ct).ConfigureAwait(false);
                    var (texts, _) = await Columns.ListAsync<ReadOnlyMemory<char>>(rg, file.Column(TokenColumns[i].Text.Name), ct).ConfigureAwait(false);
                    var (values, _) = await Columns.ListAsync<float>(rg, file.Column(TokenColumns[i].Value.Name), ct).ConfigureAwait(false);
                    tokens[i] = Rows(neurons.Length, starts, k => new WeightToken(ids[k], pool.Get(texts[k].Span), values[k]));
                }

                var links = new List<WeightLink>[LinkColumns.Count][];
                for (var i = 0; i < LinkColumns.Count; i++)
                {
                    var (layers, starts) = await Columns.ListAsync<int>(rg, file.Column(LinkColumns[i].Layer.Name), ct).ConfigureAwait(false);
                    var (others, _) = await Columns.ListAsync<int>(rg, file.Column(LinkColumns[i].Neuron.Name), ct).ConfigureAwait(false);
                    var (values, _) = await Columns.ListAsync<float>(rg, file.Column(LinkColumns[i].Value.Name), ct).ConfigureAwait(false);
                    links[i] = Rows(neurons.Length, starts, k => new WeightLink(layers[k], others[k], values[k]));
                }

                var stats = new float[StatColumns.Count][];
                for (var i = 0; i < StatColumns.Count; i++)
                {
                    stats[i] = await Columns.RequiredAsync<float>(rg, file.Column(StatColumns[i].Name), ct).ConfigureAwait(false);
                }

                return Enumerable.Range(0, neurons.Length).Select(r => new WeightsNeuron(
                    new NeuronId(model, layer, neurons[r]),
                    new WeightTokens(tokens[0][r], tokens[1][r], tokens[2][r], tokens[3][r]),
                    new WeightLinks(links[0][r], links[1][r], links[2][r], links[3][r]),
                    new WeightStats(stats[0][r], stats[1][r], stats[2][r], stats[3][r], stats[4][r], stats[5][r], stats[6][r]))).ToList();
            }).ConfigureAwait(false));
        }

        return result;
    }

    public static async Task<WeightsProvenance?> ReadProvenanceAsync(string path, string model, CancellationToken ct)
    {
        await using var file = await PartFile.OpenAsync(path, ct).ConfigureAwait(false);
        var pool = new StringPool();
        WeightsProvenance? result = null;
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            var group = await file.ReadRowGroupAsync(g, async rg =>
            {
                async Task<string[]> S(Parquet.Schema.DataField f) => await Columns.StringsAsync(rg, file.Column(f.Name), pool, ct).ConfigureAwait(false);
                var repo = await S(ProvenanceColumns.ModelRepository).ConfigureAwait(false);
                var revision = await S(ProvenanceColumns.Revision).ConfigureAwait(false);
                var commit = await Columns.NullableStringsAsync(rg, file.Column(ProvenanceColumns.Commit.Name), pool, ct).ConfigureAwait(false);
                var layout = await S(ProvenanceColumns.Layout).ConfigureAwait(false);
                var kind = await S(ProvenanceColumns.Kind).ConfigureAwait(false);
                var fileRepo = await S(ProvenanceColumns.Repository).ConfigureAwait(false);
                var name = await S(ProvenanceColumns.File).ConfigureAwait(false);
                var sha = await S(ProvenanceColumns.Sha256).ConfigureAwait(false);
                var bytes = await Columns.RequiredAsync<long>(rg, file.Column(ProvenanceColumns.Bytes.Name), ct).ConfigureAwait(false);
                var at = await Columns.RequiredAsync<DateTime>(rg, file.Column(ProvenanceColumns.ComputedAt.Name), ct).ConfigureAwait(false);
                var definitions = await Columns.RequiredAsync<int>(rg, file.Column(ProvenanceColumns.Definitions.Name), ct).ConfigureAwait(false);
                return repo.Length == 0 ? null : new WeightsProvenance(
                    model, repo[0], revision[0], commit[0], layout[0],
                    [.. Enumerable.Range(0, repo.Length).Select(i => new WeightsFile(kind[i], fileRepo[i], name[i], sha[i], bytes[i]))],
                    NeuronsTable.Utc(at[0]),
                    definitions[0]);
            }).ConfigureAwait(false);
            result = group is null ? result : result is null ? group : result with { Files = [.. result.Files, .. group.Files] };
        }

        return result;
    }

    private static IReadOnlyList<WeightToken> TokensOf(WeightTokens t, int i) => i switch
    {
        0 => t.Promoted,
        1 => t.Suppressed,
        2 => t.InputHighest,
        _ => t.InputLowest,
    };

    private static IReadOnlyList<WeightLink> LinksOf(WeightLinks l, int i) => i switch
    {
        0 => l.UpstreamExciting,
        1 => l.UpstreamInhibiting,
        2 => l.DownstreamExciting,
        _ => l.DownstreamInhibiting,
    };

    private static float StatOf(WeightStats s, int i) => i switch
    {
        0 => s.InputNorm,
        1 => s.OutputNorm,
        2 => s.InOutCosine,
        3 => s.InStrength,
        4 => s.OutStrength,
        5 => s.InStrengthPercentile,
        _ => s.OutStrengthPercentile,
    };

    private static List<T>[] Rows<T>(int rows, int[] starts, Func<int, T> item)
    {
        var result = new List<T>[rows];
        for (var r = 0; r < rows; r++)
        {
            result[r] = new List<T>(starts[r + 1] - starts[r]);
            for (var k = starts[r]; k < starts[r + 1]; k++)
            {
                result[r].Add(item(k));
            }
        }

        return result;
    }
}
