using System.Globalization;

namespace NeuroNav.Build.Profiles;

/// <summary>Predicted output of one model: its per-neuron files, layer and model indexes.</summary>
public sealed record ModelPlan(string Model, int Layers, long Neurons, long Texts, long Files, long Bytes);

/// <summary>
/// A build's predicted size, before it runs. <see cref="SiteFiles"/> and <see cref="SiteBytes"/> are the site-wide files
/// (indexes, schemas, assets, pages, manifest). <see cref="LargestDirectory"/> is the folder predicted to hold the most entries.
/// </summary>
public sealed record SizePlan(
    BuildProfile Profile,
    IReadOnlyList<ModelPlan> Models,
    long SiteFiles,
    long SiteBytes,
    string LargestDirectory,
    long LargestDirectoryEntries)
{
    public long Files => SiteFiles + Models.Sum(m => m.Files);

    public long Bytes => SiteBytes + Models.Sum(m => m.Bytes);

    /// <summary>The reasons the profile's host would reject this build; empty when it fits.</summary>
    public IReadOnlyList<string> Violations()
    {
        var problems = new List<string>();
        if (Profile.MaxSiteBytes is { } max && Bytes > max)
        {
            var worst = Models.OrderByDescending(m => m.Bytes).FirstOrDefault();
            problems.Add(Inv($"profile '{Profile.Name}': the plan predicts {Bytes:N0} bytes, over the limit of {max:N0}") +
                (worst is null ? "" : Inv($" (largest model: {worst.Model}, {worst.Bytes:N0} bytes); build fewer models (--model) or a trimmed profile")));
        }

        if (LargestDirectoryEntries > Profile.MaxDirectoryEntries)
        {
            problems.Add(Inv($"profile '{Profile.Name}': folder '{LargestDirectory}' would hold {LargestDirectoryEntries:N0} entries, over the limit of {Profile.MaxDirectoryEntries:N0}"));
        }

        return problems;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
