namespace NeuroNav.Weights.Model;

/// <summary>How a checkpoint names and orients the tensors NeuroNav reads.</summary>
public enum WeightsLayout
{
    /// <summary>Hugging Face GPT-2 safetensors: Conv1D weights stored [in, out], unembedding tied to <c>wte</c>.</summary>
    Gpt2,

    /// <summary>Hugging Face GPT-NeoX (Pythia) safetensors: Linear weights stored [out, in], untied <c>embed_out</c>.</summary>
    Neox,

    /// <summary>A TransformerLens state dict (.pth) with TransformerLens names, weights facing right ([in, out]).</summary>
    Tl,

    /// <summary>Neel Nanda's old SoLU state dicts: <c>norm</c> for <c>ln</c>, weights facing right (8 and 10 layers).</summary>
    TlOld,

    /// <summary>Neel Nanda's old SoLU state dicts of 1 to 6 layers: as <see cref="TlOld"/> but every W_ faces left ([out, in]).</summary>
    TlOldLeft,
}

public static class WeightsLayouts
{
    public static WeightsLayout Parse(string s, string origin) => s switch
    {
        "gpt2" => WeightsLayout.Gpt2,
        "neox" => WeightsLayout.Neox,
        "tl" => WeightsLayout.Tl,
        "tl-old" => WeightsLayout.TlOld,
        "tl-old-left" => WeightsLayout.TlOldLeft,
        _ => throw new WeightsException($"{origin}: unknown layout '{s}' (known: gpt2, neox, tl, tl-old, tl-old-left)"),
    };
}
