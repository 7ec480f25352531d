using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Amazon.S3;
using Amazon.S3.Model;
using NeuroNav.Publish;

namespace NeuroNav.Publish.Tests.Fixtures;

/// <summary>
/// A real S3 API on loopback: moto's server. Uses NEURONAV_S3_ENDPOINT when set (.ci/run starts one), otherwise starts
/// <c>moto_server -H 127.0.0.1 -p &lt;free port&gt;</c> and waits until it answers. Each test gets its own bucket.
/// </summary>
public sealed class MotoServer : IAsyncLifetime
{
    public const string AccessKey = "neuronav-test";
    public const string SecretKey = "neuronav-test-secret";
    private static int buckets;
    private Process? _process;

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Where moto_server is, or null; found once per run.</summary>
    public static string? Executable { get; } = Find();

    public static bool Required => Environment.GetEnvironmentVariable("NEURONAV_REQUIRE_S3") == "1";

    public static string? ConfiguredEndpoint => Environment.GetEnvironmentVariable("NEURONAV_S3_ENDPOINT") is { Length: > 0 } e ? e : null;

    public static bool Available => ConfiguredEndpoint is not null || Executable is not null;

    public Task InitializeAsync()
    {
        if (ConfiguredEndpoint is { } configured)
        {
            Endpoint = new Uri(configured);
            return Task.CompletedTask;
        }

        if (Executable is null)
        {
            return Required
                ? throw new InvalidOperationException("NEURONAV_REQUIRE_S3=1 but moto_server is not on PATH and NEURONAV_S3_ENDPOINT is not set")
                : Task.CompletedTask; // the tests are skipped by S3FactAttribute
        }

        return StartAsync(Executable);
    }

    private async Task StartAsync(string executable)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(executable, ["-H", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(1) };
        for (var i = 0; i < 150; i++)
        {
            try
            {
                using var response = await http.GetAsync(Endpoint);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Executable} exited with code {_process.ExitCode} before answering on {Endpoint}");
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Executable} did not answer on {Endpoint} within 15 s");
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return Task.CompletedTask;
    }

    public S3Connection Connection(string bucket) => new(bucket, Endpoint, "us-east-1", AccessKey, SecretKey);

    /// <summary>A fresh, empty bucket.</summary>
    public async Task<(S3ObjectStore Store, IAmazonS3 Client, string Bucket)> NewBucketAsync()
    {
        var bucket = $"neuronav-{Environment.ProcessId}-{Interlocked.Increment(ref buckets)}";
        var client = Connection(bucket).CreateClient();
        await client.PutBucketAsync(new PutBucketRequest { BucketName = bucket });
        return (new S3ObjectStore(Connection(bucket).CreateClient(), bucket), client, bucket);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? Find()
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Append("/root/.pyenv/shims");
        return dirs.Select(d => Path.Combine(d, "moto_server")).FirstOrDefault(File.Exists);
    }
}

[CollectionDefinition(Name)]
public sealed class MotoCollection : ICollectionFixture<MotoServer>
{
    public const string Name = "moto";
}

/// <summary>A test that needs moto: skipped with the reason when it is not installed, unless NEURONAV_REQUIRE_S3=1.</summary>
public sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute()
    {
        if (!MotoServer.Available && !MotoServer.Required)
        {
            Skip = "moto_server is not installed and NEURONAV_S3_ENDPOINT is not set (pip install 'moto[server]'); NEURONAV_REQUIRE_S3=1 makes this a failure";
        }
    }
}
