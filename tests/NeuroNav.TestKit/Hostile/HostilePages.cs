using System.Text;
using NeuroNav.Core;
using NeuroNav.Sample;

namespace NeuroNav.TestKit.Hostile;

/// <summary>The answers of a <see cref="HostileMirror"/>: right pages in the exact generator format, and each fault.</summary>
internal sealed class HostilePages(TimeSpan stall, long oversizeBytes)
{
    private readonly Lazy<byte[]> _oversized = new(() => new byte[checked((int)oversizeBytes)]);

    /// <summary>The literal page of docs/sources/neuroscope.md#literal-example, renumbered as <paramref name="id"/>.</summary>
    public static byte[] Page(NeuronId id) => TestPages.Write(Input(id));

    public ScriptedResponse Faulty(NeuronId id, Fault fault, Uri baseAddress)
    {
        var page = Page(id);
        return fault switch
        {
            Fault.RateLimited => ScriptedResponse.Empty(429).WithHeader("Retry-After", "1"),
            Fault.ServerError => ScriptedResponse.Empty(500),
            Fault.Unavailable => ScriptedResponse.Empty(503),
            Fault.ConnectionReset => ScriptedResponse.Reset(),
            Fault.Stall => ScriptedResponse.Bytes(page).After(stall),
            Fault.TruncatedBody => ScriptedResponse.Bytes(page[..(page.Length / 2)]) with { DeclaredLength = page.Length },
            Fault.TruncatedGzip => ScriptedResponse.Bytes(HalfOfGzip(page)).WithHeader("Content-Encoding", "gzip"),
            Fault.OversizedBody => ScriptedResponse.Bytes(_oversized.Value) with { Chunked = true },
            Fault.OffHostRedirect => ScriptedResponse.Redirect(302, $"http://localhost:{baseAddress.Port}{HostileMirror.PathOf(id)}"),
            Fault.OtherNeuron => ScriptedResponse.Bytes(Page(id with { Neuron = id.Neuron + 1 })),
            Fault.LegacyPage => ScriptedResponse.Html(LegacyLexoscopeWriter.Write(Input(id))),
            Fault.InvalidUtf8 => ScriptedResponse.Bytes(WithInvalidByte(page)),
            Fault.Garbage => ScriptedResponse.Bytes(Garbage(id)),
            _ => throw new ArgumentOutOfRangeException(nameof(fault), fault, null),
        };
    }

    private static NeuronPage Input(NeuronId id) =>
        TestPages.Literal() with { Model = SampleMirrorServer.Catalog[id.Model], Layer = id.Layer, Neuron = id.Neuron };

    /// <summary>The first half of the page's gzip stream: its header and part of its deflate data, no trailer.</summary>
    public static byte[] HalfOfGzip(byte[] page)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(page);
        }

        var whole = buffer.ToArray();
        return whole[..(whole.Length / 2)];
    }

    private static byte[] WithInvalidByte(byte[] page)
    {
        var copy = (byte[])page.Clone();
        var at = copy.AsSpan().IndexOf(" cat"u8);
        copy[at + 2] = 0xFF;
        return copy;
    }

    private static byte[] Garbage(NeuronId id)
    {
        var bytes = new byte[4096];
        new Random(Encoding.UTF8.GetBytes(id.ToString()).Sum(b => b)).NextBytes(bytes);
        return bytes;
    }
}
