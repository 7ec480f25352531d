namespace NeuroNav.Publish;

/// <summary>A publish that cannot go on: bad manifest, refused deletions, an object store error. The message names the file or key.</summary>
public sealed class PublishException : Exception
{
    public PublishException(string message)
        : base(message)
    {
    }

    public PublishException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public PublishException()
    {
    }
}
