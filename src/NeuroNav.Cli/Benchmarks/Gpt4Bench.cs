using System.Diagnostics;
using NeuroNav.Build;
using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Html;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.Corpus.Gpt4;
using NeuroNav.Fetch.Gpt4;
using NeuroNav.Fetch.Neuroscope;
using NeuroNav.Sample;
using NeuroNav.Sample.Gpt4;

namespace NeuroNav.Cli.Benchmarks;

/// <summary>
/// <c>neuronav bench --stage gpt4</c>: parse rate of OpenAI explanation files on one core, and what the GPT-4 section adds
/// to a build (a corpus with and without GPT-4 data for the same neurons, built cold on 2 cores each).
/// </summary>
internal static class Gpt4Bench
{
    /// <summary>Rows of the benchmark table: measure, value, detail.</summary>
    public static async Task<IReadOnlyList<(string Measure, string Value, string Detail)>> RunAsync(
        ModelCatalog catalog, ModelInfo model, string work, int neurons, int texts, int tokens, CancellationToken ct)
    {
        var rows = new List<(string, string, string)>();
        var root = Path.Combine(work, "gpt4");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var ids = Enumerable.Range(0, neurons).Select(n => new NeuronId(model.Id, 0, n)).ToList();
        var files = ids.Select(id => Gpt4Mirror.RealisticFiles(id)).ToList();

        var explanations = files.Select(f => f["explanations"]).ToList();
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        long parsed = 0, bytes = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(5) || parsed < explanations.Count)
        {
            foreach (var file in explanations)
            {
                _ = Gpt4Parser.ParseExplanations(file, "bench");
                parsed++;
                bytes += file.Length;
            }
        }

        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        rows.Add(("gpt4: parse explanation files, 1 core", $"{parsed / used:F0} files/s per core",
            $"{parsed:N0} parses of {explanations.Count} files of {explanations.Average(f => f.Length) / 1e3:F0} KB (10 sequences × 64 tokens), {bytes / 1e6 / used:F0} MB/s of CPU time"));

        var plain = new CorpusStore(Path.Combine(root, "plain"));
        var with = new CorpusStore(Path.Combine(root, "with"));
        foreach (var chunk in ids.Chunk(100))
        {
            var pages = chunk.Select(id => NeuronPageParser.Parse(
                RealisticPages.Neuron(model, id.Layer, id.Neuron, texts, tokens).Html, id, new Provenance("bench", DateTimeOffset.UnixEpoch, new string('0', 64), 0))).ToList();
            await plain.WriteBatchAsync(model.Id, 0, pages, [], ct);
            await with.WriteBatchAsync(model.Id, 0, pages, [], ct);
            var gpt4 = chunk.Select(id => Neuron(id, files[id.Neuron])).ToList();
            await new Gpt4Store(with.Root).WriteBatchAsync(model.Id, 0, gpt4, [], ct);
        }

        // Each build runs twice (the first pays for JIT and cold caches); the second of each is measured, in CPU time,
        // so other processes on the machine do not count.
        var renderer = ScribanPageRenderer.Load(AppPaths.Templates, AppPaths.Content, "bench");
        Task<(BuildReport Report, TimeSpan Cpu)> Plain(int round) =>
            MeasureAsync(() => new SiteBuilder(plain, catalog, renderer, [Gpt4SectionSource.WithoutData, GraphSectionSource.WithoutData]).BuildAsync(new BuildOptions(Path.Combine(root, $"out-plain-{round}"), [model.Id]), null, ct));
        Task<(BuildReport Report, TimeSpan Cpu)> Sourced(int round) =>
            MeasureAsync(() => new SiteBuilder(with, catalog, renderer, [new Gpt4SectionSource(new Gpt4Store(with.Root)), GraphSectionSource.WithoutData]).BuildAsync(new BuildOptions(Path.Combine(root, $"out-gpt4-{round}"), [model.Id]), null, ct));
        await Plain(0);
        await Sourced(0);
        var baseline = await Plain(1);
        var sourced = await Sourced(1);

        var added = (sourced.Cpu - baseline.Cpu).TotalMilliseconds / neurons;
        rows.Add(("gpt4: added build cost", $"{added:F2} ms CPU/neuron",
            $"{neurons:N0} neurons ({texts} texts × {tokens} tokens), 2 workers: {baseline.Cpu.TotalMilliseconds / neurons:F1} ms CPU/neuron without GPT-4 ({baseline.Report.Elapsed.TotalSeconds:F1} s wall), {sourced.Cpu.TotalMilliseconds / neurons:F1} with ({sourced.Report.Elapsed.TotalSeconds:F1} s); +{(sourced.Report.BytesWritten - baseline.Report.BytesWritten) / neurons / 1e3:F0} KB/neuron written"));
        return rows;
    }

    private static async Task<(BuildReport Report, TimeSpan Cpu)> MeasureAsync(Func<Task<BuildReport>> build)
    {
        var before = Process.GetCurrentProcess().TotalProcessorTime;
        var report = await build();
        return (report, Process.GetCurrentProcess().TotalProcessorTime - before);
    }

    private static Gpt4Neuron Neuron(NeuronId id, IReadOnlyDictionary<string, byte[]> files)
    {
        var file = new Provenance("bench", DateTimeOffset.UnixEpoch, new string('0', 64), 0);
        return new Gpt4Neuron(
            id,
            Gpt4Datasets.All.ToDictionary(d => d, _ => file),
            Gpt4Mapping.Explanations(Gpt4Parser.ParseExplanations(files["explanations"], "bench")),
            Gpt4Mapping.Activations(Gpt4Parser.ParseNeuronRecord(files["collated-activations"], "bench")),
            Gpt4Mapping.RelatedNeurons(Gpt4Parser.ParseRelatedNeurons(files["related-neurons/weight-based"], "bench")),
            [.. Gpt4Mapping.TokensByActivation(Gpt4Parser.ParseRelatedTokensByActivation(files["related-tokens/activation-based"], "bench")),
             .. Gpt4Mapping.TokensByWeight(Gpt4Parser.ParseRelatedTokensByWeight(files["related-tokens/weight-based"], "bench"))]);
    }
}
