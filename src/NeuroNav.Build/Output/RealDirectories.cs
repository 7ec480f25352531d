using System.Collections.Concurrent;

namespace NeuroNav.Build.Output;

/// <summary>
/// Refuses to write through a symbolic link (or other reparse point) inside the output folder: a link there could
/// send files anywhere on the disk. The output folder itself may be a link (where the user put the site).
/// Each folder is checked once per build.
/// </summary>
internal sealed class RealDirectories(string root)
{
    private readonly ConcurrentDictionary<string, bool> _checked = new(StringComparer.Ordinal);

    /// <summary>Throws <see cref="BuildException"/> if a folder between the root and <paramref name="file"/> is a link.</summary>
    public void Check(string file)
    {
        for (var dir = Path.GetDirectoryName(file); dir is not null && dir.Length > root.Length; dir = Path.GetDirectoryName(dir))
        {
            if (_checked.ContainsKey(dir))
            {
                return;
            }

            var info = new DirectoryInfo(dir);
            if (info.Exists || info.LinkTarget is not null)
            {
                if (info.LinkTarget is not null || info.Attributes.HasFlag(FileAttributes.ReparsePoint))
                {
                    throw new BuildException($"{dir} is a link (to {info.LinkTarget ?? "a reparse point"}); NeuroNav writes only inside the output folder {root}");
                }

                _checked.TryAdd(dir, true);
            }
        }
    }
}
