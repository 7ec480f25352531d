namespace NeuroNav.Build.Profiles;

/// <summary>
/// A named recipe for a build that must fit a host: which models, how much of each neuron, and the limits the output
/// must stay within. A limit the plan predicts to break fails the build before it starts; one the real output breaks
/// fails it after, before anything is deployed.
/// </summary>
/// <param name="Models">The models built when the command line names none; empty for every model the corpus holds.</param>
/// <param name="MaxTexts">Keep only the first (most activating) texts of each neuron; null keeps all.</param>
/// <param name="WindowTokens">Keep only the truncated window of each text (50 tokens before the max, 10 after).</param>
/// <param name="MaxSiteBytes">The largest site the host accepts; null for no limit.</param>
/// <param name="MaxDirectoryEntries">The most entries any one folder of the output may hold.</param>
/// <param name="Precompress">
/// Store the files of each layer gzip-compressed, to be served with <c>Content-Encoding: gzip</c> under their own URLs:
/// for an object store (S3, R2), which keeps that header with the object. GitHub Pages cannot set it, so the
/// <c>pages</c> profile writes plain files.
/// </param>
public sealed record BuildProfile(
    string Name,
    string Description,
    IReadOnlyList<string> Models,
    int? MaxTexts,
    bool WindowTokens,
    long? MaxSiteBytes,
    int MaxDirectoryEntries = BuildProfile.DirectoryEntryLimit,
    bool Precompress = false)
{
    /// <summary>Static hosts and object-store listings behave badly past this many entries in one folder.</summary>
    public const int DirectoryEntryLimit = 10_000;

    /// <summary>GitHub Pages rejects a published site larger than 1 GB.</summary>
    public const long GitHubPagesLimit = 1_000_000_000;

    /// <summary>Everything, untrimmed, for object storage behind a CDN.</summary>
    public static readonly BuildProfile Full = new("full", "every model, every text, every token, the files of each layer gzip-compressed (object storage)", [], null, false, null, Precompress: true);

    /// <summary>
    /// The small toy models, each neuron's first 10 texts cut to the window Neuroscope shows: a site GitHub Pages accepts.
    /// The neuron documents of this profile hold the window only; the full archive has the whole texts.
    /// </summary>
    public static readonly BuildProfile Pages = new(
        "pages",
        "solu-1l, gelu-1l, solu-2l, gelu-2l; first 10 texts per neuron, truncated window; under 1 GB (GitHub Pages)",
        ["solu-1l", "gelu-1l", "solu-2l", "gelu-2l"],
        10,
        true,
        GitHubPagesLimit);

    public static IReadOnlyList<BuildProfile> All { get; } = [Full, Pages];

    public bool Trims => MaxTexts is not null || WindowTokens;

    /// <exception cref="BuildException">No profile of that name.</exception>
    public static BuildProfile Named(string name) =>
        All.FirstOrDefault(p => p.Name == name)
        ?? throw new BuildException($"unknown profile '{name}'; profiles: {string.Join(", ", All.Select(p => p.Name))}");

    /// <summary>The options with the profile's models when the command line named none, and its precompression.</summary>
    public BuildOptions Apply(BuildOptions options) =>
        (options.Models.Count == 0 && Models.Count > 0 ? options with { Models = Models } : options) with { Precompress = Precompress };
}
