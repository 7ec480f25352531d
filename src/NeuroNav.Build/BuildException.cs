namespace NeuroNav.Build;

/// <summary>The build cannot go on: bad options, corpus data that would make a wrong site, or an output conflict.</summary>
public sealed class BuildException : Exception
{
    public BuildException(string message) : base(message) { }

    public BuildException(string message, Exception inner) : base(message, inner) { }
}
