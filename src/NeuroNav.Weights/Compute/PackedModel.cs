using NeuroNav.Weights.Model;

namespace NeuroNav.Weights.Compute;

/// <summary>
/// The model's matrices in the packed forms the products read: output directions and embeddings as A (rows of
/// 6), input directions and unembeddings as B (panels of 16). Each matrix is only ever on one side, so one
/// packed copy suffices; <see cref="From"/> drops the row-major arrays as it packs, so peak memory is one copy
/// plus one layer.
/// </summary>
public sealed class PackedModel
{
    public required int Layers { get; init; }

    public required int NeuronsPerLayer { get; init; }

    public required int DModel { get; init; }

    public required int Vocab { get; init; }

    public required PackedRows[] WOut { get; init; }

    public required PackedRows[] WIn { get; init; }

    public required PackedRows Unembed { get; init; }

    public required PackedRows Embed { get; init; }

    /// <summary>Packs <paramref name="w"/>, clearing its arrays one by one (it cannot be used afterwards).</summary>
    public static PackedModel From(ModelWeights w)
    {
        var m = w.NeuronsPerLayer;
        var d = w.DModel;
        var wOut = new PackedRows[w.Layers];
        var wIn = new PackedRows[w.Layers];
        for (var l = 0; l < w.Layers; l++)
        {
            wOut[l] = RowProducts.PackA(w.WOut[l], m, d);
            w.WOut[l] = [];
            wIn[l] = RowProducts.PackB(w.WIn[l], m, d);
            w.WIn[l] = [];
            Reclaim();
        }

        var unembed = RowProducts.PackB(w.Unembed, w.Vocab, d);
        w.Unembed = [];
        Reclaim();
        var embed = RowProducts.PackA(w.Embed, w.Vocab, d);
        w.Embed = [];
        Reclaim();
        return new PackedModel
        {
            Layers = w.Layers,
            NeuronsPerLayer = m,
            DModel = d,
            Vocab = w.Vocab,
            WOut = wOut,
            WIn = wIn,
            Unembed = unembed,
            Embed = embed,
        };
    }

    /// <summary>
    /// Frees the row-major arrays just replaced before the next packed ones are allocated. Without it the
    /// large-object heap grows to both copies (measured: 9.2 GB peak for gpt2-xl's shape instead of about 5).
    /// A full collection over a heap of a few hundred large arrays takes milliseconds.
    /// </summary>
    private static void Reclaim() => GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
}
