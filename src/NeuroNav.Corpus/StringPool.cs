namespace NeuroNav.Corpus;

/// <summary>
/// Turns the <see cref="ReadOnlyMemory{T}"/> strings Parquet.Net returns into shared <see cref="string"/> instances, one per
/// distinct value, so a token read a million times is allocated once. Lookups by span allocate nothing.
/// </summary>
internal sealed class StringPool(int capacity = 1 << 20)
{
    private readonly HashSet<string> strings = new(StringComparer.Ordinal);

    public string Get(ReadOnlySpan<char> value)
    {
        if (value.IsEmpty)
        {
            return string.Empty;
        }

        var lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(value, out var existing))
        {
            return existing;
        }

        if (strings.Count >= capacity)
        {
            strings.Clear();
        }

        var created = value.ToString();
        strings.Add(created);
        return created;
    }
}
