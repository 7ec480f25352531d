using System.IO.Compression;
using System.Text;
using NeuroNav.Weights.Files;

namespace NeuroNav.Sample.Weights;

/// <summary>
/// Writes TransformerLens state dicts as torch.save does (protocol-2 pickle in <c>archive/data.pkl</c>, one raw
/// storage per <c>archive/data/&lt;key&gt;</c>, stored uncompressed), including the quirks of the real files:
/// memoised globals, a transposed (non-contiguous) tensor, and the OrderedDict's <c>_metadata</c> set by BUILD.
/// </summary>
public static class TorchWriter
{
    public sealed record Tensor(string Name, long[] Shape, float[] Values, bool StoreTransposed = false);

    /// <summary>A TransformerLens model: new names, or Neel Nanda's old SoLU names ("norm"), optionally facing left.</summary>
    public static void WriteTl(string path, SyntheticModel m, bool oldNames = false, bool leftFacing = false, bool half = false)
    {
        var (d, n, v) = (m.DModel, m.Neurons, m.VocabRows);
        string Ln(string s) => oldNames ? s.Replace("ln", "norm", StringComparison.Ordinal) : s;
        Tensor W(string name, float[,] tlOrientation)
        {
            long[] shape = [tlOrientation.GetLength(0), tlOrientation.GetLength(1)];
            return leftFacing
                ? new Tensor(name, [shape[1], shape[0]], SafetensorsWriter.FlatT(tlOrientation))
                : new Tensor(name, shape, SafetensorsWriter.Flat(tlOrientation));
        }

        var tensors = new List<Tensor>
        {
            W("embed.W_E", m.WE),
            new("pos_embed.W_pos", [4, d], new float[4 * d]),
            new(oldNames ? "norm.w" : "ln_final.w", [d], m.LnFinal),
        };

        // W_U goes in as a transposed view of a [vocab, d_model] storage, as a tensor saved after .T would.
        var wu = W("unembed.W_U", m.WU);
        tensors.Add(wu with { StoreTransposed = true });
        for (var l = 0; l < m.Layers; l++)
        {
            tensors.Add(new(Ln($"blocks.{l}.ln2.w"), [d], m.Ln2[l]));
            tensors.Add(new(Ln($"blocks.{l}.ln2.b"), [d], new float[d]));
            tensors.Add(W($"blocks.{l}.mlp.W_in", m.WIn[l]));
            tensors.Add(W($"blocks.{l}.mlp.W_out", m.WOut[l]));
            if (m.MlpLn is not null)
            {
                tensors.Add(new(Ln($"blocks.{l}.mlp.ln.w"), [n], m.MlpLn[l]));
            }
        }

        Write(path, tensors, half);
    }

    public static void Write(string path, IReadOnlyList<Tensor> tensors, bool half = false)
    {
        var p = new Pickler();
        p.Proto();
        p.Global("collections", "OrderedDict");
        p.Op(')').Op('R').Put(0);
        p.Op('(');
        var storages = new List<byte[]>();
        var rebuildMemo = -1;
        for (var i = 0; i < tensors.Count; i++)
        {
            var t = tensors[i];
            p.Unicode(t.Name);
            if (rebuildMemo < 0)
            {
                p.Global("torch._utils", "_rebuild_tensor_v2").Put(1);
                rebuildMemo = 1;
            }
            else
            {
                p.Get(rebuildMemo);
            }

            p.Op('(');
            p.Op('(').Unicode("storage").Global("torch", half ? "HalfStorage" : "FloatStorage").Unicode(i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Unicode("cpu").Int(t.Values.Length).Op('t').Op('Q');
            p.Int(0);
            long[] stride = t.Shape.Length == 2
                ? t.StoreTransposed ? [1, t.Shape[0]] : [t.Shape[1], 1]
                : [1];
            p.Op('(');
            foreach (var s in t.Shape)
            {
                p.Int(s);
            }

            p.Op('t').Op('(');
            foreach (var s in stride)
            {
                p.Int(s);
            }

            p.Op('t').Op(0x89);
            p.Global("collections", "OrderedDict").Op(')').Op('R');
            p.Op('t').Op('R');

            var values = t.StoreTransposed ? Transpose(t.Values, t.Shape) : t.Values;
            var bytes = new MemoryStream();
            SafetensorsWriter.WriteValues(bytes, values, half ? TensorDType.F16 : TensorDType.F32);
            storages.Add(bytes.ToArray());
        }

        p.Op('u');
        p.Op('}').Unicode("_metadata").Op('}').Op('s').Op('b');
        p.Op('.');
        WriteZip(path, p.ToArray(), storages);
    }

    /// <summary>A .pth whose pickle calls os.system: what a malicious checkpoint looks like.</summary>
    public static void WriteHostile(string path)
    {
        var p = new Pickler();
        p.Proto();
        p.Global("os", "system").Unicode("echo owned > /tmp/neuronav-owned").Op(0x85).Op('R').Op('.');
        WriteZip(path, p.ToArray(), []);
    }

    private static float[] Transpose(float[] rowMajor, long[] shape)
    {
        var (a, b) = ((int)shape[0], (int)shape[1]);
        var r = new float[a * b];
        for (var i = 0; i < a; i++)
        {
            for (var j = 0; j < b; j++)
            {
                r[(j * a) + i] = rowMajor[(i * b) + j];
            }
        }

        return r;
    }

    private static void WriteZip(string path, byte[] pickle, List<byte[]> storages)
    {
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Add(string name, byte[] bytes)
        {
            using var s = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
            s.Write(bytes);
        }

        Add("archive/data.pkl", pickle);
        for (var i = 0; i < storages.Count; i++)
        {
            Add($"archive/data/{i}", storages[i]);
        }

        Add("archive/version", Encoding.ASCII.GetBytes("3\n"));
    }

    private sealed class Pickler
    {
        private readonly List<byte> _s = [];

        public Pickler Proto()
        {
            _s.Add(0x80);
            _s.Add(2);
            return this;
        }

        public Pickler Op(int op)
        {
            _s.Add((byte)op);
            return this;
        }

        public Pickler Global(string module, string name)
        {
            _s.Add((byte)'c');
            _s.AddRange(Encoding.ASCII.GetBytes($"{module}\n{name}\n"));
            return this;
        }

        public Pickler Unicode(string s)
        {
            var b = Encoding.UTF8.GetBytes(s);
            _s.Add((byte)'X');
            _s.AddRange(BitConverter.GetBytes(b.Length));
            _s.AddRange(b);
            return this;
        }

        public Pickler Int(long v)
        {
            if (v is >= 0 and < 256)
            {
                _s.Add((byte)'K');
                _s.Add((byte)v);
            }
            else
            {
                _s.Add((byte)'J');
                _s.AddRange(BitConverter.GetBytes((int)v));
            }

            return this;
        }

        public Pickler Put(int memo)
        {
            _s.Add((byte)'q');
            _s.Add((byte)memo);
            return this;
        }

        public Pickler Get(int memo)
        {
            _s.Add((byte)'h');
            _s.Add((byte)memo);
            return this;
        }

        public byte[] ToArray() => _s.ToArray();
    }
}
