using System.Text;
using NeuroNav.Core;
using NeuroNav.Sample.Synthetic;

namespace NeuroNav.Sample;

/// <summary>A file of the sample mirror: its path under the mirror root ('/'-separated) and its bytes.</summary>
public sealed record MirrorFile(string Path, byte[] Bytes);

/// <summary>Writes the offline sample: a small mirror of neuroscope.io in its exact format, from deterministic synthetic data.</summary>
public static class SampleMirror
{
    /// <summary>The seed of all synthetic data in the mirror.</summary>
    public const ulong Seed = 0x4E6575726F4E6176;

    public const int TextsPerPage = 20;
    public const int MinTokens = 48;
    public const int MaxTokens = 96;

    /// <summary>The CircuitsVis versions the pages import: they differ between models, as they may live.</summary>
    public static string VersionFor(string model) => model.StartsWith("gpt2", StringComparison.Ordinal) ? "1.39.0" : NeuroscopePageWriter.DefaultCircuitsVisVersion;

    /// <summary>Every neuron path the mirror covers (pages, hostile cases and the gap included).</summary>
    public static IReadOnlyList<SampleRange> Ranges { get; } =
    [
        new("solu-1l", 0, 0, 16),
        new("gpt2-small", 0, 0, 16),
        new("gpt2-small", 0, 37, 38),
        new("gpt2-small", 0, 1403, 1404),
        new("gpt2-small", 3, 0, 16),
    ];

    /// <summary>The unusual neuron paths and the coverage status a scrape must record for each.</summary>
    public static IReadOnlyList<SampleCase> Cases { get; } = SampleCases.All.Select(c => c.Case).ToList();

    /// <summary>The models that have neuron pages, model index pages and redirects in the mirror.</summary>
    public static IReadOnlyList<string> Models { get; } = Ranges.Select(r => r.Model).Distinct().ToList();

    /// <summary>What a scrape of <paramref name="id"/> against the mirror must record.</summary>
    public static CoverageStatus ExpectedStatus(NeuronId id)
    {
        var hostile = Cases.FirstOrDefault(c => c.Neuron == id);
        if (hostile is not null)
        {
            return hostile.Expected;
        }

        return Ranges.Any(r => r.Model == id.Model && r.Layer == id.Layer && id.Neuron >= r.FirstNeuron && id.Neuron < r.EndNeuron)
            ? CoverageStatus.Present
            : CoverageStatus.MissingUpstream;
    }

    /// <summary>
    /// The neurons a correct scrape stores (status Present), with the values their pages print, in range order.
    /// Provenance: Url is the path relative to the mirror root, FetchedAt is the Unix epoch, Sha256/Bytes are the page's.
    /// </summary>
    public static IReadOnlyList<NeuroscopeNeuron> Neurons(ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var neurons = new List<NeuroscopeNeuron>();
        foreach (var id in Ranges.SelectMany(r => r.Neurons()))
        {
            if (ExpectedStatus(id) != CoverageStatus.Present)
            {
                continue;
            }

            var (page, version) = Synthesise(catalog, id);
            var bytes = Render(catalog, id);
            var provenance = new Provenance($"{id}.html", DateTimeOffset.UnixEpoch, Hashing.Sha256Hex(bytes!), bytes!.Length);
            neurons.Add(ExpectedNeuron.From(page, version, provenance));
        }

        return neurons;
    }

    /// <summary>Every file of the mirror, sorted by path.</summary>
    public static IReadOnlyList<MirrorFile> Files(ModelCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var files = new List<MirrorFile> { Text("index.html", SiteIndexWriter.MainIndex(catalog.Models)) };
        foreach (var modelId in Models)
        {
            var model = catalog[modelId];
            files.Add(Text($"{modelId}/index.html", SiteIndexWriter.ModelIndex(model)));
            files.Add(Text($"{modelId}/model.html", SiteIndexWriter.RedirectToIndex()));
            files.Add(Text($"{modelId}/random.html", SiteIndexWriter.RandomRedirect(model.NeuronsPerLayer)));
            foreach (var layer in Ranges.Where(r => r.Model == modelId).Select(r => r.Layer).Distinct())
            {
                files.Add(Text($"{modelId}/{layer}/index.html", SiteIndexWriter.RedirectToIndexOneUp()));
                files.Add(Text($"{modelId}/{layer}/random.html", SiteIndexWriter.RandomRedirect(model.NeuronsPerLayer)));
            }
        }

        foreach (var id in Ranges.SelectMany(r => r.Neurons()))
        {
            if (Render(catalog, id) is { } bytes)
            {
                files.Add(new MirrorFile($"{id}.html", bytes));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>
    /// Writes the mirror under <paramref name="directory"/> (its root is the site root of neuroscope.io).
    /// Unchanged files are not rewritten; <c>.html</c> files in the sampled models' folders that are no longer part of
    /// the mirror are removed, and nothing else is touched.
    /// </summary>
    public static void Generate(string directory, ModelCatalog catalog)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var root = Path.GetFullPath(directory);
        var files = Files(catalog);
        var keep = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var path = Path.Combine(root, file.Path.Replace('/', Path.DirectorySeparatorChar));
            keep.Add(path);
            if (!File.Exists(path) || !File.ReadAllBytes(path).AsSpan().SequenceEqual(file.Bytes))
            {
                AtomicFile.WriteAllBytes(path, file.Bytes);
            }
        }

        // Only the model folders the mirror owns are swept, so a wrong directory argument cannot delete unrelated pages.
        foreach (var model in Models)
        {
            var folder = Path.Combine(root, model);
            foreach (var stale in Directory.EnumerateFiles(folder, "*.html", SearchOption.AllDirectories).Where(p => !keep.Contains(p)).ToList())
            {
                File.Delete(stale);
            }
        }

        // The other sources' mirrors are the neuroscope mirror's siblings (content/sample/<source>/).
        if (Path.GetFileName(root) == "neuroscope")
        {
            Neuron2Graph.GraphSample.Generate(Path.Combine(Path.GetDirectoryName(root)!, "neuron2graph"));
        }
    }

    /// <summary>The synthetic inputs of a neuron path, before any hostile edit of the page's bytes.</summary>
    internal static (NeuronPage Page, string? Version) Synthesise(ModelCatalog catalog, NeuronId id)
    {
        var model = catalog[id.Model];
        var top = id.Model == "gpt2-small" ? RealMaxActs.Gpt2SmallText0(id.Layer, id.Neuron) : null;
        var spec = new SyntheticNeuronSpec(model, id.Layer, id.Neuron, SeedOf(id), TextsPerPage, MinTokens, MaxTokens, top);
        var page = SyntheticNeuron.Page(spec);
        var version = VersionFor(id.Model);
        return SampleCases.KindOf(id) switch
        {
            SampleKind.NanAndInfinity => (HostileEdits.WithNanAndInfinity(page), version),
            SampleKind.HostileTokens => (HostileEdits.WithHostileTokens(page), version),
            SampleKind.NoVersion => (page, null),
            SampleKind.OtherNeuron => (page with { Neuron = SampleCases.OtherNeuronInHeader }, version),
            _ => (page, version),
        };
    }

    /// <summary>The bytes served at a neuron path, or null for the gap.</summary>
    private static byte[]? Render(ModelCatalog catalog, NeuronId id)
    {
        var (page, version) = Synthesise(catalog, id);
        return SampleCases.KindOf(id) switch
        {
            SampleKind.Missing => null,
            SampleKind.Redirect => Encoding.UTF8.GetBytes(SiteIndexWriter.RedirectToIndexOneUp()),
            SampleKind.LegacyLexoscope => Encoding.UTF8.GetBytes(LegacyLexoscopeWriter.Write(page)),
            _ => NeuroscopePageWriter.Write(page, version, new SeededRenderIds(SplitMix64.Derive(SeedOf(id), 0x1D5))),
        };
    }

    private static ulong SeedOf(NeuronId id)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in id.ToString())
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return SplitMix64.Derive(Seed, hash);
    }

    private static MirrorFile Text(string path, string content) => new(path, Encoding.UTF8.GetBytes(content));
}
