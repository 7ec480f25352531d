using NeuroNav.Core;
using Parquet;
using Parquet.Schema;

namespace NeuroNav.Corpus;

/// <summary>coverage: one row per attempt at (neuron, source), written by every source; the partition supplies model and layer.</summary>
internal static class CoverageTable
{
    public const string Name = "coverage";

    public static readonly DataField Neuron = new DataField<int>("neuron");
    public static readonly DataField Source = new DataField<string>("source", false);
    public static readonly DataField Status = new DataField<string>("status", false);
    public static readonly DataField Reason = new DataField<string>("reason", true);
    public static readonly DataField Url = new DataField<string>("url", false);
    public static readonly DataField HttpStatus = new DataField<int?>("http_status");
    public static readonly DataField AttemptedAt = NeuronsTable.Timestamp("attempted_at");
    public static readonly ParquetSchema Schema = new(Neuron, Source, Status, Reason, Url, HttpStatus, AttemptedAt);

    /// <summary>Registered with every <see cref="CorpusRoot"/>. Compaction keeps what readers keep: the newest row per (neuron, source).</summary>
    public static readonly CorpusTable Descriptor = new(Name, null, 1, TableCompaction.Rewrite(async (scope, ct) =>
    {
        var rows = await ReadNewestAsync(scope.Root, scope.Model, scope.Layer, ct).ConfigureAwait(false);
        if (rows.Count > 0)
        {
            await scope.Batch.WriteAsync(Name, scope.Name, Schema, Options(scope.Root.Format), w => WriteRowGroupAsync(w, rows, ct), ct).ConfigureAwait(false);
        }
    }));

    public static ParquetOptions Options(CorpusFormat format) => format.WriterOptions(
        dictionary: [Source, Status], byteStreamSplit: [], delta: [Neuron]);

    public static string StatusName(CoverageStatus status) => status switch
    {
        CoverageStatus.Present => "present",
        CoverageStatus.MissingUpstream => "missing_upstream",
        CoverageStatus.Failed => "failed",
        CoverageStatus.Invalid => "invalid",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown coverage status."),
    };

    public static CoverageStatus ParseStatus(string value, string path) => value switch
    {
        "present" => CoverageStatus.Present,
        "missing_upstream" => CoverageStatus.MissingUpstream,
        "failed" => CoverageStatus.Failed,
        "invalid" => CoverageStatus.Invalid,
        _ => throw new CorpusException($"Corpus file {path} has unknown coverage status '{value}'."),
    };

    public static async Task WriteRowGroupAsync(ParquetWriter writer, IReadOnlyList<CoverageRow> rows, CancellationToken ct)
    {
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, rows.Select(r => r.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(Source, rows.Select(r => r.Source).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync(Status, rows.Select(r => StatusName(r.Status)).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync(Reason, rows.Select(r => r.Reason).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync(Url, rows.Select(r => r.Url).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<int>(HttpStatus, rows.Select(r => r.HttpStatus).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<DateTime>(AttemptedAt, rows.Select(r => r.AttemptedAt.UtcDateTime).ToArray(), null, null, ct).ConfigureAwait(false);
    }

    public static async Task<List<CoverageRow>> ReadAllAsync(string path, string model, int layer, StringPool pool, CancellationToken ct)
    {
        await using var file = await PartFile.OpenAsync(path, ct).ConfigureAwait(false);
        var rows = new List<CoverageRow>();
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            rows.AddRange(await file.ReadRowGroupAsync(g, async rg =>
            {
                var neuron = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
                var source = await Columns.StringsAsync(rg, file.Column(Source.Name), pool, ct).ConfigureAwait(false);
                var status = await Columns.StringsAsync(rg, file.Column(Status.Name), pool, ct).ConfigureAwait(false);
                var reason = await Columns.NullableStringsAsync(rg, file.Column(Reason.Name), pool, ct).ConfigureAwait(false);
                var url = await Columns.StringsAsync(rg, file.Column(Url.Name), pool, ct).ConfigureAwait(false);
                var http = await Columns.NullableAsync<int>(rg, file.Column(HttpStatus.Name), ct).ConfigureAwait(false);
                var attempted = await Columns.RequiredAsync<DateTime>(rg, file.Column(AttemptedAt.Name), ct).ConfigureAwait(false);
                return Enumerable.Range(0, neuron.Length).Select(i => new CoverageRow(
                    model, layer, neuron[i], source[i], ParseStatus(status[i], path), reason[i], url[i], http[i], NeuronsTable.Utc(attempted[i]))).ToList();
            }).ConfigureAwait(false));
        }

        return rows;
    }

    /// <summary>The newest coverage row per (neuron, source) of a layer: latest attempted_at, ties to the later part; sorted by neuron, source.</summary>
    public static async Task<IReadOnlyList<CoverageRow>> ReadNewestAsync(CorpusRoot root, string model, int layer, CancellationToken ct)
    {
        CorpusLayout.ValidateModel(model);
        var pool = new StringPool();
        var newest = new Dictionary<(int Neuron, string Source), CoverageRow>();
        foreach (var part in await CommittedParts.OfAsync(root, Name, model, layer, ct).ConfigureAwait(false))
        {
            foreach (var row in await ReadAllAsync(part, model, layer, pool, ct).ConfigureAwait(false))
            {
                var key = (row.Neuron, row.Source);
                if (!newest.TryGetValue(key, out var seen) || row.AttemptedAt >= seen.AttemptedAt)
                {
                    newest[key] = row;
                }
            }
        }

        return [.. newest.Values.OrderBy(r => r.Neuron).ThenBy(r => r.Source, StringComparer.Ordinal)];
    }
}
