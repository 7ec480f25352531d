using System.Globalization;
using NeuroNav.Corpus.Neuron2Graph;
using NeuroNav.Fetch.Http;

namespace NeuroNav.Fetch.Neuron2Graph;

/// <summary>
/// What an N2G output folder holds before any graph is read: its layout, <c>stats.json</c>, <c>neuron_store.json</c>,
/// and the neurons they (or, for a local folder, the listing) name. Broken index files become warnings.
/// </summary>
internal sealed record GraphIndex(
    GraphLayout Layout, string GraphRoot, IReadOnlyList<(int Layer, int Neuron)> Neurons, IReadOnlyList<GraphStats> Stats, IReadOnlyList<StoreEntry> Store, IReadOnlyList<string> Warnings)
{
    public string Describe() => Layout == GraphLayout.Folder ? $"folder ({GraphRoot}{{L}}_{{N}}/graph)" : "flat ({L}_{N})";

    /// <summary>Throws <see cref="SourceUnreachableException"/> when no index file could be fetched from a base URL, and
    /// <see cref="ArgumentException"/> naming <paramref name="from"/> when it names no neuron.</summary>
    public static async Task<GraphIndex> ReadAsync(GraphFiles files, string model, string from, GraphLayout layout, CancellationToken ct)
    {
        var warnings = new List<string>();
        var asked = new List<FileAnswer>();
        var storeAnswer = await files.GetAsync("neuron_store.json", ct).ConfigureAwait(false);
        asked.Add(storeAnswer);
        var store = Parse(storeAnswer, b => NeuronStoreParser.Parse(b), warnings) ?? [];
        var (found, statsPath, statsAnswer) = await DetectAsync(files, layout, asked, ct).ConfigureAwait(false);
        var stats = statsAnswer is null ? [] : Parse(statsAnswer, b => StatsParser.Parse(b, model), warnings) ?? [];
        if (statsPath is null)
        {
            warnings.Add($"no stats.json under {files.Root}");
        }

        var graphRoot = found == GraphLayout.Folder && (statsPath == "layer_0/stats.json" || files.HasFolder("layer_0") == true) ? "layer_0/" : string.Empty;
        var neurons = stats.Select(s => (s.Id.Layer, s.Id.Neuron))
            .Concat(store.Select(e => (e.Layer, e.Neuron)))
            .Concat(files.ListNeurons(graphRoot))
            .Distinct()
            .Order()
            .ToList();
        return neurons.Count == 0
            ? throw NothingThere(files, from, asked)
            : new GraphIndex(found, graphRoot, neurons, stats, store, warnings);
    }

    /// <summary>The layout, and the path and answer of stats.json (null when there is none).</summary>
    private static async Task<(GraphLayout Layout, string? StatsPath, FileAnswer? Stats)> DetectAsync(GraphFiles files, GraphLayout layout, List<FileAnswer> asked, CancellationToken ct)
    {
        var folder = layout != GraphLayout.Flat ? await files.GetAsync("layer_0/stats.json", ct).ConfigureAwait(false) : null;
        if (folder is { Ok: true })
        {
            return (GraphLayout.Folder, "layer_0/stats.json", folder);
        }

        asked.AddRange(folder is null ? [] : [folder]);
        var flat = await files.GetAsync("stats.json", ct).ConfigureAwait(false);
        asked.Add(flat);
        var flatStats = flat.Ok;
        var resolved = layout != GraphLayout.Auto ? layout
            : flatStats && files.HasFolder("layer_0") != true ? GraphLayout.Flat
            : files.HasFolder("layer_0") == true ? GraphLayout.Folder
            : flatStats ? GraphLayout.Flat : GraphLayout.Folder;
        return (resolved, flatStats ? "stats.json" : null, flatStats ? flat : null);
    }

    /// <summary>
    /// Why there is nothing to ingest: a source whose every file failed without an HTTP answer is unreachable;
    /// one that answered (or a folder) simply holds no N2G output.
    /// </summary>
    private static Exception NothingThere(GraphFiles files, string from, List<FileAnswer> asked)
    {
        var failed = asked.Where(a => !a.Ok && !a.NotFound && a.HttpStatus is null or >= 500).ToList();
        if (files.Root.Scheme is "http" or "https" && failed.Count == asked.Count && failed.Count > 0)
        {
            return new SourceUnreachableException(
                files.Root.Authority, string.Create(CultureInfo.InvariantCulture, $"none of the {failed.Count} Neuron2Graph index files under {files.Root} could be fetched"), failed[^1].Error ?? "no answer");
        }

        return new ArgumentException(
            $"--from {from}: no Neuron2Graph output there (no neuron_store.json, stats.json or {{layer}}_{{neuron}} graphs); give the folder or URL that holds them");
    }

    private static T? Parse<T>(FileAnswer answer, Func<byte[], T> parse, List<string> warnings)
        where T : class
    {
        if (!answer.Ok)
        {
            warnings.Add($"{answer.Url}: {answer.Error}");
            return null;
        }

        try
        {
            return parse(answer.Body!);
        }
        catch (GraphFormatException e)
        {
            warnings.Add($"{answer.Url}: {e.Reason}");
            return null;
        }
    }
}
