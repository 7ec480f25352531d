namespace NeuroNav.Corpus;

/// <summary>A corpus file is corrupt, unreadable or inconsistent. The message names the file.</summary>
public sealed class CorpusException : Exception
{
    public CorpusException(string message)
        : base(message)
    {
    }

    public CorpusException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public CorpusException()
    {
    }
}
