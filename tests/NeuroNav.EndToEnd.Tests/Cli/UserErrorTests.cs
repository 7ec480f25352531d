using System.Net;
using System.Net.Sockets;
using NeuroNav.Cli.Errors;
using NeuroNav.Core;
using NeuroNav.EndToEnd.Tests.Crash;
using NeuroNav.TestKit;

namespace NeuroNav.EndToEnd.Tests.Cli;

/// <summary>Every error a user can cause is one line naming the option, file, URL or setting and what to do.</summary>
public sealed class UserErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new("neuronav-errors");

    [Fact]
    public async Task Out_naming_a_file_is_a_bad_argument_not_an_abort()
    {
        var file = _dir.Combine("afile");
        File.WriteAllText(file, "not a folder");

        var (code, output) = await CliRun.RunAsync("build", "--corpus", _dir.Combine("corpus"), "--out", file);

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Equal($"error: --out: {file} is a file; give a folder (it is created when missing)", SingleLine(output));
    }

    [Fact]
    public async Task Out_below_a_file_names_the_file_in_the_way()
    {
        var file = _dir.Combine("afile");
        File.WriteAllText(file, "not a folder");

        var (code, output) = await CliRun.RunAsync("demo", "--corpus", _dir.Combine("corpus"), "--out", Path.Combine(file, "sub"));

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Equal($"error: --out: {Path.Combine(file, "sub")} cannot be created because {file} is a file; give a folder", SingleLine(output));
    }

    [Fact]
    public async Task Serve_on_a_port_in_use_points_to_port()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var (code, output) = await CliRun.RunAsync("serve", "--dir", _dir.Path, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Equal($"error: --port: 127.0.0.1:{port} is in use by another program; pick another with --port (0 picks a free one)", SingleLine(output));
    }

    [Fact]
    public async Task Publish_dry_run_without_credentials_is_one_line_without_sdk_text()
    {
        var site = _dir.Combine("site");
        Directory.CreateDirectory(site);
        File.WriteAllText(Path.Combine(site, "manifest.json"), """{"schema":"manifest","schema_version":1,"files":[]}""");
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ACCESS_KEY_ID"] = null,
            ["AWS_SECRET_ACCESS_KEY"] = null,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_ENDPOINT_URL_S3"] = null,
            ["AWS_ENDPOINT_URL"] = null,
            ["HOME"] = _dir.Path,
            ["AWS_SHARED_CREDENTIALS_FILE"] = _dir.Combine("no-credentials"),
            ["AWS_CONFIG_FILE"] = _dir.Combine("no-config"),
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };

        var (code, output) = await CliProcess.RunAsync(environment, "publish", "--dir", site, "--bucket", "neuronav-test", "--dry-run");

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Equal(
            "error: publish: no credentials for the bucket; set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE), and for a store other than AWS also --endpoint or AWS_ENDPOINT_URL_S3",
            SingleLine(output));
    }

    [Fact]
    public async Task Verify_of_a_folder_that_is_no_site_says_so()
    {
        var (code, output) = await CliRun.RunAsync("verify", "--dir", "/");

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Equal("error: --dir: / has no manifest.json, so it is not a site 'neuronav build' wrote; give the folder of one", SingleLine(output));
    }

    [Fact]
    public void A_permission_denied_path_is_named_without_runtime_text()
    {
        var error = UserError.From(new UnauthorizedAccessException("Access to the path '/proc/1/map_files' is denied."), ["verify"], new Dictionary<string, Type>());

        Assert.Equal(ExitCode.Aborted, error.Code);
        Assert.Equal("permission denied: /proc/1/map_files cannot be read or written by this user; give a folder it can use, or fix its permissions", error.Message);
    }

    [Fact]
    public async Task Compact_refuses_a_model_that_is_no_catalog_id()
    {
        var (code, output) = await CliRun.RunAsync("compact", "--corpus", _dir.Path, "--model", "../x");

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.StartsWith("error: --model: unknown model '../x'; known models: solu-1l,", SingleLine(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_build_or_plan_that_would_produce_nothing_says_what_the_corpus_holds()
    {
        var corpus = _dir.Combine("corpus");
        var output = _dir.Combine("output");
        await using (var mirror = await SampleMirrorServer.StartAsync())
        {
            var (scraped, log) = await CliRun.RunAsync(
                "scrape", "--model", "gpt2-small", "--layers", "3", "--neurons", "0-3", "--corpus", corpus, "--base-url", mirror.BaseAddress.AbsoluteUri, "--rps", "1000");
            Assert.True(scraped is 0 or 1, log);
        }

        var (model, modelOutput) = await CliRun.RunAsync("build", "--corpus", corpus, "--out", output, "--model", "gpt2-medium");
        var (layers, layersOutput) = await CliRun.RunAsync("build", "--corpus", corpus, "--out", output, "--layers", "40-50");
        var (plan, planOutput) = await CliRun.RunAsync("plan", "--corpus", corpus, "--model", "gpt2-medium");

        Assert.Equal((int)ExitCode.BadArguments, model);
        Assert.Equal(
            $"error: --model gpt2-medium: the corpus at {corpus} holds no gpt2-medium (it holds gpt2-small layer 3); fetch it first with 'neuronav scrape --model gpt2-medium'",
            SingleLine(modelOutput));
        Assert.Equal((int)ExitCode.BadArguments, layers);
        Assert.Equal(
            "error: --layers 40-50: the corpus holds no such layer of gpt2-small (it holds gpt2-small layer 3); give --model and a range it holds",
            SingleLine(layersOutput));
        Assert.Equal((int)ExitCode.BadArguments, plan);
        Assert.Contains("holds no gpt2-medium", planOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "a build that refused still created its output folder");
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>The output, which must be exactly one line.</summary>
    private static string SingleLine(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line, got {lines.Length}:\n{output}");
        return lines[0];
    }
}
