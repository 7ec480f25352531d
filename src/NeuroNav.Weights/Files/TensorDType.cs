namespace NeuroNav.Weights.Files;

/// <summary>The element types the readers accept; everything is widened to float32 on reading.</summary>
public enum TensorDType
{
    F32,
    F16,
    BF16,
}

internal static class TensorDTypes
{
    public static int Size(this TensorDType t) => t == TensorDType.F32 ? 4 : 2;

    /// <summary>Widens <paramref name="src"/> (little-endian elements of type <paramref name="t"/>) into <paramref name="dst"/>.</summary>
    public static void Widen(TensorDType t, ReadOnlySpan<byte> src, Span<float> dst)
    {
        switch (t)
        {
            case TensorDType.F32:
                System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(src)[..dst.Length].CopyTo(dst);
                break;
            case TensorDType.F16:
                var halves = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, Half>(src);
                System.Numerics.Tensors.TensorPrimitives.ConvertToSingle(halves[..dst.Length], dst);
                break;
            case TensorDType.BF16:
                var raw = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(src);
                for (var i = 0; i < dst.Length; i++)
                {
                    dst[i] = BitConverter.Int32BitsToSingle(raw[i] << 16);
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(t));
        }
    }
}
