using System.Globalization;

namespace NeuroNav.Build.Profiles;

/// <summary>What a built output folder holds: total files and bytes, and the folder with the most entries.</summary>
public sealed record OutputSize(long Files, long Bytes, string LargestDirectory, int LargestDirectoryEntries)
{
    public static OutputSize Measure(string outputDirectory)
    {
        var root = Path.GetFullPath(outputDirectory);
        long files = 0, bytes = 0;
        var largest = ("/", 0);
        foreach (var dir in Directory.EnumerateDirectories(root, "*", SearchOption.AllDirectories).Prepend(root))
        {
            var entries = 0;
            foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
            {
                entries++;
                if (entry is FileInfo f)
                {
                    files++;
                    bytes += f.Length;
                }
            }

            if (entries > largest.Item2)
            {
                largest = (Path.GetRelativePath(root, dir).Replace('\\', '/') is "." ? "/" : Path.GetRelativePath(root, dir).Replace('\\', '/') + "/", entries);
            }
        }

        return new OutputSize(files, bytes, largest.Item1, largest.Item2);
    }

    /// <summary>Throws when the output breaks the profile's limits, naming the limit and what to do.</summary>
    /// <exception cref="BuildException">The host would reject this output.</exception>
    public void Check(BuildProfile profile)
    {
        if (profile.MaxSiteBytes is { } max && Bytes > max)
        {
            throw new BuildException(Inv($"profile '{profile.Name}': the output holds {Bytes:N0} bytes, over the limit of {max:N0}; do not deploy it: build fewer models (--model) or trim more"));
        }

        if (LargestDirectoryEntries > profile.MaxDirectoryEntries)
        {
            throw new BuildException(Inv($"profile '{profile.Name}': folder '{LargestDirectory}' holds {LargestDirectoryEntries:N0} entries, over the limit of {profile.MaxDirectoryEntries:N0}"));
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

public static class OutputCheckExtensions
{
    /// <summary>Measures the output and checks it against the profile; nothing to check without a profile.</summary>
    public static void CheckOutput(this BuildProfile? profile, string outputDirectory)
    {
        if (profile is not null)
        {
            OutputSize.Measure(outputDirectory).Check(profile);
        }
    }
}
