using System.Text.Json;
using System.Text.Json.Serialization;

namespace NeuroNav.Cli.Rehearsal;

/// <summary>Everything a rehearsal measured, as written by <c>--json</c>: the input to the README's full-archive table.</summary>
/// <param name="SamplePeriodMs">How often the working set and the stage's folder were sampled (plus once at each stage's start and end).</param>
/// <param name="Failure">Why the rehearsal failed (a stage's verb, or the second run publishing something); null when it passed.</param>
internal sealed record RehearsalFigures(
    string Model,
    int Layers,
    int NeuronsPerLayer,
    int Texts,
    int Tokens,
    int ProcessorCount,
    int SamplePeriodMs,
    string Bucket,
    string Prefix,
    MirrorFigures Mirror,
    IReadOnlyList<StageFigures> Stages,
    DiskBound? PeakDisk,
    SecondRun? SecondRun,
    string? Failure);

/// <summary>The synthetic Neuroscope mirror the fetch stages read: its pages and their bytes.</summary>
internal sealed record MirrorFigures(long Pages, long Bytes);

/// <summary>One stage of one run: what it cost the process and its folder, what the bucket holds after it, the requests it made.</summary>
/// <param name="Folder">The folder whose peak size and written files are reported: the job's, as a runner would hold it.</param>
/// <param name="Commands">The neuronav command lines the stage ran, in order.</param>
/// <param name="ObjectsStored">Objects under the prefix after the stage (a listing).</param>
/// <param name="MirrorRequests">Requests the mirror received during the stage.</param>
/// <param name="S3Requests">Requests to the bucket during the stage, per HTTP method.</param>
/// <param name="S3Writes">The first of the stage's PUT, POST and DELETE requests ("METHOD key"); <paramref name="S3WriteCount"/> counts them all.</param>
internal sealed record StageFigures(
    int Run,
    string Stage,
    string Folder,
    IReadOnlyList<string> Commands,
    double WallSeconds,
    double CpuSeconds,
    long PeakDiskBytes,
    long PeakRssBytes,
    long StartRssBytes,
    long FilesWritten,
    long BytesWritten,
    long? KernelWriteBytes,
    long ObjectsStored,
    long BytesStored,
    long MirrorRequests,
    IReadOnlyDictionary<string, long> S3Requests,
    long S3WriteCount,
    IReadOnlyList<string> S3Writes,
    int Samples,
    double SamplerSeconds);

/// <summary>The partition stage's peak disk against the bound the design promises: one layer's output plus the partition's corpus.</summary>
/// <param name="LargestLayerBytes">The largest layer's output: the files its partition manifest lists plus that manifest (the layer folder's manifest.json).</param>
/// <param name="CorpusBytes">The partition's corpus on disk when the partition stage started.</param>
internal sealed record DiskBound(long PartitionPeakDiskBytes, int LargestLayer, long LargestLayerBytes, long CorpusBytes)
{
    public long BoundBytes => LargestLayerBytes + CorpusBytes;

    public long OverBoundBytes => Math.Max(0, PartitionPeakDiskBytes - BoundBytes);
}

/// <summary>What the second run changed: it must fetch nothing and publish nothing.</summary>
/// <param name="PagesFetched">Requests the mirror received during the second run's fetch.</param>
/// <param name="Writes">Every PUT, POST and DELETE the second run sent to the bucket ("METHOD key").</param>
/// <param name="Changed">Keys whose listing (size, ETag) differs after the second run, or that appeared or disappeared.</param>
internal sealed record SecondRun(long PagesFetched, IReadOnlyList<string> Writes, IReadOnlyList<string> Changed)
{
    public bool NothingPublished => Writes.Count == 0 && Changed.Count == 0;

    /// <summary>Nothing fetched, nothing published.</summary>
    public bool Passed => PagesFetched == 0 && NothingPublished;
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(RehearsalFigures))]
internal sealed partial class RehearsalJsonContext : JsonSerializerContext
{
    public static byte[] Serialize(RehearsalFigures figures) => JsonSerializer.SerializeToUtf8Bytes(figures, Default.RehearsalFigures);
}
