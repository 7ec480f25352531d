using System.Buffers;
using System.Text.Json;
using NeuroNav.Build.Coverage;
using NeuroNav.Build.Layers;
using NeuroNav.Build.Sources;
using NeuroNav.Core;

namespace NeuroNav.Build.Api;

/// <summary>
/// Writes the per-neuron documents (<c>neuron</c> and <c>neuroscope</c>) with a reused <see cref="Utf8JsonWriter"/>.
/// The Neuroscope section is serialized once per neuron and its bytes spliced into both documents.
/// One instance per worker: not thread-safe; the spans it returns stay valid until its next call.
/// </summary>
internal sealed class NeuronDocumentWriter : IDisposable
{
    private static readonly JsonEncodedText Schema = JsonEncodedText.Encode("schema");
    private static readonly JsonEncodedText SchemaVersion = JsonEncodedText.Encode("schema_version");
    private static readonly JsonEncodedText Model = JsonEncodedText.Encode("model");
    private static readonly JsonEncodedText Layer = JsonEncodedText.Encode("layer");
    private static readonly JsonEncodedText NeuronKey = JsonEncodedText.Encode("neuron");
    private static readonly JsonEncodedText Provenance = JsonEncodedText.Encode("provenance");
    private static readonly JsonEncodedText Url = JsonEncodedText.Encode("url");
    private static readonly JsonEncodedText Sha256 = JsonEncodedText.Encode("sha256");
    private static readonly JsonEncodedText Bytes = JsonEncodedText.Encode("bytes");
    private static readonly JsonEncodedText MaxRange = JsonEncodedText.Encode("max_range");
    private static readonly JsonEncodedText MinRange = JsonEncodedText.Encode("min_range");
    private static readonly JsonEncodedText CircuitsVis = JsonEncodedText.Encode("circuitsvis_version");
    private static readonly JsonEncodedText Texts = JsonEncodedText.Encode("texts");
    private static readonly JsonEncodedText Index = JsonEncodedText.Encode("index");
    private static readonly JsonEncodedText MaxActivation = JsonEncodedText.Encode("max_activation");
    private static readonly JsonEncodedText MinActivation = JsonEncodedText.Encode("min_activation");
    private static readonly JsonEncodedText DataIndex = JsonEncodedText.Encode("data_index");
    private static readonly JsonEncodedText Dataset = JsonEncodedText.Encode("dataset");
    private static readonly JsonEncodedText MaxTokenIndex = JsonEncodedText.Encode("max_activating_token_index");
    private static readonly JsonEncodedText Truncated = JsonEncodedText.Encode("truncated");
    private static readonly JsonEncodedText StartKey = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText EndKey = JsonEncodedText.Encode("end");
    private static readonly JsonEncodedText Tokens = JsonEncodedText.Encode("tokens");
    private static readonly JsonEncodedText Values = JsonEncodedText.Encode("values");
    private static readonly JsonEncodedText Available = JsonEncodedText.Encode("available");
    private static readonly JsonEncodedText Metadata = JsonEncodedText.Encode("metadata");
    private static readonly JsonEncodedText Statistics = JsonEncodedText.Encode("statistics");
    private static readonly JsonEncodedText Links = JsonEncodedText.Encode("links");
    private static readonly JsonEncodedText TopExampleRange = JsonEncodedText.Encode("top_example_range");
    private static readonly JsonEncodedText TokensCounted = JsonEncodedText.Encode("tokens");
    private static readonly JsonEncodedText Mean = JsonEncodedText.Encode("mean");
    private static readonly JsonEncodedText Variance = JsonEncodedText.Encode("variance");
    private static readonly JsonEncodedText Skewness = JsonEncodedText.Encode("skewness");
    private static readonly JsonEncodedText ExcessKurtosis = JsonEncodedText.Encode("excess_kurtosis");
    private static readonly JsonEncodedText FractionPositive = JsonEncodedText.Encode("fraction_positive");
    private static readonly JsonEncodedText TopToken = JsonEncodedText.Encode("top_token");
    private static readonly JsonEncodedText TopTokenShare = JsonEncodedText.Encode("top_token_share");
    private static readonly JsonEncodedText DistinctTopTokens = JsonEncodedText.Encode("distinct_top_tokens");
    private static readonly JsonEncodedText Html = JsonEncodedText.Encode("html");
    private static readonly JsonEncodedText Previous = JsonEncodedText.Encode("previous");
    private static readonly JsonEncodedText Next = JsonEncodedText.Encode("next");
    private static readonly JsonEncodedText Original = JsonEncodedText.Encode("neuroscope_original");
    private static readonly JsonEncodedText CoverageKey = JsonEncodedText.Encode("coverage");
    private static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText Neuroscope = JsonEncodedText.Encode(SourceInfo.Neuroscope.DocumentKey);

    private readonly ArrayBufferWriter<byte> _section = new(1 << 20);
    private readonly ArrayBufferWriter<byte> _document = new(1 << 20);
    private readonly ArrayBufferWriter<byte> _array = new(1 << 16);
    private readonly JsonArrays _arrays = new();
    private readonly Utf8JsonWriter _writer = new(Stream.Null, JsonOutput.WriterOptions);
    private readonly IReadOnlyList<SourceInfo> _sources;

    /// <param name="sources">The sources other than Neuroscope whose keys every neuron document has, in document order.</param>
    public NeuronDocumentWriter(IReadOnlyList<SourceInfo> sources) => _sources = sources;

    /// <summary>Serializes the neuron's Neuroscope section; the neuron and neuroscope documents splice these bytes.</summary>
    public ReadOnlySpan<byte> WriteSection(NeuroscopeNeuron neuron)
    {
        var w = Start(_section);
        w.WriteStartObject();
        Number(w, MaxRange, neuron.MaxRange);
        Number(w, MinRange, neuron.MinRange);
        w.WriteString(CircuitsVis, neuron.CircuitsVisVersion);
        w.WriteStartArray(Texts);
        foreach (var text in neuron.Texts)
        {
            if (text.Tokens.Length != text.Values.Length)
            {
                throw new BuildException($"{neuron.Id}: text #{text.Index} has {text.Tokens.Length} tokens but {text.Values.Length} values");
            }

            WriteText(w, text);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        return _section.WrittenSpan;
    }

    /// <summary>
    /// The <c>neuron</c> document, with a key per source (null where <paramref name="sections"/> has none); <paramref name="section"/> is what <see cref="WriteSection"/> returned for its Neuroscope
    /// data (ignored when Neuroscope does not hold it: then its key and statistics are null).
    /// </summary>
    public ReadOnlySpan<byte> WriteNeuron(
        LayerNeuron item,
        ReadOnlySpan<byte> modelMetadata,
        NeuronStatistics stats,
        ReadOnlySpan<byte> section,
        IReadOnlyList<NeuronSection> sections,
        IReadOnlyList<SourceCoverage> coverage)
    {
        var sources = _sources;
        var (model, layer, n) = item.Id;
        var neuron = item.Neuroscope;
        var w = Start(_document);
        w.WriteStartObject();
        w.WriteString(Schema, "neuron");
        w.WriteNumber(SchemaVersion, JsonOutput.SchemaVersion);
        w.WriteString(Model, model);
        w.WriteStartArray(Available);
        foreach (var label in NeuronSections.Available(neuron is not null, sections))
        {
            w.WriteStringValue(label);
        }

        w.WriteEndArray();
        w.WriteNumber(Layer, layer);
        w.WriteNumber(NeuronKey, n);

        w.WriteStartObject(Metadata);
        w.WritePropertyName(Model);
        w.WriteRawValue(modelMetadata, skipInputValidation: true);
        if (neuron is null)
        {
            w.WriteNull(Statistics);
        }
        else
        {
            w.WriteStartObject(Statistics);
            Number(w, MaxActivation, stats.MaxActivation);
            Number(w, MaxRange, stats.MaxRange);
            w.WriteNumber(Texts, stats.Texts);
            WriteActivationStatistics(w, stats.Activations);
            w.WriteEndObject();
        }

        w.WriteStartObject(Links);
        w.WriteString(Html, ApiPaths.NeuronHtml(model, layer, n));
        w.WriteString(Layer, ApiPaths.LayerIndex(model, layer));
        w.WriteString(Previous, item.HasPrevious ? ApiPaths.Neuron(model, layer, n - 1) : null);
        w.WriteString(Next, item.HasNext ? ApiPaths.Neuron(model, layer, n + 1) : null);
        w.WriteString(Original, ApiPaths.NeuroscopeOriginal(model, layer, n));
        w.WriteEndObject();
        w.WriteStartObject(Provenance);
        if (neuron is not null)
        {
            w.WritePropertyName(Neuroscope);
            WriteProvenance(w, neuron.Provenance);
        }

        w.WriteEndObject();
        WriteCoverage(w, coverage);
        w.WriteEndObject();

        w.WritePropertyName(Neuroscope);
        if (neuron is null)
        {
            w.WriteNullValue();
        }
        else
        {
            w.WriteRawValue(section, skipInputValidation: true);
        }

        foreach (var source in sources)
        {
            WriteSectionOrNull(w, source, sections);
        }
        w.WriteEndObject();
        w.Flush();
        return _document.WrittenSpan;
    }

    /// <summary>
    /// The per-source document of a source other than Neuroscope (schema named by the source id); reuses the buffer of
    /// <see cref="WriteNeuron"/>.
    /// </summary>
    public ReadOnlySpan<byte> WriteSourceDocument(NeuronId id, NeuronSection section)
    {
        var w = Start(_document);
        w.WriteStartObject();
        w.WriteString(Schema, section.Source.Id);
        w.WriteNumber(SchemaVersion, JsonOutput.SchemaVersion);
        w.WriteString(Model, id.Model);
        w.WriteNumber(Layer, id.Layer);
        w.WriteNumber(NeuronKey, id.Neuron);
        w.WritePropertyName(section.Source.DocumentKey);
        section.Data.WriteJson(w);
        w.WriteEndObject();
        w.Flush();
        return _document.WrittenSpan;
    }

    /// <summary>The statistics of the stored examples, written as float32 (their precision is that of the activations).</summary>
    private static void WriteActivationStatistics(Utf8JsonWriter w, Stats.ActivationStatistics a)
    {
        var m = a.Activations;
        Number(w, TopExampleRange, Stats.StatsJson.Round(a.TopExampleRange));
        w.WriteNumber(TokensCounted, m.Count);
        Number(w, Mean, Stats.StatsJson.Round(m.Mean));
        Number(w, Variance, Stats.StatsJson.Round(m.Variance));
        Number(w, Skewness, Stats.StatsJson.Round(m.Skewness));
        Number(w, ExcessKurtosis, Stats.StatsJson.Round(m.ExcessKurtosis));
        Number(w, FractionPositive, Stats.StatsJson.Round(m.FractionPositive));
        w.WriteString(TopToken, a.TopTokens.Token);
        Number(w, TopTokenShare, Stats.StatsJson.Round(a.TopTokens.Share));
        w.WriteNumber(DistinctTopTokens, a.TopTokens.Distinct);
    }

    /// <summary><c>metadata.coverage</c>: per source id, the status of its latest attempt at the neuron and why.</summary>
    private static void WriteCoverage(Utf8JsonWriter w, IReadOnlyList<SourceCoverage> coverage)
    {
        w.WriteStartObject(CoverageKey);
        foreach (var c in coverage)
        {
            w.WriteStartObject(c.Source.Id);
            w.WriteString(Status, c.Status);
            w.WriteString(Reason, c.Reason);
            w.WriteString(Url, c.Url);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>The source's key: its section, or null when it has none for the neuron (sections are in document order).</summary>
    private static void WriteSectionOrNull(Utf8JsonWriter w, SourceInfo source, IReadOnlyList<NeuronSection> sections)
    {
        foreach (var s in sections)
        {
            if (s.Source == source)
            {
                w.WritePropertyName(source.DocumentKey);
                s.Data.WriteJson(w);
                return;
            }
        }

        w.WriteNull(source.DocumentKey);
    }

    /// <summary>The <c>neuroscope</c> document (one neuron, one source); reuses the buffer of <see cref="WriteNeuron"/>.</summary>
    public ReadOnlySpan<byte> WriteNeuroscope(NeuroscopeNeuron neuron, ReadOnlySpan<byte> section)
    {
        var w = Start(_document);
        w.WriteStartObject();
        w.WriteString(Schema, "neuroscope");
        w.WriteNumber(SchemaVersion, JsonOutput.SchemaVersion);
        w.WriteString(Model, neuron.Id.Model);
        w.WriteNumber(Layer, neuron.Id.Layer);
        w.WriteNumber(NeuronKey, neuron.Id.Neuron);
        w.WritePropertyName(Provenance);
        WriteProvenance(w, neuron.Provenance);
        w.WritePropertyName(Neuroscope);
        w.WriteRawValue(section, skipInputValidation: true);
        w.WriteEndObject();
        w.Flush();
        return _document.WrittenSpan;
    }

    public void Dispose() => _writer.Dispose();

    private Utf8JsonWriter Start(ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        _writer.Reset(buffer);
        return _writer;
    }

    private void WriteText(Utf8JsonWriter w, NeuroscopeText text)
    {
        w.WriteStartObject();
        w.WriteNumber(Index, text.Index);
        Number(w, MaxActivation, text.MaxActivation);
        Number(w, MinActivation, text.MinActivation);
        w.WriteNumber(DataIndex, text.DataIndex);
        w.WriteString(Dataset, text.Dataset);
        w.WriteNumber(MaxTokenIndex, text.MaxTokenIndex);
        var window = text.Truncated;
        w.WriteStartObject(Truncated);
        w.WriteNumber(StartKey, window.Start);
        w.WriteNumber(EndKey, window.End);
        w.WriteEndObject();
        w.WritePropertyName(Tokens);
        JsonArrays.WriteTokens(_array, text.Tokens);
        w.WriteRawValue(_array.WrittenSpan, skipInputValidation: true);
        w.WritePropertyName(Values);
        _arrays.WriteValues(_array, text.Values);
        w.WriteRawValue(_array.WrittenSpan, skipInputValidation: true);
        w.WriteEndObject();
    }

    private static void WriteProvenance(Utf8JsonWriter w, Provenance provenance)
    {
        w.WriteStartObject();
        w.WriteString(Url, provenance.Url);
        w.WriteString(Sha256, provenance.Sha256);
        w.WriteNumber(Bytes, provenance.Bytes);
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, JsonEncodedText name, float? value) => w.WriteFinite(name, value);

    private static void Number(Utf8JsonWriter w, JsonEncodedText name, double? value) => w.WriteFinite(name, value);
}
