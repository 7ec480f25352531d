using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.TestKit;

namespace NeuroNav.Fetch.Tests.Scrape;

/// <summary>Every source through the one fetch entry and the one scrape loop: the same resume, failure, retry and lock behaviour.</summary>
public sealed class OneLoopTests : IDisposable
{
    private readonly TempDirectory _temp = new("neuronav-one-loop");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [MemberData(nameof(SourceCase.All), MemberType = typeof(SourceCase))]
    public async Task A_failure_is_recorded_then_retried_and_a_third_run_fetches_nothing(string source)
    {
        var @case = new SourceCase(source);
        await using var server = await ScriptedServer.StartAsync();
        @case.Serve(server);
        var corpus = _temp.Combine("corpus");

        var first = (await @case.Fetch.RunAsync(@case.Job(server, corpus), null, CancellationToken.None)).Neurons;
        var afterFirst = await @case.CoverageAsync(corpus);
        var second = (await @case.Fetch.RunAsync(@case.Job(server, corpus), null, CancellationToken.None)).Neurons;
        var third = (await @case.Fetch.RunAsync(@case.Job(server, corpus), null, CancellationToken.None)).Neurons;

        Assert.Equal((2L, 1L, 1L), (first.Requested, first.Fetched, first.Failed));
        Assert.Equal(CoverageStatus.Failed, afterFirst[SourceCase.Flaky].Status);
        Assert.Contains("503", afterFirst[SourceCase.Flaky].Reason, StringComparison.Ordinal);
        Assert.Equal(new NeuronId(SourceCase.Model, SourceCase.Layer, SourceCase.Flaky), Assert.Single(first.Problems).Id);
        Assert.Equal((2L, 1L, 1L, 0L), (second.Requested, second.Skipped, second.Fetched, second.Failed));
        Assert.Equal((2L, 2L, 0L), (third.Requested, third.Skipped, third.Fetched));
        Assert.Equal(1, server.CountRequests(@case.PathOf(SourceCase.Good)));
        Assert.Equal(2, server.CountRequests(@case.PathOf(SourceCase.Flaky)));
        Assert.All(await @case.CoverageAsync(corpus), r => Assert.Equal(CoverageStatus.Present, r.Value.Status));
    }

    [Theory]
    [MemberData(nameof(SourceCase.All), MemberType = typeof(SourceCase))]
    public async Task Refresh_fetches_settled_neurons_again(string source)
    {
        var @case = new SourceCase(source);
        await using var server = await ScriptedServer.StartAsync();
        @case.Serve(server);
        var corpus = _temp.Combine("corpus");
        await @case.Fetch.RunAsync(@case.Job(server, corpus), null, CancellationToken.None);

        var job = @case.Job(server, corpus);
        var again = (await @case.Fetch.RunAsync(job with { Options = job.Options with { Refresh = true } }, null, CancellationToken.None)).Neurons;

        Assert.Equal((0L, 2L), (again.Skipped, again.Fetched));
        Assert.Equal(2, server.CountRequests(@case.PathOf(SourceCase.Good)));
    }

    [Theory]
    [MemberData(nameof(SourceCase.All), MemberType = typeof(SourceCase))]
    public async Task Holds_the_corpus_lock_while_it_fetches(string source)
    {
        var @case = new SourceCase(source);
        await using var server = await ScriptedServer.StartAsync();
        @case.Serve(server);
        var corpus = _temp.Combine("corpus");
        var refused = new List<Exception>();
        var progress = new ScrapeSetup.InlineProgress(_ =>
        {
            try
            {
                CorpusLock.Acquire(corpus, "a second writer").Dispose();
            }
            catch (FolderLockedException e)
            {
                lock (refused)
                {
                    refused.Add(e);
                }
            }
        });

        var report = await @case.Fetch.RunAsync(@case.Job(server, corpus), progress, CancellationToken.None);

        Assert.Equal(2, report.Neurons.Requested);
        Assert.NotEmpty(refused);
        Assert.All(refused, e => Assert.Contains("test fetch " + source, e.Message, StringComparison.Ordinal));
        CorpusLock.Acquire(corpus, "after the run").Dispose();
    }

    [Theory]
    [MemberData(nameof(SourceCase.All), MemberType = typeof(SourceCase))]
    public async Task Is_refused_while_another_writer_holds_the_corpus_and_fetches_nothing(string source)
    {
        var @case = new SourceCase(source);
        await using var server = await ScriptedServer.StartAsync();
        @case.Serve(server);
        var corpus = _temp.Combine("corpus");
        using var other = CorpusLock.Acquire(corpus, "neuronav compact");

        var e = await Assert.ThrowsAsync<FolderLockedException>(() => @case.Fetch.RunAsync(@case.Job(server, corpus), null, CancellationToken.None));

        Assert.Contains("neuronav compact", e.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
