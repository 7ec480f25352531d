namespace NeuroNav.Weights;

/// <summary>A weights file or mapping that cannot be used; the message names the model, file or tensor.</summary>
public sealed class WeightsException : Exception
{
    public WeightsException(string message) : base(message) { }

    public WeightsException(string message, Exception inner) : base(message, inner) { }
}
