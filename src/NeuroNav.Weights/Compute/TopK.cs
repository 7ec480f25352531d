namespace NeuroNav.Weights.Compute;

/// <summary>
/// For each of <see cref="Count"/> items, the <see cref="K"/> largest values seen with their ids (unsorted until
/// <see cref="Sorted"/>). <see cref="Threshold"/> is the smallest kept value once full (−∞ before), so a caller
/// can skip a candidate with one comparison; most candidates are skipped that way.
/// </summary>
public sealed class TopK
{
    private readonly float[] _values;
    private readonly int[] _ids;
    private readonly int[] _filled;

    public TopK(int count, int k)
    {
        Count = count;
        K = k;
        _values = new float[(long)count * k];
        _ids = new int[(long)count * k];
        _filled = new int[count];
        Threshold = new float[count];
        Array.Fill(Threshold, float.NegativeInfinity);
    }

    public int Count { get; }

    public int K { get; }

    public float[] Threshold { get; }

    public void Offer(int item, float value, int id)
    {
        if (value <= Threshold[item] || float.IsNaN(value))
        {
            return;
        }

        var at = item * K;
        var n = _filled[item];
        if (n < K)
        {
            _values[at + n] = value;
            _ids[at + n] = id;
            _filled[item] = ++n;
            if (n == K)
            {
                Threshold[item] = Min(at);
            }

            return;
        }

        var slot = at;
        for (var i = at + 1; i < at + K; i++)
        {
            if (_values[i] < _values[slot])
            {
                slot = i;
            }
        }

        _values[slot] = value;
        _ids[slot] = id;
        Threshold[item] = Min(at);
    }

    /// <summary>Adds everything <paramref name="other"/> kept (per-thread partial results into the shared one).</summary>
    public void Merge(TopK other)
    {
        for (var item = 0; item < Count; item++)
        {
            var at = item * K;
            for (var i = 0; i < other._filled[item]; i++)
            {
                Offer(item, other._values[at + i], other._ids[at + i]);
            }
        }
    }

    /// <summary>The kept (id, value) pairs of <paramref name="item"/>, largest first, ties by smaller id.</summary>
    public (int Id, float Value)[] Sorted(int item)
    {
        var at = item * K;
        var result = new (int Id, float Value)[_filled[item]];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = (_ids[at + i], _values[at + i]);
        }

        Array.Sort(result, (a, b) => b.Value != a.Value ? b.Value.CompareTo(a.Value) : a.Id.CompareTo(b.Id));
        return result;
    }

    private float Min(int at)
    {
        var min = _values[at];
        for (var i = at + 1; i < at + K; i++)
        {
            min = MathF.Min(min, _values[i]);
        }

        return min;
    }
}

/// <summary>The k highest and k lowest values per item: the lowest are kept as the highest of the negated values.</summary>
public sealed class TopBottom
{
    public TopBottom(int count, int k)
    {
        Top = new TopK(count, k);
        NegBottom = new TopK(count, k);
    }

    public TopK Top { get; }

    public TopK NegBottom { get; }

    public int Count => Top.Count;

    public void Offer(int item, float value, int id)
    {
        Top.Offer(item, value, id);
        NegBottom.Offer(item, -value, id);
    }

    public void Merge(TopBottom other)
    {
        Top.Merge(other.Top);
        NegBottom.Merge(other.NegBottom);
    }

    public (int Id, float Value)[] Highest(int item) => Top.Sorted(item);

    /// <summary>Lowest first.</summary>
    public (int Id, float Value)[] Lowest(int item) => NegBottom.Sorted(item).Select(p => (p.Id, -p.Value)).ToArray();
}
