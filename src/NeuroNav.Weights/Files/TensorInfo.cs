namespace NeuroNav.Weights.Files;

/// <summary>One tensor of a weights file: its name, element type and shape (row-major).</summary>
public sealed record TensorInfo(string Name, TensorDType DType, IReadOnlyList<long> Shape)
{
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);

    public string ShapeText => "[" + string.Join(", ", Shape) + "]";
}

/// <summary>A file of named tensors (safetensors or a TransformerLens .pth), read one tensor at a time.</summary>
public interface ITensorFile : IDisposable
{
    /// <summary>The file, for messages.</summary>
    string Path { get; }

    IReadOnlyCollection<string> Names { get; }

    bool TryGet(string name, out TensorInfo info);

    /// <summary>Reads the whole tensor, widened to float32, row-major, into <paramref name="destination"/>.</summary>
    void Read(TensorInfo tensor, Span<float> destination);
}
