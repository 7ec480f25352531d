using System.Globalization;
using NeuroNav.Cli.Benchmarks;
using NeuroNav.Cli.Commands;
using NeuroNav.Core;
using NeuroNav.Hosting;
using NeuroNav.Publish;
using Spectre.Console;

namespace NeuroNav.Cli.Rehearsal;

/// <summary>A verb of a stage did not succeed; the rehearsal stops there.</summary>
internal sealed class RehearsalException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}

/// <summary>
/// A partition of a model's shape through the scheduled rebuild on one machine, twice: the synthetic Neuroscope pages
/// of <c>neuronav bench</c> served on 127.0.0.1, then per run the partition job (<c>fetch neuroscope</c> and
/// <c>compact</c>; <c>partition</c> to the bucket) and the indexes job (<c>indexes</c>, <c>publish --indexes
/// --merge-corpus</c>), each verb run in process exactly as the workflow runs it. Each stage is measured by a
/// <see cref="StageProbe"/> over the folder its job would hold on a runner: <c>partition-job/</c> (the corpus and the
/// partition's work folder) and <c>indexes-job/</c> (emptied before each indexes stage, as a fresh runner has it).
/// </summary>
/// <param name="done">Told each stage's figures as soon as the stage ends (a long rehearsal reports as it goes).</param>
internal sealed class RehearsalRun(
    IAnsiConsole console, RehearseSettings s, ModelInfo model, S3ObjectStore store, S3Traffic traffic, Action<StageFigures> done, CancellationToken ct)
{
    private readonly List<StageFigures> _stages = [];
    private StaticSiteServer? _mirror;
    private Dictionary<string, StoredObject> _listing = [];

    public string Work => Path.GetFullPath(s.Work);

    /// <summary>Where <see cref="NeuroscopeBench"/> writes the synthetic pages (kept between rehearsals: they are the same pages).</summary>
    public string Mirror => Path.Combine(Work, "mirror");

    public string PartitionJob => Path.Combine(Work, "partition-job");

    public string Corpus => Path.Combine(PartitionJob, "corpus");

    public string IndexesJob => Path.Combine(Work, "indexes-job");

    public IReadOnlyList<StageFigures> Stages => _stages;

    private string Prefix => PublishTree.NormalizePrefix(s.Prefix ?? "");

    private TimeSpan Period => TimeSpan.FromMilliseconds(s.SamplePeriodMs);

    /// <summary>Runs every stage; throws <see cref="RehearsalException"/> when a verb fails (the stages so far are in <see cref="Stages"/>).</summary>
    public async Task<(DiskBound Disk, SecondRun Second)> RunAsync()
    {
        foreach (var job in new[] { PartitionJob, IndexesJob })
        {
            if (Directory.Exists(job))
            {
                Directory.Delete(job, recursive: true);
            }
        }

        try
        {
            await StageAsync(1, "mirror", Mirror, MirrorAsync);
            long corpusBytes = 0;
            Dictionary<string, StoredObject> afterFirst = [];
            for (var run = 1; run <= 2; run++)
            {
                await StageAsync(run, "fetch", PartitionJob, FetchAsync);
                corpusBytes = run == 1 ? FolderScan.Bytes(Corpus) : corpusBytes;
                await StageAsync(run, "partition", PartitionJob, PartitionAsync);
                await StageAsync(run, "indexes", IndexesJob, IndexesAsync);
                afterFirst = run == 1 ? _listing : afterFirst;
            }

            return (await DiskBoundAsync(corpusBytes), SecondRunOf(afterFirst, _listing));
        }
        finally
        {
            if (_mirror is not null)
            {
                await _mirror.DisposeAsync();
            }
        }
    }

    private async Task MirrorAsync(List<string> commands)
    {
        var bench = new BenchSettings { Work = Work, Model = model.Id, Layers = s.Layers, Neurons = s.Neurons, Texts = s.Texts, Tokens = s.Tokens };
        commands.Add($"neuronav bench --stage pages --work {Work} --model {model.Id} --layers {I(s.Layers)} --neurons {I(s.Neurons)} --texts {I(s.Texts)} --tokens {I(s.Tokens)}");
        new NeuroscopeBench(console, bench, model, Work, ct).Pages();
        _mirror = await StaticSiteServer.StartAsync(Mirror, 0, ct);
        console.MarkupLineInterpolated($"Mirror of {I(s.Layers * s.Neurons)} synthetic pages served at {_mirror.BaseAddress}");
    }

    private async Task FetchAsync(List<string> commands)
    {
        // On loopback the politeness budget would only add sleep: the README extrapolates the fetch at the budget instead.
        await VerbAsync(commands, "fetch", "neuroscope", "--corpus", Corpus, "--model", model.Id, "--layers", Layers, "--neurons", $"0-{I(s.Neurons - 1)}",
            "--base-url", _mirror!.BaseAddress.ToString(), "--rps", "100000");
        await VerbAsync(commands, "compact", "--corpus", Corpus, "--model", model.Id);
    }

    private Task PartitionAsync(List<string> commands) =>
        VerbAsync(commands, ["partition", "--model", model.Id, "--layers", Layers, "--corpus", Corpus, "--work", Path.Combine(PartitionJob, "work"), .. Bucket(), "--max-deletes", "20000"]);

    private async Task IndexesAsync(List<string> commands)
    {
        if (Directory.Exists(IndexesJob))
        {
            Directory.Delete(IndexesJob, recursive: true);
        }

        var output = Path.Combine(IndexesJob, "output");
        await VerbAsync(commands, ["indexes", .. Bucket(), "--corpus", Path.Combine(IndexesJob, "corpus"), "--out", output]);
        await VerbAsync(commands, ["publish", "--dir", output, .. Bucket(), "--indexes", "--merge-corpus"]);
    }

    private string Layers => $"0-{I(s.Layers - 1)}";

    private string[] Bucket() =>
    [
        "--bucket", s.Bucket!,
        .. s.Prefix is { } p ? ["--prefix", p] : Array.Empty<string>(),
        .. s.Endpoint is { } e ? ["--endpoint", e] : Array.Empty<string>(),
        .. s.Region is { } r ? ["--region", r] : Array.Empty<string>(),
    ];

    private async Task VerbAsync(List<string> commands, params string[] args)
    {
        var line = "neuronav " + string.Join(' ', args);
        commands.Add(line);
        console.MarkupLineInterpolated($"[grey]$ {line}[/]");
        var code = await NeuroNavApp.RunAsync(args, console, ct);
        if (code != (int)ExitCode.Success)
        {
            throw new RehearsalException($"'{line}' exited with code {I(code)}", code);
        }
    }

    private async Task StageAsync(int run, string stage, string folder, Func<List<string>, Task> body)
    {
        console.Write(new Rule($"run {I(run)}: {stage}").LeftJustified());
        _ = traffic.Take();
        var served = _mirror?.Requests ?? 0;
        var commands = new List<string>();
        StageCost cost;
        await using (var probe = StageProbe.Start(folder, Period))
        {
            await body(commands);
            cost = await probe.StopAsync();
        }

        var requests = traffic.Take();
        var stored = _listing = await ListingAsync();
        _stages.Add(new StageFigures(
            run, stage, folder, commands, cost.Wall.TotalSeconds, cost.Cpu.TotalSeconds, cost.PeakDiskBytes, cost.PeakRssBytes, cost.StartRssBytes,
            cost.FilesWritten, cost.BytesWritten, cost.KernelWriteBytes, stored.Count, stored.Values.Sum(o => o.Bytes),
            (_mirror?.Requests ?? 0) - served, requests.ByMethod, requests.Writes.Count, [.. requests.Writes.Take(50)], cost.Samples, cost.SamplerTime.TotalSeconds));
        done(_stages[^1]);
    }

    /// <summary>Every object under the prefix (these listing requests are not counted in any stage).</summary>
    private async Task<Dictionary<string, StoredObject>> ListingAsync()
    {
        var objects = new Dictionary<string, StoredObject>(StringComparer.Ordinal);
        await foreach (var o in store.ListAsync(Prefix, ct))
        {
            objects[o.Key] = o;
        }

        _ = traffic.Take();
        return objects;
    }

    /// <summary>The partition stage's peak disk against the largest layer the partition published plus the corpus.</summary>
    private async Task<DiskBound> DiskBoundAsync(long corpusBytes)
    {
        var (layer, bytes) = (-1, 0L);
        await foreach (var o in store.ListAsync(Prefix + SiteTrees.PartitionsFolder + "/" + model.Id + "/", ct))
        {
            var manifest = SiteManifest.Parse(await store.GetAsync(o.Key, ct) ?? [], o.Key);
            var total = o.Bytes + manifest.Values.Sum(e => e.Bytes);
            if (total > bytes)
            {
                (layer, bytes) = (int.Parse(Path.GetFileNameWithoutExtension(o.Key).Split('-')[0], CultureInfo.InvariantCulture), total);
            }
        }

        _ = traffic.Take();
        var peak = _stages.First(f => f is { Run: 1, Stage: "partition" }).PeakDiskBytes;
        return new DiskBound(peak, layer, bytes, corpusBytes);
    }

    private SecondRun SecondRunOf(Dictionary<string, StoredObject> before, Dictionary<string, StoredObject> after)
    {
        var second = _stages.Where(f => f.Run == 2).ToList();
        var writes = second.SelectMany(f => f.S3Writes).ToList();
        var changed = before.Keys.Union(after.Keys)
            .Where(k => !before.TryGetValue(k, out var b) || !after.TryGetValue(k, out var a) || a != b)
            .Order(StringComparer.Ordinal)
            .ToList();
        var fetched = second.Where(f => f.Stage == "fetch").Sum(f => f.MirrorRequests);
        return new SecondRun(fetched, writes.Count == second.Sum(f => f.S3WriteCount) ? writes : [.. writes, "..."], changed);
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);
}
