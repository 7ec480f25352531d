namespace NeuroNav.Cli;

/// <summary>
/// Where the tool finds its own files: the repository's <c>content/</c> and <c>templates/</c> when run from a
/// checkout, otherwise the copies shipped next to the executable.
/// </summary>
public static class AppPaths
{
    public static string Content => Find("content");

    public static string Templates => Find("templates");

    public static string Catalog => Path.Combine(Content, "models.csv");

    /// <summary>Where each catalog model's checkpoint and tokenizer are (the weights source).</summary>
    public static string WeightsMapping => Path.Combine(Content, "weights.csv");

    /// <summary>The offline mirror of every source, one folder per source; the demo serves this folder.</summary>
    public static string SampleRoot => Path.Combine(Content, "sample");

    public static string SampleMirror => Path.Combine(SampleRoot, "neuroscope");

    private static string Find(string folder)
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NeuroNav.sln")) && Directory.Exists(Path.Combine(dir.FullName, folder)))
            {
                return Path.Combine(dir.FullName, folder);
            }
        }

        return Path.Combine(AppContext.BaseDirectory, folder);
    }
}
