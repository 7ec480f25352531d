using NeuroNav.Build.Output;
using NeuroNav.Build.Pages;
using NeuroNav.Build.Sources;
using NeuroNav.Core;
using NeuroNav.Corpus;

namespace NeuroNav.Build.Profiles;

/// <summary>
/// Predicts a build's files and bytes without running it. Counts each layer's neurons and texts (from the Parquet
/// footers when the corpus is on disk), takes the first few neurons of each layer, and measures them with the real
/// writers: a small build of the sample, the same neurons without texts (fixed bytes per neuron), and the layers
/// without neurons (fixed bytes of a layer index). The rest is arithmetic: bytes = neurons × fixed + texts × per text.
/// </summary>
public sealed class SizePlanner(ICorpusReader corpus, ModelCatalog catalog, IPageRenderer pages, IReadOnlyList<ISectionSource> sources)
{
    /// <summary>Neurons measured per layer.</summary>
    public int SampleSize { get; init; } = 32;

    /// <summary>Where the measuring builds are written (and removed): the system temp folder unless set.</summary>
    public string WorkDirectory { get; init; } = Path.GetTempPath();

    /// <param name="profile">Trimming and limits; the corpus is read through its trimming.</param>
    public async Task<SizePlan> PlanAsync(BuildProfile profile, BuildOptions options, CancellationToken ct)
    {
        var reader = TrimmedCorpus.For(corpus, profile);
        var opts = profile.Apply(options);
        var partitions = CorpusPartitions.Read(corpus, catalog);
        var wanted = opts.Models.Count > 0 ? opts.Models.ToHashSet(StringComparer.Ordinal) : partitions.Select(p => p.Model).ToHashSet(StringComparer.Ordinal);
        var layers = partitions.Where(p => wanted.Contains(p.Model) && opts.IncludesLayer(p.Layer)).ToList();

        var census = new Dictionary<(string, int), (long Neurons, long Texts)>();
        var sample = new Dictionary<(string Model, int Layer), IReadOnlyList<NeuroscopeNeuron>>();
        foreach (var key in layers)
        {
            census[key] = await LayerCensus.CountAsync(reader, key.Model, key.Layer, ct).ConfigureAwait(false);
            sample[key] = await FirstAsync(reader.ReadLayerAsync(key.Model, key.Layer, ct), SampleSize).ConfigureAwait(false);
        }

        var root = Path.Combine(WorkDirectory, $"neuronav-plan-{Guid.NewGuid():N}");
        try
        {
            // The build writes a model's indexes for every model asked for, with or without layers in the corpus.
            var models = catalog.Models.Select(m => m.Id).Where(wanted.Contains).ToList();
            var full = await MeasureAsync(Path.Combine(root, "full"), sample, models, false, ct).ConfigureAwait(false);
            var bare = await MeasureAsync(Path.Combine(root, "bare"), sample.ToDictionary(s => s.Key, s => (IReadOnlyList<NeuroscopeNeuron>)[.. s.Value.Select(n => n with { Texts = [] })]), models, false, ct).ConfigureAwait(false);
            var empty = await MeasureAsync(Path.Combine(root, "empty"), sample.ToDictionary(s => s.Key, _ => (IReadOnlyList<NeuroscopeNeuron>)[]), models, false, ct).ConfigureAwait(false);
            // A precompressing profile: the plain prediction of each layer's neuron files, scaled by the sample's own ratio.
            var compressed = opts.Precompress ? await MeasureAsync(Path.Combine(root, "compressed"), sample, models, true, ct).ConfigureAwait(false) : null;
            return Predict(profile, models, layers, census, sample, full, bare, empty, compressed);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static SizePlan Predict(
        BuildProfile profile,
        IReadOnlyList<string> modelIds,
        IReadOnlyList<(string Model, int Layer)> layers,
        Dictionary<(string, int), (long Neurons, long Texts)> census,
        Dictionary<(string Model, int Layer), IReadOnlyList<NeuroscopeNeuron>> sample,
        SampleOutput full,
        SampleOutput bare,
        SampleOutput empty,
        SampleOutput? compressed)
    {
        var manifestEntry = (compressed ?? full).ManifestBytes / (double)Math.Max(1, full.Files.Count);
        var models = new List<ModelPlan>();
        var largest = ("", 0L);
        foreach (var model in modelIds)
        {
            var group = layers.Where(l => l.Model == model).ToList();
            double bytes = full.ModelLevel(model).Bytes;
            double files = full.ModelLevel(model).Files;
            long neurons = 0, texts = 0;
            foreach (var key in group)
            {
                var (n, x) = census[key];
                var measured = sample[key];
                var k = Math.Max(1, measured.Count);
                var sampleTexts = measured.Sum(m => m.Texts.Count);
                var keptTexts = profile.MaxTexts is { } max ? Math.Min(x, n * (long)max) : x;
                var fixedPerNeuron = bare.Neurons(key).Bytes / (double)k;
                var perText = sampleTexts == 0 ? 0 : (full.Neurons(key).Bytes - bare.Neurons(key).Bytes) / (double)sampleTexts;
                // The layer's JSON index has a row per neuron; its page shows the first ListingViews.LayerRows.
                var jsonRow = measured.Count == 0 ? 0 : (full.LayerIndex(key, ".json").Bytes - empty.LayerIndex(key, ".json").Bytes) / (double)measured.Count;
                var pageRows = Math.Min(measured.Count, Html.ListingViews.LayerRows);
                var pageRow = pageRows == 0 ? 0 : (full.LayerIndex(key, ".html").Bytes - empty.LayerIndex(key, ".html").Bytes) / (double)pageRows;
                var ratio = compressed is null ? 1 : compressed.Neurons(key).Bytes / (double)Math.Max(1, full.Neurons(key).Bytes);
                bytes += (ratio * ((n * fixedPerNeuron) + (keptTexts * perText))) + empty.LayerIndex(key).Bytes + (n * jsonRow) + (Math.Min(n, Html.ListingViews.LayerRows) * pageRow);
                files += (n * (full.Neurons(key).Files / (double)k)) + empty.LayerIndex(key).Files;
                neurons += n;
                texts += keptTexts;
                if (n + 1 > largest.Item2)
                {
                    largest = ($"api/{key.Model}/{key.Layer}/", n + 1);
                }
            }

            bytes += files * manifestEntry;
            models.Add(new ModelPlan(model, group.Count, neurons, texts, (long)Math.Round(files), (long)Math.Round(bytes)));
        }

        var site = full.SiteWide();
        var siteBytes = site.Bytes + (long)Math.Round(site.Files * manifestEntry);
        if (full.RootEntries > largest.Item2)
        {
            largest = ("/", full.RootEntries);
        }

        return new SizePlan(profile, models, site.Files + 1, siteBytes, largest.Item1, largest.Item2);
    }

    private async Task<SampleOutput> MeasureAsync(
        string output, IReadOnlyDictionary<(string Model, int Layer), IReadOnlyList<NeuroscopeNeuron>> layers, IReadOnlyList<string> models, bool precompress, CancellationToken ct)
    {
        var builder = new SiteBuilder(new SampleCorpus(layers), catalog, pages, sources);
        await builder.BuildAsync(new BuildOptions(output, models, Parallelism: 1, Precompress: precompress), null, ct).ConfigureAwait(false);
        return SampleOutput.Read(output, models);
    }

    private static async Task<IReadOnlyList<NeuroscopeNeuron>> FirstAsync(IAsyncEnumerable<NeuroscopeNeuron> neurons, int count)
    {
        var first = new List<NeuroscopeNeuron>(count);
        await foreach (var n in neurons.ConfigureAwait(false))
        {
            first.Add(n);
            if (first.Count == count)
            {
                break;
            }
        }

        return first;
    }
}
