using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using NeuroNav.Weights.Files;

namespace NeuroNav.Sample.Weights;

/// <summary>Writes safetensors files: 8-byte header length, JSON header, then the tensors' bytes.</summary>
public static class SafetensorsWriter
{
    public sealed record Tensor(string Name, long[] Shape, float[] Values);

    public static void Write(string path, IEnumerable<Tensor> tensors, TensorDType dtype = TensorDType.F32)
    {
        var list = tensors.ToList();
        var size = dtype == TensorDType.F32 ? 4L : 2L;
        var header = new Dictionary<string, object> { ["__metadata__"] = new Dictionary<string, string> { ["format"] = "pt" } };
        long offset = 0;
        foreach (var t in list)
        {
            var end = offset + (t.Values.LongLength * size);
            header[t.Name] = new { dtype = dtype.ToString(), shape = t.Shape, data_offsets = new[] { offset, end } };
            offset = end;
        }

        // A non-float buffer, as GPT-2's checkpoints carry attention masks: the reader must skip it.
        header["h.0.attn.masked_bias"] = new { dtype = "BOOL", shape = new[] { 2, 2 }, data_offsets = new[] { offset, offset + 4 } };

        var json = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header));
        using var fs = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        fs.Write(BitConverter.GetBytes((ulong)json.Length));
        fs.Write(json);
        foreach (var t in list)
        {
            WriteValues(fs, t.Values, dtype);
        }

        fs.Write([1, 0, 1, 1]);
    }

    /// <summary>Values as little-endian F32, F16 or BF16 (BF16: the upper half of the float's bits).</summary>
    internal static void WriteValues(Stream stream, float[] values, TensorDType dtype)
    {
        if (dtype == TensorDType.F32)
        {
            stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
            return;
        }

        var half = new ushort[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            half[i] = dtype == TensorDType.F16 ? BitConverter.HalfToUInt16Bits((Half)values[i]) : (ushort)(BitConverter.SingleToInt32Bits(values[i]) >>> 16);
        }

        stream.Write(MemoryMarshal.AsBytes(half.AsSpan()));
    }

    public static float[] Flat(float[,] m) => m.Cast<float>().ToArray();

    public static float[] FlatT(float[,] m)
    {
        var (a, b) = (m.GetLength(0), m.GetLength(1));
        var r = new float[a * b];
        for (var i = 0; i < a; i++)
        {
            for (var j = 0; j < b; j++)
            {
                r[(j * a) + i] = m[i, j];
            }
        }

        return r;
    }

    /// <summary>GPT-2 as Hugging Face saves it: Conv1D weights [in, out], no lm_head (tied to wte).</summary>
    public static void WriteGpt2(string path, SyntheticModel m, TensorDType dtype = TensorDType.F32)
    {
        var (d, n, v) = (m.DModel, m.Neurons, m.VocabRows);
        var tensors = new List<Tensor>
        {
            new("wte.weight", [v, d], Flat(m.WE)),
            new("wpe.weight", [8, d], new float[8 * d]),
            new("ln_f.weight", [d], m.LnFinal),
            new("ln_f.bias", [d], new float[d]),
        };
        for (var l = 0; l < m.Layers; l++)
        {
            tensors.Add(new($"h.{l}.ln_2.weight", [d], m.Ln2[l]));
            tensors.Add(new($"h.{l}.mlp.c_fc.weight", [d, n], Flat(m.WIn[l])));
            tensors.Add(new($"h.{l}.mlp.c_fc.bias", [n], new float[n]));
            tensors.Add(new($"h.{l}.mlp.c_proj.weight", [n, d], Flat(m.WOut[l])));
        }

        Write(path, tensors, dtype);
    }

    /// <summary>Pythia as Hugging Face saves it: Linear weights [out, in], untied embed_out.</summary>
    public static void WriteNeox(string path, SyntheticModel m, TensorDType dtype = TensorDType.F32)
    {
        var (d, n, v) = (m.DModel, m.Neurons, m.VocabRows);
        var tensors = new List<Tensor>
        {
            new("gpt_neox.embed_in.weight", [v, d], Flat(m.WE)),
            new("embed_out.weight", [v, d], FlatT(m.WU)),
            new("gpt_neox.final_layer_norm.weight", [d], m.LnFinal),
        };
        for (var l = 0; l < m.Layers; l++)
        {
            tensors.Add(new($"gpt_neox.layers.{l}.post_attention_layernorm.weight", [d], m.Ln2[l]));
            tensors.Add(new($"gpt_neox.layers.{l}.mlp.dense_h_to_4h.weight", [n, d], FlatT(m.WIn[l])));
            tensors.Add(new($"gpt_neox.layers.{l}.mlp.dense_4h_to_h.weight", [d, n], FlatT(m.WOut[l])));
        }

        Write(path, tensors, dtype);
    }
}
