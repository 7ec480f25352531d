using NeuroNav.Cli;
using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.TestKit;
using Spectre.Console.Testing;

namespace NeuroNav.EndToEnd.Tests.Hostile;

public sealed class InputSafetyTests
{
    [Theory]
    [InlineData("../gpt2-small")]
    [InlineData("/etc/passwd")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData(".hidden")]
    [InlineData("gpt2-small.")]
    [InlineData("gpt2-small/../x")]
    [InlineData("gpt2\\small")]
    [InlineData("GPT2-small")]
    [InlineData("gpt2-small\0")]
    [InlineData("gpt2 small")]
    [InlineData("")]
    public void Model_ids_that_could_leave_a_folder_are_invalid(string id) => Assert.False(ModelId.IsValid(id));

    [Theory]
    [InlineData("gpt2-small")]
    [InlineData("solu-1l-pile")]
    [InlineData("pythia-70m")]
    public void Catalog_model_ids_are_valid(string id) => Assert.True(ModelId.IsValid(id));

    [Theory]
    [InlineData("scrape", "--model", "../../etc", "--base-url", "http://127.0.0.1:9/")]
    [InlineData("scrape", "--model", "/tmp/evil", "--base-url", "http://127.0.0.1:9/")]
    [InlineData("build", "--model", "../evil")]
    [InlineData("build", "--model", "/tmp/evil")]
    public async Task Path_like_model_ids_are_bad_arguments_that_name_them_and_write_nothing(params string[] args)
    {
        using var dir = new TempDirectory("neuronav-input");
        Directory.CreateDirectory(dir.Combine("corpus"));
        var console = new TestConsole().Width(300);

        var code = await NeuroNavApp.RunAsync([.. args, "--corpus", dir.Combine("corpus"), .. args[0] == "build" ? new[] { "--out", dir.Combine("output") } : []], console);

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains(args[2], console.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Combine("corpus")));
        Assert.False(Directory.Exists(dir.Combine("output")));
    }

    [Theory]
    [InlineData("scrape", "--model", "gpt2-small", "--layers", "12", "0-11")]
    [InlineData("scrape", "--model", "gpt2-small", "--neurons", "3072", "0-3071")]
    [InlineData("scrape", "--model", "gpt2-small", "--neurons", "0-2147483647", "0 to 16777216")]
    [InlineData("scrape", "--model", "gpt2-small", "--layers", "99999999999", "0 to 16777216")]
    [InlineData("build", "--model", "gpt2-small", "--layers", "0-12", "0-11")]
    [InlineData("build", "--model", "solu-1l", "--layers", "1", "0-0")]
    public async Task Out_of_range_numbers_are_refused_naming_the_model_size(string verb, string modelOption, string model, string option, string value, string size)
    {
        using var dir = new TempDirectory("neuronav-input");
        Directory.CreateDirectory(dir.Combine("corpus"));
        var console = new TestConsole().Width(300);
        string[] where = verb == "build" ? ["--corpus", dir.Combine("corpus"), "--out", dir.Combine("output")] : ["--corpus", dir.Combine("corpus"), "--base-url", "http://127.0.0.1:9/"];

        var code = await NeuroNavApp.RunAsync([verb, modelOption, model, option, value, .. where], console);

        Assert.Equal((int)ExitCode.BadArguments, code);
        Assert.Contains(size, console.Output, StringComparison.Ordinal);
        Assert.Contains(option, console.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    public async Task Corpus_refuses_to_write_a_partition_for_a_path_like_model(string model)
    {
        using var dir = new TempDirectory("neuronav-input");
        var corpus = new CorpusStore(dir.Combine("corpus"));
        var row = new CoverageRow(model, 0, 0, "neuroscope", CoverageStatus.Failed, "test", "http://127.0.0.1/x", null, DateTimeOffset.UnixEpoch);

        var e = await Assert.ThrowsAsync<ArgumentException>(() => corpus.WriteBatchAsync(model, 0, [], [row], CancellationToken.None));

        Assert.Contains(model, e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }
}
