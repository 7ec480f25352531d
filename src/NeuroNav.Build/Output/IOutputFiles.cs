namespace NeuroNav.Build.Output;

/// <summary>
/// The site being written, as a source's outputs see it: a file per site-relative path, written only when its bytes
/// changed. Two producers of one path are an error that names both.
/// </summary>
public interface IOutputFiles
{
    /// <param name="producer">Names what wrote the file, for errors ("token index of gpt2-small").</param>
    void Write(string path, ReadOnlySpan<byte> bytes, string producer);
}
