using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Primitives;

namespace NeuroNav.Hosting;

/// <summary>
/// A folder's files, except those reached through a symbolic link (of the file or of a folder on its way) that leaves
/// the folder: they are reported missing, so <c>serve</c> never hands out a file from elsewhere on the machine.
/// </summary>
internal sealed class ContainedFileProvider : IFileProvider, IDisposable
{
    private readonly PhysicalFileProvider _files;
    private readonly string _root;

    public ContainedFileProvider(string root)
    {
        _files = new PhysicalFileProvider(root);
        _root = RealPath(root);
    }

    public IFileInfo GetFileInfo(string subpath)
    {
        var file = _files.GetFileInfo(subpath);
        if (file.PhysicalPath is not { } path || !file.Exists)
        {
            return file;
        }

        // A link inside the folder is served as its target (the target's length and time, not the link's).
        var real = RealPath(path);
        return !Within(real) ? new NotFoundFileInfo(subpath) : real == Path.GetFullPath(path) ? file : new PhysicalFileInfo(new FileInfo(real));
    }

    public IDirectoryContents GetDirectoryContents(string subpath)
    {
        var contents = _files.GetDirectoryContents(subpath);
        if (!contents.Exists)
        {
            return contents;
        }

        var folder = Path.Combine(_files.Root, subpath.TrimStart('/'));
        return Inside(folder) ? new Filtered(contents, this) : NotFoundDirectoryContents.Singleton;
    }

    public IChangeToken Watch(string filter) => _files.Watch(filter);

    public void Dispose() => _files.Dispose();

    /// <summary>Whether <paramref name="path"/>, every link on its way followed, is the root or under it.</summary>
    private bool Inside(string path) => Within(RealPath(path));

    private bool Within(string real)
    {
        return real == _root || real.StartsWith(_root.EndsWith(Path.DirectorySeparatorChar) ? _root : _root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }

    /// <summary>The full path with every symbolic link on it resolved, component by component.</summary>
    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            current = info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target
                ? RealPath(target.FullName)
                : next;
        }

        return current;
    }

    private sealed class Filtered(IDirectoryContents inner, ContainedFileProvider owner) : IDirectoryContents
    {
        public bool Exists => true;

        public IEnumerator<IFileInfo> GetEnumerator() =>
            inner.Where(f => f.PhysicalPath is not { } p || owner.Inside(p)).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
