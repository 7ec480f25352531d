using System.Numerics.Tensors;
using NeuroNav.Core;
using NeuroNav.Weights.Files;

namespace NeuroNav.Weights.Model;

/// <summary>
/// Reads the MLP, embedding and unembedding matrices of one model from its checkpoint files, checks their shapes
/// against the catalog and processes them in TransformerLens conventions. One tensor is read at a time; nothing
/// of the file is held beyond the processed matrices.
/// </summary>
public static class WeightsLoader
{
    private const float LayerNormEps = 1e-5f;

    public static ModelWeights Load(ModelInfo model, WeightsSource source, IReadOnlyList<ITensorFile> files)
    {
        var names = new TensorNames(source.Layout, files);
        var m = model.NeuronsPerLayer;

        var wE = names.Find(model.Id, Logical.Embed, -1, required: true)!.Value;
        if (wE.Info.Shape.Count != 2)
        {
            throw Shape(model, wE, "a 2-d embedding");
        }

        var (vocabRows, d) = names.StoredTransposed(Logical.Embed) ? (wE.Info.Shape[1], wE.Info.Shape[0]) : (wE.Info.Shape[0], wE.Info.Shape[1]);

        if (source.VocabSize > vocabRows)
        {
            throw new WeightsException($"{model.Id}: the mapping's vocab_size {source.VocabSize} exceeds the {vocabRows} rows of {wE.Info.Name} in {wE.File.Path}");
        }

        var dModel = (int)d;
        var vocab = source.VocabSize;

        if (names.Find(model.Id, Logical.WIn, model.Layers, required: false) is { } extra)
        {
            throw new WeightsException($"{model.Id}: {extra.File.Path} has a layer {model.Layers} ({extra.Info.Name}); the catalog says {model.Layers} layers");
        }

        var wIn = new float[model.Layers][];
        var wOut = new float[model.Layers][];
        for (var l = 0; l < model.Layers; l++)
        {
            wIn[l] = ReadRows(model, names, Logical.WIn, l, m, dModel);
            var ln2 = ReadVector(model, names, Logical.Ln2, l, dModel);
            for (var n = 0; n < m; n++)
            {
                var row = wIn[l].AsSpan(n * dModel, dModel);
                if (ln2 is not null)
                {
                    TensorPrimitives.Multiply(row, ln2, row);
                }

                CentreRow(row);
            }

            wOut[l] = ReadRows(model, names, Logical.WOut, l, m, dModel);
            if (model.ActivationFunction == "solu")
            {
                var lnMlp = ReadVector(model, names, Logical.MlpLn, l, m)
                            ?? throw new WeightsException($"{model.Id}: layer {l} of a SoLU model has no MLP LayerNorm weight (blocks.{l}.mlp.ln.w) in {names.FileList}");
                for (var n = 0; n < m; n++)
                {
                    TensorPrimitives.Multiply(wOut[l].AsSpan(n * dModel, dModel), lnMlp[n], wOut[l].AsSpan(n * dModel, dModel));
                }

                // The LayerNorm after SoLU centres the hidden activations, so TransformerLens centres W_out over neurons.
                CentreColumns(wOut[l], m, dModel);
            }

            for (var n = 0; n < m; n++)
            {
                CentreRow(wOut[l].AsSpan(n * dModel, dModel));
            }
        }

        var unembedAll = ReadRows(model, names, Logical.Unembed, -1, (int)vocabRows, dModel);
        var lnFinal = ReadVector(model, names, Logical.LnFinal, -1, dModel);
        for (var t = 0; t < vocabRows; t++)
        {
            var row = unembedAll.AsSpan(t * dModel, dModel);
            if (lnFinal is not null)
            {
                TensorPrimitives.Multiply(row, lnFinal, row);
            }

            CentreRow(row);
        }

        CentreColumns(unembedAll, (int)vocabRows, dModel);
        var unembed = vocab == vocabRows ? unembedAll : unembedAll.AsSpan(0, vocab * dModel).ToArray();
        unembedAll = null;

        var embedAll = ReadRows(model, names, Logical.Embed, -1, (int)vocabRows, dModel);
        var embed = vocab == vocabRows ? embedAll : embedAll.AsSpan(0, vocab * dModel).ToArray();
        embedAll = null;
        for (var t = 0; t < vocab; t++)
        {
            var row = embed.AsSpan(t * dModel, dModel);
            CentreRow(row);
            var rms = MathF.Sqrt((TensorPrimitives.SumOfSquares(row) / dModel) + LayerNormEps);
            TensorPrimitives.Divide(row, rms, row);
        }

        return new ModelWeights
        {
            Model = model.Id,
            Layers = model.Layers,
            NeuronsPerLayer = m,
            DModel = dModel,
            Vocab = vocab,
            WIn = wIn,
            WOut = wOut,
            Unembed = unembed,
            Embed = embed,
        };
    }

    private static void CentreRow(Span<float> row) => TensorPrimitives.Subtract(row, TensorPrimitives.Sum(row) / row.Length, row);

    private static void CentreColumns(float[] rows, int count, int width)
    {
        var mean = new double[width];
        for (var r = 0; r < count; r++)
        {
            var row = rows.AsSpan(r * width, width);
            for (var c = 0; c < width; c++)
            {
                mean[c] += row[c];
            }
        }

        var meanF = mean.Select(x => (float)(x / count)).ToArray();
        for (var r = 0; r < count; r++)
        {
            TensorPrimitives.Subtract(rows.AsSpan(r * width, width), meanF, rows.AsSpan(r * width, width));
        }
    }

    /// <summary>Reads a matrix as <paramref name="rows"/> × <paramref name="width"/> row-major, transposing a stored [width, rows].</summary>
    private static float[] ReadRows(ModelInfo model, TensorNames names, Logical what, int layer, int rows, int width)
    {
        var t = names.Find(model.Id, what, layer, required: true)!.Value;
        var stored = t.Info.Shape;
        var transposed = names.StoredTransposed(what);
        long[] expected = transposed ? [width, rows] : [rows, width];
        if (stored.Count != 2 || stored[0] != expected[0] || stored[1] != expected[1])
        {
            throw Shape(model, t, "[" + string.Join(", ", expected) + "]");
        }

        var result = new float[(long)rows * width];
        if (!transposed)
        {
            t.File.Read(t.Info, result);
            return result;
        }

        var raw = new float[(long)rows * width];
        t.File.Read(t.Info, raw);
        for (var i = 0; i < width; i++)
        {
            for (var j = 0; j < rows; j++)
            {
                result[((long)j * width) + i] = raw[((long)i * rows) + j];
            }
        }

        return result;
    }

    private static float[]? ReadVector(ModelInfo model, TensorNames names, Logical what, int layer, int length)
    {
        if (names.Find(model.Id, what, layer, required: false) is not { } t)
        {
            return null;
        }

        if (t.Info.Shape.Count != 1 || t.Info.Shape[0] != length)
        {
            throw Shape(model, t, $"[{length}]");
        }

        var v = new float[length];
        t.File.Read(t.Info, v);
        return v;
    }

    private static WeightsException Shape(ModelInfo model, Located t, string expected) =>
        new($"{model.Id}: tensor {t.Info.Name} in {t.File.Path} has shape {t.Info.ShapeText}, expected {expected} " +
            $"(catalog: {model.Layers} layers × {model.NeuronsPerLayer} neurons)");
}
