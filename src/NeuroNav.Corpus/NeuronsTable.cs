using NeuroNav.Core;
using Parquet;
using Parquet.Schema;

namespace NeuroNav.Corpus;

/// <summary>One row of neuroscope_neurons: a neuron's page-level values and provenance.</summary>
internal sealed record NeuronRow(
    int Neuron, double MaxRange, double MinRange, string? CircuitsVisVersion, int TextCount, string Url, DateTimeOffset FetchedAt, string Sha256, long RawBytes)
{
    public Provenance Provenance => new(Url, FetchedAt, Sha256, RawBytes);

    public static NeuronRow Of(NeuroscopeNeuron n) => new(
        n.Id.Neuron, n.MaxRange, n.MinRange, n.CircuitsVisVersion, n.Texts.Count, n.Provenance.Url, n.Provenance.FetchedAt, n.Provenance.Sha256, n.Provenance.Bytes);
}

/// <summary>neuroscope_neurons: one row per neuron, sorted by neuron.</summary>
internal static class NeuronsTable
{
    public static readonly DataField Neuron = new DataField<int>("neuron");
    public static readonly DataField MaxRange = new DataField<double>("max_range");
    public static readonly DataField MinRange = new DataField<double>("min_range");
    public static readonly DataField CircuitsVisVersion = new DataField<string>("circuitsvis_version", true);
    public static readonly DataField TextCount = new DataField<int>("text_count");
    public static readonly DataField Url = new DataField<string>("url", false);
    public static readonly DataField FetchedAt = Timestamp("fetched_at");
    public static readonly DataField Sha256 = new DataField<string>("sha256", false);
    public static readonly DataField RawBytes = new DataField<long>("raw_bytes");
    public static readonly ParquetSchema Schema = new(Neuron, MaxRange, MinRange, CircuitsVisVersion, TextCount, Url, FetchedAt, Sha256, RawBytes);

    /// <summary>A UTC timestamp in microseconds, which DuckDB, pandas and Spark read as TIMESTAMP WITH TIME ZONE / UTC.</summary>
    public static DataField Timestamp(string name) => new DateTimeDataField(name, DateTimeFormat.Timestamp, isAdjustedToUTC: true, unit: DateTimeTimeUnit.Micros);

    public static ParquetOptions Options(CorpusFormat format) => format.WriterOptions(
        dictionary: [CircuitsVisVersion], byteStreamSplit: [], delta: [Neuron, TextCount, RawBytes]);

    public static async Task WriteRowGroupAsync(ParquetWriter writer, IReadOnlyList<NeuronRow> rows, CancellationToken ct)
    {
        using var rg = writer.CreateRowGroup();
        await rg.WriteAsync<int>(Neuron, rows.Select(r => r.Neuron).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(MaxRange, rows.Select(r => r.MaxRange).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync<double>(MinRange, rows.Select(r => r.MinRange).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(CircuitsVisVersion, rows.Select(r => r.CircuitsVisVersion).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<int>(TextCount, rows.Select(r => r.TextCount).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(Url, rows.Select(r => r.Url).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<DateTime>(FetchedAt, rows.Select(r => r.FetchedAt.UtcDateTime).ToArray(), null, null, ct).ConfigureAwait(false);
        await rg.WriteAsync(Sha256, rows.Select(r => r.Sha256).ToArray()).ConfigureAwait(false);
        await rg.WriteAsync<long>(RawBytes, rows.Select(r => r.RawBytes).ToArray(), null, null, ct).ConfigureAwait(false);
    }

    public static async Task<List<NeuronRow>> ReadAllAsync(string path, StringPool pool, CancellationToken ct)
    {
        await using var file = await PartFile.OpenAsync(path, ct).ConfigureAwait(false);
        var rows = new List<NeuronRow>();
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            rows.AddRange(await file.ReadRowGroupAsync(g, async rg =>
            {
                var neuron = await Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct).ConfigureAwait(false);
                var maxRange = await Columns.RequiredAsync<double>(rg, file.Column(MaxRange.Name), ct).ConfigureAwait(false);
                var minRange = await Columns.RequiredAsync<double>(rg, file.Column(MinRange.Name), ct).ConfigureAwait(false);
                var version = await Columns.NullableStringsAsync(rg, file.Column(CircuitsVisVersion.Name), pool, ct).ConfigureAwait(false);
                var textCount = await Columns.RequiredAsync<int>(rg, file.Column(TextCount.Name), ct).ConfigureAwait(false);
                var url = await Columns.StringsAsync(rg, file.Column(Url.Name), pool, ct).ConfigureAwait(false);
                var fetchedAt = await Columns.RequiredAsync<DateTime>(rg, file.Column(FetchedAt.Name), ct).ConfigureAwait(false);
                var sha = await Columns.StringsAsync(rg, file.Column(Sha256.Name), pool, ct).ConfigureAwait(false);
                var raw = await Columns.RequiredAsync<long>(rg, file.Column(RawBytes.Name), ct).ConfigureAwait(false);
                return Enumerable.Range(0, neuron.Length).Select(i => new NeuronRow(
                    neuron[i], maxRange[i], minRange[i], version[i], textCount[i], url[i], Utc(fetchedAt[i]), sha[i], raw[i])).ToList();
            }).ConfigureAwait(false));
        }

        return rows;
    }

    /// <summary>Only the neuron column: what <see cref="CorpusStore.StoredNeuronsAsync"/> needs.</summary>
    public static async Task<int[]> ReadNeuronIdsAsync(string path, CancellationToken ct)
    {
        await using var file = await PartFile.OpenAsync(path, ct).ConfigureAwait(false);
        var ids = new List<int>();
        for (var g = 0; g < file.RowGroupCount; g++)
        {
            ids.AddRange(await file.ReadRowGroupAsync(g, rg => Columns.RequiredAsync<int>(rg, file.Column(Neuron.Name), ct)).ConfigureAwait(false));
        }

        return [.. ids];
    }

    public static DateTimeOffset Utc(DateTime value)
        => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}
