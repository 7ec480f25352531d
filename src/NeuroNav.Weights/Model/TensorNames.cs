using NeuroNav.Weights.Files;

namespace NeuroNav.Weights.Model;

internal enum Logical
{
    WIn,
    WOut,
    Ln2,
    MlpLn,
    Embed,
    Unembed,
    LnFinal,
}

internal readonly record struct Located(ITensorFile File, TensorInfo Info);

/// <summary>Each layout's names for the tensors NeuroNav reads, and which of them are stored transposed.</summary>
internal sealed class TensorNames
{
    private readonly IReadOnlyList<ITensorFile> _files;

    /// <summary>For the old SoLU layouts: TransformerLens name → the file's own name.</summary>
    private readonly Dictionary<string, string> _renamed = new(StringComparer.Ordinal);

    public TensorNames(WeightsLayout layout, IReadOnlyList<ITensorFile> files)
    {
        Layout = layout;
        _files = files;
        if (layout is WeightsLayout.TlOld or WeightsLayout.TlOldLeft)
        {
            // As TransformerLens's convert_neel_solu_old_weights: "norm" became "ln", the final "ln." became "ln_final.".
            foreach (var name in files.SelectMany(f => f.Names))
            {
                var k = name.Replace("norm", "ln", StringComparison.Ordinal);
                if (k.StartsWith("ln.", StringComparison.Ordinal))
                {
                    k = "ln_final." + k[3..];
                }

                _renamed[k] = name;
            }
        }
    }

    public WeightsLayout Layout { get; }

    public string FileList => string.Join(", ", _files.Select(f => f.Path));

    /// <summary>True where the layout stores the matrix [d_model, rows] rather than [rows, d_model].</summary>
    public bool StoredTransposed(Logical what) => (Layout, what) switch
    {
        (WeightsLayout.Gpt2, Logical.WIn) => true,
        (WeightsLayout.Neox, Logical.WOut) => true,
        (WeightsLayout.Tl or WeightsLayout.TlOld, Logical.WIn or Logical.Unembed) => true,
        (WeightsLayout.TlOldLeft, Logical.WOut or Logical.Embed) => true,
        _ => false,
    };

    public Located? Find(string model, Logical what, int layer, bool required)
    {
        foreach (var candidate in Candidates(what, layer))
        {
            var name = _renamed.TryGetValue(candidate, out var original) ? original : candidate;
            foreach (var f in _files)
            {
                if (f.TryGet(name, out var info))
                {
                    return new Located(f, info);
                }
            }
        }

        return required
            ? throw new WeightsException($"{model}: no tensor {string.Join(" or ", Candidates(what, layer))} in {FileList}")
            : null;
    }

    private IEnumerable<string> Candidates(Logical what, int l) => Layout switch
    {
        WeightsLayout.Gpt2 => Gpt2(what, l).SelectMany(n => new[] { n, "transformer." + n }),
        WeightsLayout.Neox => [Neox(what, l)],
        _ => [Tl(what, l)],
    };

    private static string[] Gpt2(Logical what, int l) => what switch
    {
        Logical.WIn => [$"h.{l}.mlp.c_fc.weight"],
        Logical.WOut => [$"h.{l}.mlp.c_proj.weight"],
        Logical.Ln2 => [$"h.{l}.ln_2.weight"],
        Logical.MlpLn => [],
        Logical.Embed => ["wte.weight"],
        Logical.Unembed => ["lm_head.weight", "wte.weight"], // tied: lm_head is usually absent
        Logical.LnFinal => ["ln_f.weight"],
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    private static string Neox(Logical what, int l) => what switch
    {
        Logical.WIn => $"gpt_neox.layers.{l}.mlp.dense_h_to_4h.weight",
        Logical.WOut => $"gpt_neox.layers.{l}.mlp.dense_4h_to_h.weight",
        Logical.Ln2 => $"gpt_neox.layers.{l}.post_attention_layernorm.weight",
        Logical.MlpLn => $"gpt_neox.layers.{l}.mlp.ln.weight",
        Logical.Embed => "gpt_neox.embed_in.weight",
        Logical.Unembed => "embed_out.weight",
        Logical.LnFinal => "gpt_neox.final_layer_norm.weight",
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };

    private static string Tl(Logical what, int l) => what switch
    {
        Logical.WIn => $"blocks.{l}.mlp.W_in",
        Logical.WOut => $"blocks.{l}.mlp.W_out",
        Logical.Ln2 => $"blocks.{l}.ln2.w",
        Logical.MlpLn => $"blocks.{l}.mlp.ln.w",
        Logical.Embed => "embed.W_E",
        Logical.Unembed => "unembed.W_U",
        Logical.LnFinal => "ln_final.w",
        _ => throw new ArgumentOutOfRangeException(nameof(what)),
    };
}
