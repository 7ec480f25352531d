using System.Diagnostics;
using System.Globalization;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Corpus.Neuron2Graph;

// Usage: dotnet run -c Release --project tests/NeuroNav.Neuron2Graph/Bench -- [layers=48] [neurons=6400] [meanTokens=20]
// under /usr/bin/time -v for the peak RSS. A synthetic neuron store shaped like N2G's: each neuron has 1-5 activating
// and a log-normal number (mean ~meanTokens) of important tokens, drawn Zipf-like (s = 1.1) from a 50,000-token vocabulary.
var layers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 48;
var perLayer = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 6400;
var meanTokens = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 20;
const int Vocabulary = 50_000;

var clock = Stopwatch.StartNew();
var random = new Random(12345);
var cumulative = new double[Vocabulary];
var sum = 0.0;
for (var i = 0; i < Vocabulary; i++)
{
    cumulative[i] = sum += 1 / Math.Pow(i + 1, 1.1);
}

var vocabulary = Enumerable.Range(0, Vocabulary).Select(i => "tok" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
string Draw() => vocabulary[Math.Min(Vocabulary - 1, ~Array.BinarySearch(cumulative, random.NextDouble() * sum) is var j && j >= 0 ? j : 0)];
var entries = new List<StoreEntry>();
for (var layer = 0; layer < layers; layer++)
{
    for (var neuron = 0; neuron < perLayer; neuron++)
    {
        var activating = 1 + random.Next(5);
        for (var a = 0; a < activating; a++)
        {
            entries.Add(new StoreEntry(Draw(), StoreKind.Activating, layer, neuron));
        }

        var important = (int)Math.Round(Math.Exp(Math.Log(meanTokens) - 0.32 + (0.8 * Gaussian(random))));
        for (var c = 0; c < important; c++)
        {
            entries.Add(new StoreEntry(Draw(), StoreKind.Important, layer, neuron));
        }
    }
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"store: {layers * perLayer:N0} neurons, {entries.Count:N0} (token, kind, neuron) pairs, generated in {clock.Elapsed.TotalSeconds:F1} s"));

clock.Restart();
var builder = new TokenSets.Builder();
foreach (var e in entries)
{
    builder.Add(e.Layer, e.Neuron, e.Token);
}

var sets = builder.Build();
var built = clock.Elapsed;
var similar = SimilarNeurons.Compute(sets, new SimilarityOptions(TopK: 10, Threshold: 0.2, Parallelism: Environment.ProcessorCount), CancellationToken.None);
var links = similar.Sum(s => s.Count);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"similar neurons: token sets {built.TotalSeconds:F1} s, total {clock.Elapsed.TotalSeconds:F1} s, {links:N0} links, {similar.Count(s => s.Count > 0):N0} neurons with at least one, {sets.TokenCount:N0} distinct tokens"));

clock.Restart();
var (manifest, shards) = TokenIndex.Build("gpt2-xl", entries);
var sizes = shards.Select(s => s.Length).Order().ToArray();

// The bytes a one-term query fetches: manifest + the shard of its token, weighted by how often tokens are queried
// (uniformly over the distinct tokens, i.e. the median token).
var byShard = shards.Select(s => s.Length).ToArray();
var perToken = entries.Select(e => e.Token).Distinct().Select(t => manifest.Length + byShard[TokenIndex.Shard(t, shards.Count)]).Order().ToArray();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"search index: {clock.Elapsed.TotalSeconds:F1} s, {shards.Count:N0} shards, {sizes.Sum(s => (long)s) / 1e6:F1} MB; shard bytes median {sizes[sizes.Length / 2]:N0}, p90 {sizes[sizes.Length * 9 / 10]:N0}, max {sizes[^1]:N0}; one-term query fetches median {perToken[perToken.Length / 2]:N0} B, p90 {perToken[perToken.Length * 9 / 10]:N0} B"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"managed heap peak-ish: {GC.GetTotalMemory(false) / 1e6:F0} MB; process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));

static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
