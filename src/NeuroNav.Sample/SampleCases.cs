using NeuroNav.Core;

namespace NeuroNav.Sample;

/// <summary>What sits at a neuron path of the sample mirror.</summary>
internal enum SampleKind
{
    Normal,
    NanAndInfinity,
    HostileTokens,
    NoVersion,
    NegativeTop,
    NegativeZero,
    Missing,
    LegacyLexoscope,
    Redirect,
    OtherNeuron,
}

/// <summary>The hostile cases of the sample mirror, at fixed places (documented in content/sample/README.md).</summary>
internal static class SampleCases
{
    /// <summary>The neuron the header of <c>solu-1l/0/14.html</c> names instead of 14.</summary>
    public const int OtherNeuronInHeader = 140;

    public static IReadOnlyList<(SampleCase Case, SampleKind Kind)> All { get; } =
    [
        Case("solu-1l", 0, 3, SampleKind.NanAndInfinity, CoverageStatus.Present,
            "bare NaN, Infinity and -Infinity in values, minValue and maxValue; headers print nan, inf and -inf"),
        Case("solu-1l", 0, 5, SampleKind.HostileTokens, CoverageStatus.Present,
            "tokens containing </script>, <hr>, <!--, -->, an astral emoji (surrogate-pair escapes), U+FFFD, \\r\\n, \\t, \\u0001, DEL, quotes and backslashes"),
        Case("solu-1l", 0, 7, SampleKind.Missing, CoverageStatus.MissingUpstream,
            "no file: the server answers 404 (a gap inside the range; 6.html and 8.html link to it)"),
        Case("solu-1l", 0, 9, SampleKind.NoVersion, CoverageStatus.Present,
            "imports https://unpkg.com/circuitsvis/dist/cdn/esm.js without @version"),
        Case("solu-1l", 0, 11, SampleKind.LegacyLexoscope, CoverageStatus.Invalid,
            "a legacy lexoscope page (docs/sources/neuroscope.md#legacy-lexoscope-pages): spans per token, no ColoredTokens, no Data Index"),
        Case("solu-1l", 0, 13, SampleKind.Redirect, CoverageStatus.Invalid,
            "a JS redirect page (REDIRECT_TO_INDEX_ONE_UP) where the neuron page should be"),
        Case("solu-1l", 0, 14, SampleKind.OtherNeuron, CoverageStatus.Invalid,
            "a well-formed page whose header says Neuron 140 in Layer 0"),
        Case("gpt2-small", 0, 37, SampleKind.NegativeTop, CoverageStatus.Present,
            "the real negative top activation: Text #0 Max Act -0.0429, so Min Range (0.0429) > Max Range (-0.0429)"),
        Case("gpt2-small", 0, 1403, SampleKind.NegativeZero, CoverageStatus.Present,
            "Max Act prints -0.0000 (real page did; here -0.00001); Min Range 0.0000; minValue 9.99999974737875e-06"),
    ];

    public static SampleKind KindOf(NeuronId id)
    {
        foreach (var (c, kind) in All)
        {
            if (c.Neuron == id)
            {
                return kind;
            }
        }

        return SampleKind.Normal;
    }

    private static (SampleCase, SampleKind) Case(string model, int layer, int neuron, SampleKind kind, CoverageStatus status, string description)
    {
        var id = new NeuronId(model, layer, neuron);
        return (new SampleCase(id, $"{id}.html", description, status), kind);
    }
}
