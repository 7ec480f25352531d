namespace NeuroNav.Build.Output;

/// <summary>Site-relative output paths: forward slashes, no empty, hidden, <c>.</c> or <c>..</c> segments.</summary>
internal static class OutputPath
{
    public const string Manifest = "manifest.json";

    /// <summary>Throws unless <paramref name="path"/> names a file strictly inside the output folder.</summary>
    public static void Validate(string path, string producer)
    {
        if (!IsValid(path))
        {
            throw new BuildException($"{producer}: '{path}' is not a valid site-relative output path");
        }

        if (path == Manifest)
        {
            throw new BuildException($"{producer}: '{Manifest}' is reserved for the build's manifest");
        }
    }

    public static bool IsValid(string path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > 512)
        {
            return false;
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment[0] == '.')
            {
                return false;
            }

            foreach (var c in segment)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The absolute path of <paramref name="path"/> under <paramref name="root"/>, checked to stay inside it.</summary>
    public static string Resolve(string root, string path)
    {
        var full = Path.GetFullPath(Path.Combine(root, path));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new BuildException($"output path '{path}' resolves outside the output folder {root}");
    }
}
