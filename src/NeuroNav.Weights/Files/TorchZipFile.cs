using System.IO.Compression;

namespace NeuroNav.Weights.Files;

/// <summary>
/// A TransformerLens state dict as torch.save writes it: a zip holding <c>&lt;name&gt;/data.pkl</c> (the pickle
/// naming each tensor's storage, offset, shape and strides) and <c>&lt;name&gt;/data/&lt;key&gt;</c> (one raw
/// little-endian storage per entry). The pickle is read by <see cref="TorchPickle"/>; storages are streamed one
/// tensor at a time.
/// </summary>
public sealed class TorchZipFile : ITensorFile
{
    private readonly ZipArchive _zip;
    private readonly string _prefix;
    private readonly Dictionary<string, TorchTensorRef> _refs;
    private readonly Dictionary<string, TensorInfo> _infos = new(StringComparer.Ordinal);

    public TorchZipFile(string path)
    {
        Path = path;
        try
        {
            _zip = ZipFile.OpenRead(path);
        }
        catch (InvalidDataException e)
        {
            throw new WeightsException($"{path}: not a readable torch zip (truncated, or saved in torch's legacy format): {e.Message}", e);
        }

        var pkl = _zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("/data.pkl", StringComparison.Ordinal) || e.FullName == "data.pkl")
                  ?? throw new WeightsException($"{path}: the zip has no data.pkl; not a torch.save file");
        _prefix = pkl.FullName[..^"data.pkl".Length];
        byte[] pickle;
        using (var s = pkl.Open())
        using (var ms = new MemoryStream())
        {
            s.CopyTo(ms);
            pickle = ms.ToArray();
        }

        _refs = TorchPickle.ReadStateDict(pickle, $"{path} ({pkl.FullName})");
        foreach (var (name, r) in _refs)
        {
            _infos[name] = new TensorInfo(name, r.DType, r.Shape);
        }
    }

    public string Path { get; }

    public IReadOnlyCollection<string> Names => _infos.Keys;

    public bool TryGet(string name, out TensorInfo info) => _infos.TryGetValue(name, out info!);

    public void Read(TensorInfo tensor, Span<float> destination)
    {
        var r = _refs[tensor.Name];
        var entryName = _prefix + "data/" + r.StorageKey;
        var entry = _zip.GetEntry(entryName)
                    ?? throw new WeightsException($"{Path}: tensor {tensor.Name} refers to storage {entryName}, which the zip lacks");
        var size = r.DType.Size();

        // The span of the storage this tensor touches, in elements: offset + sum((shape-1)*stride) + 1.
        long extent = 1;
        for (var d = 0; d < r.Shape.Length; d++)
        {
            if (r.Shape[d] == 0)
            {
                return;
            }

            extent += (r.Shape[d] - 1) * r.Stride[d];
        }

        if ((r.StorageOffset + extent) * size > entry.Length)
        {
            throw new WeightsException($"{Path}: truncated: tensor {tensor.Name} {tensor.ShapeText} needs {(r.StorageOffset + extent) * size} bytes of {entryName}, which has {entry.Length}");
        }

        using var s = entry.Open();
        Skip(s, r.StorageOffset * size);
        if (IsContiguous(r.Shape, r.Stride))
        {
            // The usual case: straight into the destination (float32), or through one buffer of the stored width.
            if (r.DType == TensorDType.F32)
            {
                s.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(destination));
            }
            else
            {
                var stored = new byte[destination.Length * size];
                s.ReadExactly(stored);
                TensorDTypes.Widen(r.DType, stored, destination);
            }

            return;
        }

        var bytes = new byte[extent * size];
        s.ReadExactly(bytes);
        var flat = new float[extent];
        TensorDTypes.Widen(r.DType, bytes, flat);
        Gather(flat, r.Shape, r.Stride, destination);
    }

    public void Dispose() => _zip.Dispose();

    private static void Skip(Stream s, long n)
    {
        var buffer = new byte[81920];
        while (n > 0)
        {
            var read = s.Read(buffer, 0, (int)Math.Min(buffer.Length, n));
            if (read == 0)
            {
                throw new EndOfStreamException();
            }

            n -= read;
        }
    }

    private static bool IsContiguous(long[] shape, long[] stride)
    {
        var contiguous = true;
        long expect = 1;
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            contiguous &= shape[d] == 1 || stride[d] == expect;
            expect *= shape[d];
        }

        return contiguous;
    }

    /// <summary>Copies a strided view into row-major order (a transposed tensor is saved with swapped strides).</summary>
    private static void Gather(float[] flat, long[] shape, long[] stride, Span<float> destination)
    {
        var index = new long[shape.Length];
        for (var i = 0; i < destination.Length; i++)
        {
            long at = 0;
            for (var d = 0; d < shape.Length; d++)
            {
                at += index[d] * stride[d];
            }

            destination[i] = flat[at];
            for (var d = shape.Length - 1; d >= 0; d--)
            {
                if (++index[d] < shape[d])
                {
                    break;
                }

                index[d] = 0;
            }
        }
    }
}
