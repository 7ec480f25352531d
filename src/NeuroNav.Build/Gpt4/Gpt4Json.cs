using System.Text.Json;
using NeuroNav.Build.Api;
using NeuroNav.Core;
using NeuroNav.Corpus.Gpt4;

namespace NeuroNav.Build.Gpt4;

/// <summary>
/// Writes the <c>"GPT-4"</c> section (schema: <c>gpt4.schema.json</c>, <c>$defs/section</c>). Non-finite numbers are
/// written as null; keys and order are fixed, so builds are byte-identical.
/// </summary>
internal static class Gpt4Json
{
    public static void Write(Utf8JsonWriter w, Gpt4Section section)
    {
        var n = section.Neuron;
        var top = n.Explanations[0];
        w.WriteStartObject();
        w.WriteString("explanation", top.Text);
        Number(w, "explanation-score", top.EvCorrelationScore);
        w.WriteStartArray("explanations");
        foreach (var e in n.Explanations)
        {
            w.WriteStartObject();
            w.WriteString("explanation", e.Text);
            Scores(w, e.EvCorrelationScore, e.RSquaredScore, e.AbsoluteDevExplainedScore);
            w.WriteStartArray("sequences");
            foreach (var s in e.Simulations)
            {
                w.WriteStartObject();
                Tokens(w, "tokens", s.Tokens);
                Floats(w, "true_activations", s.TrueActivations);
                Floats(w, "simulated_activations", s.SimulatedActivations);
                Scores(w, s.EvCorrelationScore, s.RSquaredScore, s.AbsoluteDevExplainedScore);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteActivations(w, n.Activations);
        WriteRelatedNeurons(w, section);
        WriteRelatedTokens(w, n.RelatedTokens);
        w.WriteStartObject("provenance");
        foreach (var (dataset, file) in n.Files.OrderBy(f => f.Key))
        {
            w.WriteStartObject(Gpt4Datasets.Name(dataset));
            w.WriteString("url", file.Url);
            w.WriteString("sha256", file.Sha256);
            w.WriteNumber("bytes", file.Bytes);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteActivations(Utf8JsonWriter w, Gpt4Activations? a)
    {
        if (a is null)
        {
            w.WriteNull("activations");
            return;
        }

        w.WriteStartObject("activations");
        Number(w, "mean", a.Mean);
        Number(w, "variance", a.Variance);
        Number(w, "skewness", a.Skewness);
        Number(w, "kurtosis", a.Kurtosis);
        w.WriteStartArray("quantile_boundaries");
        foreach (var q in a.QuantileBoundaries)
        {
            Value(w, q);
        }

        w.WriteEndArray();
        Records(w, "top", a.Records.Where(r => r.Kind == Gpt4RecordKind.Top));
        w.WriteStartArray("quantiles");
        foreach (var bucket in a.Records.Where(r => r.Kind == Gpt4RecordKind.Quantile).GroupBy(r => r.Bucket).OrderBy(g => g.Key))
        {
            w.WriteStartObject();
            w.WriteNumber("bucket", bucket.Key);
            Records(w, "records", bucket);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        Records(w, "random", a.Records.Where(r => r.Kind == Gpt4RecordKind.Random));
        w.WriteEndObject();
    }

    private static void Records(Utf8JsonWriter w, string name, IEnumerable<Gpt4ActivationRecord> records)
    {
        w.WriteStartArray(name);
        foreach (var r in records)
        {
            w.WriteStartObject();
            Tokens(w, "tokens", r.Tokens);
            Floats(w, "activations", r.Activations);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteRelatedNeurons(Utf8JsonWriter w, Gpt4Section section)
    {
        if (section.Neuron.RelatedNeurons is not { } related)
        {
            w.WriteNull("related_neurons");
            return;
        }

        w.WriteStartObject("related_neurons");
        foreach (var direction in (Gpt4Direction[])[Gpt4Direction.Input, Gpt4Direction.Output])
        {
            w.WriteStartArray(Gpt4Names.Direction(direction));
            foreach (var r in related.Where(r => r.Direction == direction).OrderBy(r => !r.Positive).ThenBy(r => r.Rank))
            {
                var info = section.RelatedOf(r);
                w.WriteStartObject();
                w.WriteNumber("layer", r.Layer);
                w.WriteNumber("neuron", r.Neuron);
                w.WriteString("sign", r.Positive ? "positive" : "negative");
                Number(w, "weight", r.Weight);
                w.WriteString("explanation", info?.Explanation);
                Number(w, "explanation-score", info?.Score);
                w.WriteString("api", ApiLink(section.Neuron.Id.Model, r.Layer, r.Neuron));
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteRelatedTokens(Utf8JsonWriter w, IReadOnlyList<Gpt4RelatedToken>? tokens)
    {
        if (tokens is null)
        {
            w.WriteNull("related_tokens");
            return;
        }

        w.WriteStartObject("related_tokens");
        foreach (var kind in Enum.GetValues<Gpt4TokenKind>())
        {
            w.WriteStartArray(kind == Gpt4TokenKind.Activation ? "by_activation" : Gpt4Names.Token(kind));
            foreach (var t in tokens.Where(t => t.Kind == kind).OrderBy(t => t.Rank))
            {
                w.WriteStartObject();
                w.WriteString("token", t.Token);
                Number(w, "value", t.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static string ApiLink(string model, int layer, int neuron) => Api.ApiPaths.Neuron(model, layer, neuron);

    private static void Scores(Utf8JsonWriter w, double? ev, double? rsquared, double? absDev)
    {
        Number(w, "ev_correlation_score", ev);
        Number(w, "rsquared_score", rsquared);
        Number(w, "absolute_dev_explained_score", absDev);
    }

    private static void Tokens(Utf8JsonWriter w, string name, string[] tokens)
    {
        w.WriteStartArray(name);
        foreach (var t in tokens)
        {
            w.WriteStringValue(t);
        }

        w.WriteEndArray();
    }

    private static void Floats(Utf8JsonWriter w, string name, float[] values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteFiniteValue(v);
        }

        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double? value) => w.WriteFinite(name, value);

    private static void Value(Utf8JsonWriter w, double? value) => w.WriteFiniteValue(value);
}
