namespace NeuroNav.Fetch.Neuroscope;

/// <summary>Thrown inside the page parser with a reason; <see cref="NeuronPageParser"/> adds the neuron.</summary>
internal sealed class PageFormatException : Exception
{
    public PageFormatException(string reason)
        : base(reason)
    {
    }
}
