using NeuroNav.Core;

namespace NeuroNav.Fetch.Neuroscope;

/// <summary>Parses a neuroscope.io neuron page (SOURCE-FORMATS §1.6) into a <see cref="NeuroscopeNeuron"/>.</summary>
public static class NeuronPageParser
{
    /// <summary>
    /// Parses the raw bytes of <c>{model}/{layer}/{neuron}.html</c>.
    /// Throws <see cref="NeuronPageException"/> naming the neuron and the reason when the bytes are not a
    /// valid page for <paramref name="expected"/> (other neuron, legacy lexoscope page, redirect, garbage).
    /// </summary>
    public static NeuroscopeNeuron Parse(ReadOnlySpan<byte> html, NeuronId expected, Provenance provenance)
        => throw new NotImplementedException();
}

/// <summary>The page is not a valid Neuroscope page for the requested neuron.</summary>
public sealed class NeuronPageException : Exception
{
    public NeuronPageException(NeuronId neuron, string reason)
        : base($"{neuron}: {reason}")
    {
        Neuron = neuron;
        Reason = reason;
    }

    public NeuronId Neuron { get; }

    public string Reason { get; }
}
