using System.IO.MemoryMappedFiles;
using System.Text.Json;

namespace NeuroNav.Weights.Files;

/// <summary>
/// A safetensors file: an 8-byte little-endian header length, a JSON header naming each tensor's dtype, shape and
/// byte range, then the data. The data is memory-mapped; each tensor is mapped only while it is read, so a 6 GB
/// file never becomes resident as a whole.
/// </summary>
public sealed class SafetensorsFile : ITensorFile
{
    private readonly MemoryMappedFile _map;
    private readonly Dictionary<string, (TensorInfo Info, long Offset, long Length)> _tensors = new(StringComparer.Ordinal);

    public SafetensorsFile(string path)
    {
        Path = path;
        var length = new FileInfo(path).Length;
        if (length < 8)
        {
            throw new WeightsException($"{path}: not a safetensors file: {length} bytes, shorter than the 8-byte header length");
        }

        using (var fs = File.OpenRead(path))
        {
            Span<byte> head = stackalloc byte[8];
            fs.ReadExactly(head);
            var headerLength = BitConverter.ToUInt64(head);
            if (headerLength > (ulong)(length - 8) || headerLength > 100_000_000)
            {
                throw new WeightsException($"{path}: truncated or not safetensors: header of {headerLength} bytes in a file of {length}");
            }

            var header = new byte[headerLength];
            fs.ReadExactly(header);
            var dataStart = 8 + (long)headerLength;
            ParseHeader(header, dataStart, length);
        }

        _map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
    }

    public string Path { get; }

    public IReadOnlyCollection<string> Names => _tensors.Keys;

    public bool TryGet(string name, out TensorInfo info)
    {
        var ok = _tensors.TryGetValue(name, out var t);
        info = t.Info!;
        return ok;
    }

    public unsafe void Read(TensorInfo tensor, Span<float> destination)
    {
        var (info, offset, length) = _tensors[tensor.Name];
        if (destination.Length != info.Count)
        {
            throw new ArgumentException($"{Path}: {info.Name} has {info.Count} elements, destination {destination.Length}");
        }

        if (length == 0)
        {
            return;
        }

        using var view = _map.CreateViewAccessor(offset, length, MemoryMappedFileAccess.Read);
        byte* p = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
        try
        {
            // Widen in slices: a span is limited to 2 GiB and the largest tensor (gpt2-xl's wte) is 321 MB, but a
            // BF16 vocabulary of a larger model would not be.
            var src = p + view.PointerOffset;
            const int Slice = 1 << 24;
            var size = info.DType.Size();
            for (long i = 0; i < info.Count; i += Slice)
            {
                var n = (int)Math.Min(Slice, info.Count - i);
                TensorDTypes.Widen(info.DType, new ReadOnlySpan<byte>(src + (i * size), n * size), destination.Slice((int)i, n));
            }
        }
        finally
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
        }
    }

    public void Dispose() => _map.Dispose();

    private void ParseHeader(byte[] header, long dataStart, long fileLength)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(header);
        }
        catch (JsonException e)
        {
            throw new WeightsException($"{Path}: the safetensors header is not JSON: {e.Message}", e);
        }

        using (doc)
        {
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Name == "__metadata__")
                {
                    continue;
                }

                var dtypeText = p.Value.GetProperty("dtype").GetString();
                var dtype = dtypeText switch
                {
                    "F32" => TensorDType.F32,
                    "F16" => TensorDType.F16,
                    "BF16" => TensorDType.BF16,
                    _ => (TensorDType?)null,
                };
                var shape = p.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                var offsets = p.Value.GetProperty("data_offsets").EnumerateArray().Select(e => e.GetInt64()).ToArray();
                if (dtype is null)
                {
                    // Buffers such as GPT-2's attention masks (BOOL/U8) are never read; keep them out of the index.
                    continue;
                }

                var info = new TensorInfo(p.Name, dtype.Value, shape);
                var length = offsets[1] - offsets[0];
                if (offsets.Length != 2 || length != info.Count * dtype.Value.Size())
                {
                    throw new WeightsException($"{Path}: tensor {p.Name} {info.ShapeText} {dtypeText} has a byte range of {length}, expected {info.Count * dtype.Value.Size()}");
                }

                if (dataStart + offsets[1] > fileLength)
                {
                    throw new WeightsException($"{Path}: truncated: tensor {p.Name} ends at byte {dataStart + offsets[1]}, the file has {fileLength}");
                }

                _tensors[p.Name] = (info, dataStart + offsets[0], length);
            }
        }
    }
}
