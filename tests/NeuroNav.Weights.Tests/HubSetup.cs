using System.Text;
using NeuroNav.Fetch;
using NeuroNav.Fetch.Weights;
using NeuroNav.Sample.Weights;
using NeuroNav.TestKit;
using NeuroNav.Weights.Model;
using NeuroNav.Weights.Tests.Kit;

namespace NeuroNav.Weights.Tests;

/// <summary>A small synthetic model of one layout, written to disk and served by a <see cref="HubMirror"/>, and an empty folder to download it into.</summary>
internal sealed class HubSetup : IAsyncDisposable
{
    private HubSetup(HubMirror mirror, WrittenModel written, TempDirectory target)
    {
        Mirror = mirror;
        Written = written;
        Target = target;
    }

    public HubMirror Mirror { get; }

    public WrittenModel Written { get; }

    public TempDirectory Target { get; }

    /// <summary>The mapping row: repository <c>test/{layout}</c> at <c>main</c>, its weights file and its <c>tokenizer.json</c>.</summary>
    public WeightsSource Row => Written.Source;

    public string Repo => Row.Repository;

    public string WeightsFile => Row.Files[0];

    public byte[] WeightsBytes => File.ReadAllBytes(Written.FilePath);

    public static byte[] TokenizerBytes { get; } = Encoding.UTF8.GetBytes(
        """{"version":"1.0","added_tokens":[],"model":{"type":"BPE","vocab":{"a":0,"b":1,"Ġa":2},"merges":[]}}""");

    /// <summary>The hub's files of the repository: the weights, the tokenizer and a config.</summary>
    public Dictionary<string, byte[]> Files => new(StringComparer.Ordinal)
    {
        [WeightsFile] = WeightsBytes,
        ["tokenizer.json"] = TokenizerBytes,
        ["config.json"] = """{"n_layers":2}"""u8.ToArray(),
    };

    public static async Task<HubSetup> StartAsync(string layout, bool serve = true)
    {
        var model = new SyntheticModel(layout == "tl" ? "solu" : "gelu", 2, 64, 16, 120, seed: layout.Length, tied: layout == "gpt2");
        var written = new WrittenModel(layout, model, 120);
        var setup = new HubSetup(await HubMirror.StartAsync(), written, new TempDirectory("neuronav-hub"));
        if (serve)
        {
            setup.Mirror.AddRepository(setup.Repo, setup.Files);
        }

        return setup;
    }

    /// <summary>Polite as in a real run, but with no rate limit and millisecond backoffs.</summary>
    public HubOptions Options(int maxResumes = 10) => new()
    {
        BaseUrl = Mirror.BaseAddress,
        MaxResumes = maxResumes,
        Http = new FetchOptions
        {
            BaseUrl = Mirror.BaseAddress,
            Concurrency = 1,
            RequestsPerSecond = double.PositiveInfinity,
            MaxRetries = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(1),
            MaxRetryDelay = TimeSpan.FromSeconds(5),
        },
    };

    public Task<HubProvenance> DownloadAsync(WeightsSource? row = null, HubOptions? options = null) =>
        HubDownloader.DownloadAsync(row ?? Row, Target.Path, options ?? Options(), null, Guard());

    /// <summary>A run that hangs fails the test instead of the suite.</summary>
    public static CancellationToken Guard() => new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;

    public string InTarget(string file) => Target.Combine(file);

    public async ValueTask DisposeAsync()
    {
        await Mirror.DisposeAsync();
        Written.Dispose();
        Target.Dispose();
    }
}
