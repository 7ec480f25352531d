using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NeuroNav.Build.Api;
using NeuroNav.Corpus.Neuron2Graph;

namespace NeuroNav.Build.Neuron2Graph;

/// <summary>
/// The static token search index of one model: N2G's neuron store (token → activating / important neurons) split into
/// shards by a hash of the token, so a query fetches the small manifest and one shard per term. The hash is 32-bit
/// FNV-1a over the token's UTF-8 bytes, modulo the shard count; <c>content/assets/search.js</c> computes the same.
/// Shards aim at <see cref="TargetShardBytes"/>; a token whose lists alone are larger gets a shard of its own size.
/// </summary>
public static class TokenIndex
{
    public const int TargetShardBytes = 8 * 1024;

    /// <summary>The manifest (<c>index.json</c>) and the shards (<c>0.json</c> ...) of <paramref name="model"/>.</summary>
    public static (byte[] Manifest, IReadOnlyList<byte[]> Shards) Build(string model, IEnumerable<StoreEntry> entries)
    {
        var byToken = new Dictionary<string, (List<long> Activating, List<long> Important)>(StringComparer.Ordinal);
        var neurons = new HashSet<long>();
        foreach (var e in entries)
        {
            if (!byToken.TryGetValue(e.Token, out var lists))
            {
                byToken[e.Token] = lists = ([], []);
            }

            var key = ((long)e.Layer << 32) | (uint)e.Neuron;
            (e.Kind == StoreKind.Activating ? lists.Activating : lists.Important).Add(key);
            neurons.Add(key);
        }

        var estimate = byToken.Sum(t => t.Key.Length + 16 + (9L * (t.Value.Activating.Count + t.Value.Important.Count)));
        var shardCount = (int)Math.Clamp((estimate + TargetShardBytes - 1) / TargetShardBytes, 1, 1 << 20);
        var buckets = new List<string>[shardCount];
        foreach (var token in byToken.Keys)
        {
            (buckets[Shard(token, shardCount)] ??= []).Add(token);
        }

        var shards = new byte[shardCount][];
        for (var s = 0; s < shardCount; s++)
        {
            var tokens = buckets[s] ?? [];
            tokens.Sort(StringComparer.Ordinal);
            shards[s] = Write(w =>
            {
                w.WriteString("schema", "token-shard");
                w.WriteNumber("schema_version", JsonOutput.SchemaVersion);
                w.WriteString("model", model);
                w.WriteNumber("shard", s);
                w.WriteStartObject("tokens");
                foreach (var token in tokens)
                {
                    var (activating, important) = byToken[token];
                    w.WriteStartObject(token);
                    Neurons(w, "activating", activating);
                    Neurons(w, "important", important);
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            });
        }

        var manifest = Write(w =>
        {
            w.WriteString("schema", "token-index");
            w.WriteNumber("schema_version", JsonOutput.SchemaVersion);
            w.WriteString("model", model);
            w.WriteNumber("shards", shardCount);
            w.WriteString("hash", "fnv1a32-utf8");
            w.WriteNumber("tokens", byToken.Count);
            w.WriteNumber("neurons", neurons.Count);
        });
        return (manifest, shards);
    }

    /// <summary>FNV-1a (32 bit) of the UTF-8 bytes of <paramref name="token"/>, modulo <paramref name="shards"/>.</summary>
    public static int Shard(string token, int shards)
    {
        var hash = 2166136261u;
        Span<byte> buffer = stackalloc byte[256];
        var bytes = Encoding.UTF8.GetByteCount(token) <= buffer.Length ? buffer[..Encoding.UTF8.GetBytes(token, buffer)] : Encoding.UTF8.GetBytes(token);
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % (uint)shards);
    }

    private static void Neurons(Utf8JsonWriter w, string name, List<long> neurons)
    {
        neurons.Sort();
        w.WriteStartArray(name);
        foreach (var n in neurons)
        {
            w.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"{n >> 32}_{(int)(n & 0xffffffff)}"));
        }

        w.WriteEndArray();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
