namespace NeuroNav.Publish;

/// <summary>Site-relative paths as the manifest lists them: forward slashes, no empty, hidden, <c>.</c> or <c>..</c> segments.</summary>
public static class SitePath
{
    public static bool IsValid(string path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > 512)
        {
            return false;
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment[0] == '.' || !segment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '='))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The local file of <paramref name="path"/> under <paramref name="root"/>, checked to stay inside it.</summary>
    public static string Resolve(string root, string path)
    {
        var full = Path.GetFullPath(Path.Combine(root, path));
        return SitePath.IsValid(path) && full.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new PublishException($"'{path}' is not a file inside {root}");
    }
}
