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
        }

        return new PackedModel
        {
            Layers = w.Layers,
            NeuronsPerLayer = m,
            DModel = d,
            Vocab = w.Vocab,
            WOut = wOut,
            WIn = wIn,
            Unembed = RowProducts.PackB(w.Unembed, w.Vocab, d),
            Embed = RowProducts.PackA(w.Embed, w.Vocab, d),
        };
    }
}
