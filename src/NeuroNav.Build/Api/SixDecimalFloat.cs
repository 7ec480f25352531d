namespace NeuroNav.Build.Api;

/// <summary>
/// A fast path for printing the activations Neuroscope pages carry: float32 values of texts rounded to 6 decimals.
/// For 1e-4 ≤ |v| &lt; 8 a float32 is spaced finer than 1e-6, so at most one 6-decimal number lies inside its rounding
/// interval; when one does, that number with its trailing zeros dropped is exactly the shortest round-trip text
/// <see cref="float.TryFormat(Span{byte}, out int, ReadOnlySpan{char}, IFormatProvider?)"/> writes, found with integer
/// arithmetic. Everything else (more decimals, large, tiny or non-finite values) returns false for the general formatter.
/// </summary>
internal static class SixDecimalFloat
{
    private const double Scale = 1e6;

    public static bool TryFormat(float value, Span<byte> destination, out int written)
    {
        written = 0;
        var magnitude = MathF.Abs(value);
        if (!(magnitude >= 1e-4f && magnitude < 8f) || destination.Length < 10)
        {
            return false;
        }

        var scaled = magnitude * Scale;
        var micros = (long)Math.Round(scaled);

        // The 6-decimal number must sit well inside the float's rounding interval, whose narrower half bounds it.
        var halfGap = Math.Min(MathF.BitIncrement(magnitude) - (double)magnitude, magnitude - (double)MathF.BitDecrement(magnitude)) / 2;
        if (Math.Abs(scaled - micros) >= 0.999 * halfGap * Scale)
        {
            return false;
        }

        var at = 0;
        if (value < 0)
        {
            destination[at++] = (byte)'-';
        }

        var whole = micros / 1_000_000;
        var fraction = (int)(micros % 1_000_000);
        destination[at++] = (byte)('0' + whole);
        if (fraction != 0)
        {
            destination[at++] = (byte)'.';
            var digits = 6;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                digits--;
            }

            for (var i = digits - 1; i >= 0; i--)
            {
                destination[at + i] = (byte)('0' + (fraction % 10));
                fraction /= 10;
            }

            at += digits;
        }

        written = at;
        return true;
    }
}
