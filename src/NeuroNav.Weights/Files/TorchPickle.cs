using System.Buffers.Binary;
using System.Text;

namespace NeuroNav.Weights.Files;

/// <summary>A tensor as torch pickles it: a slice of a storage (an entry of the zip) with a shape and strides.</summary>
internal sealed record TorchTensorRef(string StorageKey, TensorDType DType, long StorageOffset, long[] Shape, long[] Stride);

/// <summary>
/// Reads the pickle of a torch state dict and nothing else. Python's pickle is a small stack machine that can call
/// any importable function; this reader knows only the opcodes torch.save uses for a dict of tensors, and only
/// the globals <c>collections.OrderedDict</c>, <c>torch._utils._rebuild_tensor_v2</c> and the float storages. Any
/// other global (<c>os.system</c>, <c>builtins.eval</c>, ...) is refused before anything is built, naming the file.
/// </summary>
internal sealed class TorchPickle
{
    private static readonly HashSet<string> Allowed = new(StringComparer.Ordinal)
    {
        "collections.OrderedDict",
        "torch._utils._rebuild_tensor_v2",
        "torch.FloatStorage",
        "torch.HalfStorage",
        "torch.BFloat16Storage",
    };

    private readonly byte[] _data;
    private readonly string _origin;
    private int _pos;

    private TorchPickle(byte[] data, string origin)
    {
        _data = data;
        _origin = origin;
    }

    private sealed record Global(string Name);

    private sealed record Storage(string Key, TensorDType DType);

    private sealed class Mark;

    /// <summary>Unpickles a state dict: tensor name → tensor reference.</summary>
    public static Dictionary<string, TorchTensorRef> ReadStateDict(byte[] data, string origin)
    {
        var result = new TorchPickle(data, origin).Run();
        if (result is not Dictionary<object, object?> dict)
        {
            throw new WeightsException($"{origin}: the pickle holds a {Describe(result)}, not a state dict");
        }

        var tensors = new Dictionary<string, TorchTensorRef>(StringComparer.Ordinal);
        foreach (var (k, v) in dict)
        {
            if (k is string name && v is TorchTensorRef t)
            {
                tensors[name] = t;
            }
            else
            {
                throw new WeightsException($"{origin}: state dict entry {Describe(k)} holds a {Describe(v)}, not a tensor");
            }
        }

        return tensors;
    }

    private static string Describe(object? o) => o switch
    {
        null => "None",
        string s => $"'{s}'",
        Dictionary<object, object?> => "dict",
        _ => o.GetType().Name,
    };

    private object? Run()
    {
        var stack = new List<object?>();
        var memo = new Dictionary<long, object?>();
        while (true)
        {
            if (_pos >= _data.Length)
            {
                throw Fail("truncated: the pickle ends before its STOP opcode");
            }

            var at = _pos;
            var op = _data[_pos++];
            switch (op)
            {
                case 0x80: _pos++; break; // PROTO
                case 0x95: _pos += 8; break; // FRAME
                case (byte)'.': return Pop(stack); // STOP
                case (byte)'(': stack.Add(new Mark()); break;
                case (byte)')': stack.Add(Array.Empty<object?>()); break;
                case (byte)'}': stack.Add(new Dictionary<object, object?>()); break;
                case (byte)']': stack.Add(new List<object?>()); break;
                case (byte)'N': stack.Add(null); break;
                case 0x88: stack.Add(true); break;
                case 0x89: stack.Add(false); break;
                case (byte)'K': stack.Add((long)_data[Need(1)]); break;
                case (byte)'M': stack.Add((long)BinaryPrimitives.ReadUInt16LittleEndian(_data.AsSpan(Need(2)))); break;
                case (byte)'J': stack.Add((long)BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(Need(4)))); break;
                case 0x8a: stack.Add(Long1()); break;
                case (byte)'G': stack.Add(BinaryPrimitives.ReadDoubleBigEndian(_data.AsSpan(Need(8)))); break;
                case (byte)'X': stack.Add(Utf8(BinaryPrimitives.ReadInt32LittleEndian(_data.AsSpan(Need(4))))); break;
                case 0x8c: stack.Add(Utf8(_data[Need(1)])); break;
                case (byte)'q': memo[_data[Need(1)]] = Peek(stack); break;
                case (byte)'r': memo[BinaryPrimitives.ReadUInt32LittleEndian(_data.AsSpan(Need(4)))] = Peek(stack); break;
                case 0x94: memo[memo.Count] = Peek(stack); break;
                case (byte)'h': stack.Add(Memo(memo, _data[Need(1)])); break;
                case (byte)'j': stack.Add(Memo(memo, BinaryPrimitives.ReadUInt32LittleEndian(_data.AsSpan(Need(4))))); break;
                case (byte)'t': stack.Add(PopMark(stack).ToArray()); break;
                case 0x85: stack.Add(new[] { Pop(stack) }); break;
                case 0x86: { var b = Pop(stack); var a = Pop(stack); stack.Add(new[] { a, b }); break; }
                case 0x87: { var c = Pop(stack); var b = Pop(stack); var a = Pop(stack); stack.Add(new[] { a, b, c }); break; }
                case (byte)'a': { var v = Pop(stack); AsList(Peek(stack)).Add(v); break; }
                case (byte)'e': { var items = PopMark(stack); AsList(Peek(stack)).AddRange(items); break; }
                case (byte)'s': { var v = Pop(stack); var k = Pop(stack); AsDict(Peek(stack))[k!] = v; break; }
                case (byte)'u':
                    {
                        var items = PopMark(stack);
                        var d = AsDict(Peek(stack));
                        for (var i = 0; i + 1 < items.Count; i += 2)
                        {
                            d[items[i]!] = items[i + 1];
                        }

                        break;
                    }

                case (byte)'c': stack.Add(CheckGlobal(Line() + "." + Line(), at)); break;
                case 0x93:
                    {
                        var name = Pop(stack) as string;
                        var module = Pop(stack) as string;
                        stack.Add(CheckGlobal(module + "." + name, at));
                        break;
                    }

                case (byte)'Q': stack.Add(PersistentLoad(Pop(stack), at)); break;
                case (byte)'R':
                    {
                        var args = Pop(stack) as object?[] ?? throw Fail($"REDUCE at byte {at} without an argument tuple");
                        var callable = Pop(stack) as Global ?? throw Fail($"REDUCE at byte {at} calls something that is not a global");
                        stack.Add(Reduce(callable, args, at));
                        break;
                    }

                case (byte)'b':
                    {
                        // BUILD: torch sets the state dict's _metadata attribute this way; nothing else may be built.
                        _ = Pop(stack);
                        if (Peek(stack) is not Dictionary<object, object?>)
                        {
                            throw Fail($"BUILD at byte {at} on a {Describe(Peek(stack))}; only a state dict's metadata is accepted");
                        }

                        break;
                    }

                default:
                    throw Fail($"opcode 0x{op:x2} at byte {at} is not one torch.save uses for tensors; refused");
            }
        }
    }

    private Global CheckGlobal(string name, int at) =>
        Allowed.Contains(name)
            ? new Global(name)
            : throw Fail($"the pickle asks for the global '{name}' at byte {at}; only tensors are read (allowed: {string.Join(", ", Allowed)})");

    private Storage PersistentLoad(object? pid, int at)
    {
        // ('storage', <storage class>, key, location, numel)
        if (pid is object?[] { Length: 5 } t && t[0] is "storage" && t[1] is Global g && t[2] is string key)
        {
            var dtype = g.Name switch
            {
                "torch.FloatStorage" => TensorDType.F32,
                "torch.HalfStorage" => TensorDType.F16,
                "torch.BFloat16Storage" => TensorDType.BF16,
                _ => throw Fail($"storage of type {g.Name} at byte {at} is not a float storage"),
            };
            return new Storage(key, dtype);
        }

        throw Fail($"persistent id at byte {at} is not a torch storage reference");
    }

    private object Reduce(Global callable, object?[] args, int at)
    {
        switch (callable.Name)
        {
            case "collections.OrderedDict" when args.Length == 0:
                return new Dictionary<object, object?>();
            case "torch._utils._rebuild_tensor_v2" when args.Length >= 4 && args[0] is Storage s && args[1] is long offset
                                                        && args[2] is object?[] size && args[3] is object?[] stride:
                return new TorchTensorRef(s.Key, s.DType, offset, Longs(size, at), Longs(stride, at));
            default:
                throw Fail($"REDUCE at byte {at} calls {callable.Name} with arguments it is never given by torch.save");
        }
    }

    private long[] Longs(object?[] items, int at) =>
        items.Select(i => i as long? ?? throw Fail($"tensor at byte {at} has a non-integer size or stride")).ToArray();

    private int Need(int n)
    {
        if (_pos + n > _data.Length)
        {
            throw Fail("truncated: the pickle ends inside an opcode");
        }

        var p = _pos;
        _pos += n;
        return p;
    }

    private long Long1()
    {
        var n = _data[Need(1)];
        if (n > 8)
        {
            throw Fail($"integer of {n} bytes at byte {_pos} is too large");
        }

        var bytes = _data.AsSpan(Need(n), n);
        long v = 0;
        for (var i = n - 1; i >= 0; i--)
        {
            v = (v << 8) | bytes[i];
        }

        if (n is > 0 and < 8 && (bytes[n - 1] & 0x80) != 0)
        {
            v -= 1L << (8 * n);
        }

        return v;
    }

    private string Utf8(int n) => Encoding.UTF8.GetString(_data, Need(n), n);

    private string Line()
    {
        var end = Array.IndexOf(_data, (byte)'\n', _pos);
        if (end < 0)
        {
            throw Fail("truncated: a GLOBAL name has no end");
        }

        var s = Encoding.ASCII.GetString(_data, _pos, end - _pos);
        _pos = end + 1;
        return s;
    }

    private object? Pop(List<object?> stack)
    {
        if (stack.Count == 0 || stack[^1] is Mark)
        {
            throw Fail($"stack underflow at byte {_pos - 1}");
        }

        var v = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return v;
    }

    private object? Peek(List<object?> stack) => stack.Count > 0 ? stack[^1] : throw Fail($"stack underflow at byte {_pos - 1}");

    private List<object?> PopMark(List<object?> stack)
    {
        var m = stack.FindLastIndex(o => o is Mark);
        if (m < 0)
        {
            throw Fail($"no MARK before byte {_pos - 1}");
        }

        var items = stack.GetRange(m + 1, stack.Count - m - 1);
        stack.RemoveRange(m, stack.Count - m);
        return items;
    }

    private object? Memo(Dictionary<long, object?> memo, long key) =>
        memo.TryGetValue(key, out var v) ? v : throw Fail($"memo key {key} read before it was written");

    private List<object?> AsList(object? o) => o as List<object?> ?? throw Fail($"APPEND to a {Describe(o)}");

    private Dictionary<object, object?> AsDict(object? o) => o as Dictionary<object, object?> ?? throw Fail($"SETITEM on a {Describe(o)}");

    private WeightsException Fail(string message) => new($"{_origin}: {message}");
}
