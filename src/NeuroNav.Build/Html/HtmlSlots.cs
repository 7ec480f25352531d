using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace NeuroNav.Build.Html;

/// <summary>
/// Large HTML fragments (a page body, a token heatmap) do not go through Scriban, whose output path is
/// slow for big strings: templates print a slot marker instead, and <see cref="Write"/> splices the
/// fragment's UTF-8 bytes in its place. The marker holds a per-process random nonce and control characters,
/// so no source string can fake one; the finished page contains no trace of it.
/// </summary>
internal static class HtmlSlots
{
    private static readonly string Prefix = "\u0002" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8)) + ":";
    private static readonly string[] Markers = [.. Enumerable.Range(0, 64).Select(Create)];

    public delegate void Fill(int slot, IBufferWriter<byte> output);

    public static string Marker(int slot) => slot < Markers.Length ? Markers[slot] : Create(slot);

    /// <summary>Writes <paramref name="html"/> as UTF-8, calling <paramref name="fill"/> for each marker in it.</summary>
    public static void Write(IBufferWriter<byte> output, string html, Fill fill)
    {
        var rest = html.AsSpan();
        while (true)
        {
            var at = rest.IndexOf(Prefix, StringComparison.Ordinal);
            if (at < 0)
            {
                WriteText(output, rest);
                return;
            }

            WriteText(output, rest[..at]);
            rest = rest[(at + Prefix.Length)..];
            var end = rest.IndexOf('\u0003');
            fill(int.Parse(rest[..end], provider: System.Globalization.CultureInfo.InvariantCulture), output);
            rest = rest[(end + 1)..];
        }
    }

    public static void WriteText(IBufferWriter<byte> output, ReadOnlySpan<char> text)
    {
        var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        output.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private static string Create(int slot) => Prefix + slot.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\u0003";
}
