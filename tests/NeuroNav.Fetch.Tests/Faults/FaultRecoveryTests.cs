using NeuroNav.Core;
using NeuroNav.Corpus;
using NeuroNav.TestKit;
using NeuroNav.TestKit.Hostile;
using static NeuroNav.Fetch.Tests.Faults.FaultSetup;

namespace NeuroNav.Fetch.Tests.Faults;

/// <summary>Each fault of the hostile mirror, scraped into a real corpus on disk.</summary>
public sealed class FaultRecoveryTests
{
    public static TheoryData<Fault> Transient => [.. FaultKinds.Transient];

    public static TheoryData<Fault> All => [.. FaultKinds.All];

    public static TheoryData<Fault> Permanent => [.. FaultKinds.Permanent];

    [Theory]
    [MemberData(nameof(Transient))]
    public async Task Transient_fault_that_clears_within_the_retries_ends_with_the_right_page_stored(Fault fault)
    {
        using var dir = new TempDirectory("neuronav-fault");
        var corpus = new CorpusStore(dir.Path);
        await using var mirror = await StartAsync();
        mirror.Serve([Id(10), Id(12)]);
        mirror.Inject(Id(11), fault, times: 1);

        var report = await ScrapeAsync(corpus, Options(mirror, retries: 1), 10, 13);

        Assert.Equal((3L, 0L, 0L), (report.Fetched, report.Failed, report.Invalid));
        Assert.Equal(2, mirror.Server.CountRequests(HostileMirror.PathOf(Id(11))));
        Assert.Equal(1, mirror.InjectedByKind()[fault]);
        var stored = await StoredAsync(corpus);
        Assert.Equal(Hashing.Sha256Hex(HostileMirror.PageOf(Id(11))), stored[11].Provenance.Sha256);
        Assert.Equal(TestPages.Literal().Texts[0].Tokens, stored[11].Texts[0].Tokens);
        Assert.Equal(CoverageStatus.Present, (await CoverageAsync(corpus))[11].Status);
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task Fault_that_never_clears_ends_as_a_coverage_row_with_its_reason_and_the_run_goes_on(Fault fault)
    {
        using var dir = new TempDirectory("neuronav-fault");
        var corpus = new CorpusStore(dir.Path);
        await using var mirror = await StartAsync();
        mirror.Serve([Id(10), Id(12)]);
        mirror.Inject(Id(11), fault);

        var report = await ScrapeAsync(corpus, Options(mirror, retries: 1), 10, 13);

        Assert.False(report.Cancelled);
        Assert.Equal(2L, report.Fetched);
        var problem = Assert.Single(report.Problems);
        var row = (await CoverageAsync(corpus))[11];
        Assert.Equal(problem with { AttemptedAt = row.AttemptedAt }, row);
        Assert.Equal(StatusOf(fault), row.Status);
        Assert.Contains(ReasonOf(fault), row.Reason, StringComparison.Ordinal);
        Assert.Equal(mirror.Server.Url(HostileMirror.PathOf(Id(11))).AbsoluteUri, row.Url);
        Assert.Equal([10, 12], (await StoredAsync(corpus)).Keys.Order());
        var expectedRequests = FaultKinds.Transient.Contains(fault) ? 2 : 1;
        Assert.Equal(expectedRequests, mirror.Server.CountRequests(HostileMirror.PathOf(Id(11))));
    }

    [Theory]
    [MemberData(nameof(Permanent))]
    public async Task Permanent_fault_is_not_retried_within_a_run(Fault fault)
    {
        using var dir = new TempDirectory("neuronav-fault");
        await using var mirror = await StartAsync();
        mirror.Inject(Id(11), fault);

        var report = await ScrapeAsync(new CorpusStore(dir.Path), Options(mirror, retries: 3), 11, 12);

        Assert.Equal(1, mirror.InjectedByKind()[fault]);
        Assert.Equal(StatusOf(fault), Assert.Single(report.Problems).Status);
    }

    [Fact]
    public async Task Off_host_redirect_is_never_followed_to_the_other_host()
    {
        using var dir = new TempDirectory("neuronav-fault");
        await using var mirror = await StartAsync();
        mirror.Inject(Id(11), Fault.OffHostRedirect);

        await ScrapeAsync(new CorpusStore(dir.Path), Options(mirror), 11, 12);

        // The redirect points at the same server under the name "localhost": one request means it was not followed.
        Assert.Single(mirror.Server.Requests);
        Assert.Equal((int?)302, (await CoverageAsync(new CorpusStore(dir.Path)))[11].HttpStatus);
    }

    [Fact]
    public async Task Failed_neurons_are_fetched_again_on_the_next_run_and_nothing_else_is()
    {
        using var dir = new TempDirectory("neuronav-fault");
        var corpus = new CorpusStore(dir.Path);
        await using var mirror = await StartAsync();
        mirror.Serve([Id(10), Id(13)]);
        mirror.Inject(Id(11), Fault.Unavailable);
        mirror.Inject(Id(12), Fault.LegacyPage);
        await ScrapeAsync(corpus, Options(mirror, retries: 0), 10, 14);
        mirror.Serve([Id(11), Id(12)]);
        var before = mirror.Server.Requests.Count;

        var report = await ScrapeAsync(corpus, Options(mirror, retries: 0), 10, 14);

        // The source recovered: the failed neuron is fetched again; the invalid one stays recorded until --refresh.
        Assert.Equal([HostileMirror.PathOf(Id(11))], mirror.Server.Requests.Skip(before).Select(r => r.Path));
        Assert.Equal((3L, 1L), (report.Skipped, report.Fetched));
        Assert.Equal([10, 11, 13], (await StoredAsync(corpus)).Keys.Order());
        Assert.Equal(CoverageStatus.Invalid, (await CoverageAsync(corpus))[12].Status);
    }

    [Fact]
    public async Task Truncated_gzip_body_is_recorded_failed_not_invalid_and_stored_by_the_next_run()
    {
        using var dir = new TempDirectory("neuronav-fault");
        var corpus = new CorpusStore(dir.Path);
        await using var mirror = await StartAsync();
        mirror.Inject(Id(11), Fault.TruncatedGzip);
        await ScrapeAsync(corpus, Options(mirror, retries: 0), 11, 12);
        var first = (await CoverageAsync(corpus))[11];
        mirror.Serve([Id(11)]);

        var report = await ScrapeAsync(corpus, Options(mirror, retries: 0), 11, 12);

        Assert.Equal(CoverageStatus.Failed, first.Status);
        Assert.Contains($"the gzip body of {mirror.Server.Url(HostileMirror.PathOf(Id(11)))}", first.Reason, StringComparison.Ordinal);
        Assert.Equal((0L, 1L), (report.Skipped, report.Fetched));
        Assert.Equal(2, mirror.Server.CountRequests(HostileMirror.PathOf(Id(11))));
        Assert.Equal(Hashing.Sha256Hex(HostileMirror.PageOf(Id(11))), (await StoredAsync(corpus))[11].Provenance.Sha256);
        Assert.Equal(CoverageStatus.Present, (await CoverageAsync(corpus))[11].Status);
    }
}
