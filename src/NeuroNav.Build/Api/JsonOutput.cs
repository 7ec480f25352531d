using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace NeuroNav.Build.Api;

/// <summary>How every JSON document of the site is written: compact UTF-8, non-ASCII kept as UTF-8.</summary>
internal static class JsonOutput
{
    public const int SchemaVersion = 1;

    /// <summary>"NeuroNav" and the tool's version (Directory.Build.props), the same on every build of one version.</summary>
    public static readonly string Generator = "NeuroNav " + (typeof(JsonOutput).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    /// <summary>
    /// Escapes only what JSON requires (quotes, backslash, controls): tokens such as <c>&lt;</c> or <c>é</c> stay readable.
    /// The documents are served as application/json, never inlined in HTML.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    public static byte[] Serialize<T>(T value, JsonTypeInfo<T> type)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, value, type);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>JSON has no NaN or Infinity: non-finite values become null. The one place of that rule.</summary>
    public static double? Finite(double value) => double.IsFinite(value) ? value : null;

    /// <inheritdoc cref="Finite(double)"/>
    public static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <inheritdoc cref="Finite(double)"/>
    public static float? Finite(float? value) => value is { } v && float.IsFinite(v) ? v : null;

    /// <summary>Writes <paramref name="value"/> under <paramref name="name"/>, or null when it is missing or not finite.</summary>
    public static void WriteFinite(this Utf8JsonWriter w, JsonEncodedText name, double? value)
    {
        if (Finite(value) is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <inheritdoc cref="WriteFinite(Utf8JsonWriter, JsonEncodedText, double?)"/>
    public static void WriteFinite(this Utf8JsonWriter w, JsonEncodedText name, float? value)
    {
        if (Finite(value) is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    /// <inheritdoc cref="WriteFinite(Utf8JsonWriter, JsonEncodedText, double?)"/>
    public static void WriteFinite(this Utf8JsonWriter w, string name, double? value)
    {
        w.WritePropertyName(name);
        w.WriteFiniteValue(value);
    }

    /// <inheritdoc cref="WriteFinite(Utf8JsonWriter, JsonEncodedText, double?)"/>
    public static void WriteFinite(this Utf8JsonWriter w, string name, float? value)
    {
        w.WritePropertyName(name);
        if (Finite(value) is { } v)
        {
            w.WriteNumberValue(v);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    /// <summary>Writes <paramref name="value"/> as an array element or property value, or null when it is missing or not finite.</summary>
    public static void WriteFiniteValue(this Utf8JsonWriter w, double? value)
    {
        if (Finite(value) is { } v)
        {
            w.WriteNumberValue(v);
        }
        else
        {
            w.WriteNullValue();
        }
    }

    /// <inheritdoc cref="WriteFiniteValue(Utf8JsonWriter, double?)"/>
    public static void WriteFiniteValue(this Utf8JsonWriter w, float value)
    {
        if (float.IsFinite(value))
        {
            w.WriteNumberValue(value);
        }
        else
        {
            w.WriteNullValue();
        }
    }
}
