using System.Buffers;
using System.Text.Json;
using NeuroNav.Build.Api;
using NeuroNav.Build.Output;

namespace NeuroNav.Build.Search;

/// <summary>
/// Writes a model's static explanation search: <c>api/&lt;model&gt;/search/explanations/index.json</c> (the shards that exist)
/// and one <c>&lt;shard&gt;.json</c> per shard (<see cref="ExplanationWords"/>), both of schema <c>explanation-search</c>.
/// A model without explanations gets no files. The browser (explanations.js) fetches one shard per query word.
/// </summary>
internal static class ExplanationSearch
{
    public const string SchemaName = "explanation-search";

    public static void Write(OutputWriter output, string model, ExplanationIndex index)
    {
        var shards = index.Shards();
        if (shards.Count == 0)
        {
            return;
        }

        var producer = $"explanation search of {model}";
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        foreach (var shard in shards)
        {
            output.Write(ApiPaths.ExplanationSearch(model) + shard.Name + ".json", Shard(buffer, model, shard), producer);
        }

        output.Write(ApiPaths.ExplanationSearch(model) + "index.json", Index(buffer, model, index.Count, shards), producer);
    }

    private static ReadOnlySpan<byte> Index(ArrayBufferWriter<byte> buffer, string model, int neurons, IReadOnlyList<ExplanationShard> shards)
    {
        using var w = Start(buffer, model, "index");
        w.WriteNumber("neurons", neurons);
        w.WriteNumber("max_postings", ExplanationIndex.MaxPostings);
        w.WriteStartArray("shards");
        foreach (var shard in shards)
        {
            w.WriteStringValue(shard.Name);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        return buffer.WrittenSpan;
    }

    private static ReadOnlySpan<byte> Shard(ArrayBufferWriter<byte> buffer, string model, ExplanationShard shard)
    {
        using var w = Start(buffer, model, shard.Name);
        w.WriteStartArray("entries");
        foreach (var e in shard.Entries)
        {
            w.WriteStartArray();
            w.WriteNumberValue(e.Layer);
            w.WriteNumberValue(e.Neuron);
            if (e.Score is { } score)
            {
                w.WriteNumberValue(score);
            }
            else
            {
                w.WriteNullValue();
            }

            w.WriteStringValue(e.Explanation);
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteStartObject("words");
        foreach (var (word, postings) in shard.Words)
        {
            w.WriteStartArray(word);
            foreach (var p in postings)
            {
                w.WriteNumberValue(p);
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
        return buffer.WrittenSpan;
    }

    private static Utf8JsonWriter Start(ArrayBufferWriter<byte> buffer, string model, string shard)
    {
        buffer.ResetWrittenCount();
        var w = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions);
        w.WriteStartObject();
        w.WriteString("schema", SchemaName);
        w.WriteNumber("schema_version", JsonOutput.SchemaVersion);
        w.WriteString("model", model);
        w.WriteString("shard", shard);
        return w;
    }
}
