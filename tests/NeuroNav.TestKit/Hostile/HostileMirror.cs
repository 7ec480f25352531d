using System.Collections.Concurrent;
using System.Globalization;
using NeuroNav.Core;
using NeuroNav.Sample;

namespace NeuroNav.TestKit.Hostile;

/// <summary>
/// A Neuroscope mirror on 127.0.0.1 that misbehaves on purpose: each neuron path serves the right page, or a
/// <see cref="Fault"/> a given number of times before the right page (or for ever). Counts the faulty answers it sent
/// by kind, from the requests the server logged.
/// </summary>
public sealed class HostileMirror : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (Fault Fault, int Times)> _faults = new(StringComparer.Ordinal);
    private readonly HostilePages _pages;

    private HostileMirror(ScriptedServer server, HostilePages pages)
    {
        Server = server;
        _pages = pages;
    }

    /// <summary>For <see cref="Inject"/>: the fault never clears.</summary>
    public const int Always = int.MaxValue;

    public ScriptedServer Server { get; }

    /// <summary>Use as the scraper's base URL.</summary>
    public Uri BaseAddress => Server.BaseAddress;

    /// <param name="stall">How long a <see cref="Fault.Stall"/> answer waits: longer than the client's timeout.</param>
    /// <param name="oversizeBytes">The size of an <see cref="Fault.OversizedBody"/>: more than the client's cap.</param>
    public static async Task<HostileMirror> StartAsync(TimeSpan stall, long oversizeBytes, CancellationToken ct = default)
    {
        var server = await ScriptedServer.StartAsync(ct).ConfigureAwait(false);
        return new HostileMirror(server, new HostilePages(stall, oversizeBytes));
    }

    /// <summary>The site path of a neuron page, e.g. <c>/gpt2-small/3/10.html</c>.</summary>
    public static string PathOf(NeuronId id) => "/" + id.ToString() + ".html";

    /// <summary>The bytes of the right page of <paramref name="id"/> (what a correct scrape stores).</summary>
    public static byte[] PageOf(NeuronId id) => HostilePages.Page(id);

    /// <summary>Serves the right page of each neuron.</summary>
    public void Serve(IEnumerable<NeuronId> ids)
    {
        foreach (var id in ids)
        {
            _faults.TryRemove(PathOf(id), out _);
            Server.Map(PathOf(id), ScriptedResponse.Bytes(HostilePages.Page(id)));
        }
    }

    /// <summary>Answers <paramref name="times"/> requests for <paramref name="id"/> with <paramref name="fault"/>, then the right page.</summary>
    public void Inject(NeuronId id, Fault fault, int times = Always)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        var path = PathOf(id);
        var bad = _pages.Faulty(id, fault, Server.BaseAddress);
        var count = times == Always ? 1 : times;
        var sequence = Enumerable.Repeat(bad, count).ToList();
        if (times != Always)
        {
            sequence.Add(ScriptedResponse.Bytes(HostilePages.Page(id)));
        }

        _faults[path] = (fault, times);
        Server.Map(path, [.. sequence]);
    }

    /// <summary>How many faulty answers of each kind the mirror has sent so far.</summary>
    public IReadOnlyDictionary<Fault, int> InjectedByKind()
    {
        var counts = FaultKinds.All.ToDictionary(f => f, _ => 0);
        foreach (var (path, (fault, times)) in _faults)
        {
            counts[fault] += Math.Min(Server.CountRequests(path), times);
        }

        return counts;
    }

    /// <summary>One line per kind, e.g. <c>RateLimited 3</c>, for a test's output.</summary>
    public string Describe() => string.Join(", ", InjectedByKind().Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}")));

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
