using Spectre.Console;

namespace NeuroNav.Cli;

/// <summary>Checks a folder option that a verb writes into (created when missing) before anything is written.</summary>
public static class WritableFolder
{
    /// <summary>An error naming <paramref name="option"/> when <paramref name="path"/> or a folder above it is a file; else success.</summary>
    public static ValidationResult Check(string option, string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            return ValidationResult.Error($"{option}: {full} is a file; give a folder (it is created when missing)");
        }

        for (var dir = Path.GetDirectoryName(full); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir))
            {
                return ValidationResult.Error($"{option}: {full} cannot be created because {dir} is a file; give a folder");
            }
        }

        return ValidationResult.Success();
    }

    /// <summary>The first error of several checks, or success.</summary>
    public static ValidationResult First(params ValidationResult[] results) =>
        results.FirstOrDefault(r => !r.Successful) ?? ValidationResult.Success();
}
