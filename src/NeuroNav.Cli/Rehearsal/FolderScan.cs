using System.IO.Enumeration;

namespace NeuroNav.Cli.Rehearsal;

/// <summary>A file's size and last write time as one scan saw it.</summary>
internal readonly record struct FileStamp(long Bytes, long WriteTicks);

/// <summary>Every file under a folder with its size, read from the directory entries in one walk (no file is opened).</summary>
internal static class FolderScan
{
    private static readonly EnumerationOptions Everything = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
        ReturnSpecialDirectories = false,
    };

    /// <summary>
    /// The files under <paramref name="root"/> (none when it does not exist). A file or folder deleted during the walk
    /// is left out, as a concurrent writer deletes its temporary files and a partition job its layer folder.
    /// </summary>
    public static Dictionary<string, FileStamp> Files(string root)
    {
        var files = new Dictionary<string, FileStamp>(StringComparer.Ordinal);
        if (!Directory.Exists(root))
        {
            return files;
        }

        try
        {
            var walk = new FileSystemEnumerable<(string Path, FileStamp Stamp)>(
                root,
                (ref FileSystemEntry e) => (e.ToFullPath(), new FileStamp(e.Length, e.LastWriteTimeUtc.UtcTicks)),
                Everything)
            {
                ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory,
            };
            foreach (var (path, stamp) in walk)
            {
                files[path] = stamp;
            }
        }
        catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException)
        {
            // The root itself went away during the walk: what was seen is what there was.
        }

        return files;
    }

    /// <summary>The bytes of every file under <paramref name="root"/>.</summary>
    public static long Bytes(string root) => Files(root).Values.Sum(f => f.Bytes);
}
