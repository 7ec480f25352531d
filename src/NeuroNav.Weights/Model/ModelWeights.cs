namespace NeuroNav.Weights.Model;

/// <summary>
/// The matrices every per-neuron quantity is computed from, already processed as TransformerLens's
/// <c>fold_ln</c>, <c>center_writing_weights</c> and <c>center_unembed</c> would, and stored neuron-major or
/// token-major (one contiguous d_model row each) so that every product is a product of rows.
/// </summary>
public sealed class ModelWeights
{
    public required string Model { get; init; }

    public required int Layers { get; init; }

    public required int NeuronsPerLayer { get; init; }

    public required int DModel { get; init; }

    /// <summary>Tokens kept (the tokenizer's vocabulary; padding rows of the embedding are dropped).</summary>
    public required int Vocab { get; init; }

    /// <summary>Per layer, neuron n's input direction at [n * DModel ..]: W_in[:, n] with ln2's weight folded in, centred.</summary>
    public required float[][] WIn { get; init; }

    /// <summary>Per layer, neuron n's output direction at [n * DModel ..]: W_out[n] (SoLU's ln folded in), centred.</summary>
    public required float[][] WOut { get; init; }

    /// <summary>Token t's unembedding at [t * DModel ..]: W_U[:, t] with ln_final's weight folded in, centred over d_model and over the vocabulary.</summary>
    public required float[] Unembed { get; set; }

    /// <summary>Token t's embedding at [t * DModel ..], centred and scaled to unit RMS as a LayerNorm sees it.</summary>
    public required float[] Embed { get; set; }

    /// <summary>Bytes held, for memory reports.</summary>
    public long Bytes => 4L * ((2L * Layers * NeuronsPerLayer * DModel) + (2L * Vocab * DModel));
}
