namespace NeuroNav.Corpus;

/// <summary>An exclusive lock on a small file (an flock on Unix), released with its handle, even when the process dies.</summary>
internal static class LockFile
{
    public static async Task<IDisposable> AcquireAsync(string path, CancellationToken ct)
    {
        var delay = 1;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
            {
                // Another process commits to the same list; a commit takes milliseconds.
                await Task.Delay(delay, ct).ConfigureAwait(false);
                delay = Math.Min(delay * 2, 100);
            }
        }
    }
}
