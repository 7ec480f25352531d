namespace NeuroNav.TestKit;

/// <summary>Finds files of the repository from a test's working folder.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "NeuroNav.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"NeuroNav.sln not found above {AppContext.BaseDirectory}");
    }
}
