using System.Buffers;

namespace NeuroNav.Build.Html;

/// <summary>A thread's reusable buffers: the heatmaps of the page being rendered and the page's bytes.</summary>
internal sealed class RenderScratch
{
    [ThreadStatic]
    private static RenderScratch? t_current;

    private readonly List<Range> _heatmaps = [];

    public ArrayBufferWriter<byte> Heatmaps { get; } = new(64 * 1024);

    public ArrayBufferWriter<byte> Page { get; } = new(128 * 1024);

    /// <summary>This thread's scratch, emptied.</summary>
    public static RenderScratch Begin()
    {
        var scratch = t_current ??= new RenderScratch();
        scratch.Heatmaps.ResetWrittenCount();
        scratch.Page.ResetWrittenCount();
        scratch._heatmaps.Clear();
        return scratch;
    }

    /// <summary>Marks the bytes written to <see cref="Heatmaps"/> since <paramref name="start"/> as the next heatmap; returns its slot.</summary>
    public int EndHeatmap(int start)
    {
        _heatmaps.Add(start..Heatmaps.WrittenCount);
        return HeatmapSlot(_heatmaps.Count - 1);
    }

    public static int HeatmapSlot(int heatmap) => heatmap + 1;

    public ReadOnlySpan<byte> Heatmap(int slot) => Heatmaps.WrittenSpan[_heatmaps[slot - 1]];
}
