using NeuroNav.Core;

namespace NeuroNav.Build.Sources;

/// <summary>
/// The source modules of one build, in the two orders the contract uses: <see cref="Sections"/> in document order
/// (<see cref="SourceInfo.All"/>'s, then the others as given: the neuron document's keys, <c>available</c> and coverage),
/// and <see cref="Columns"/> in the order the modules were given (listing columns).
/// </summary>
internal sealed class SourceSet
{
    public SourceSet(IReadOnlyList<ISectionSource> modules)
    {
        foreach (var twice in modules.GroupBy(m => m.Source.Id, StringComparer.Ordinal).Where(g => g.Count() > 1 || g.Key == SourceInfo.Neuroscope.Id))
        {
            throw new BuildException($"source '{twice.Key}' is given to the build {(twice.Key == SourceInfo.Neuroscope.Id ? "as a section source; Neuroscope is the backbone" : "twice")}");
        }

        Sections = [.. modules.Select((m, i) => (Module: m, Order: Order(m.Source, i))).OrderBy(m => m.Order).Select(m => m.Module)];
        Coverage = [SourceInfo.Neuroscope, .. Sections.Select(s => s.Source)];
        Columns = [.. modules.SelectMany(m => m.Contributions.Columns)];
        Outputs = [.. modules.Select(m => m.Outputs).OfType<ISiteOutputs>()];
        Schemas = [.. modules.SelectMany(m => m.Contributions.Schemas)];
    }

    /// <summary>The section sources in document order.</summary>
    public IReadOnlyList<ISectionSource> Sections { get; }

    /// <summary>Neuroscope, then every section source in document order: the sources coverage is counted for.</summary>
    public IReadOnlyList<SourceInfo> Coverage { get; }

    /// <summary>Every module's listing columns, modules in the order given.</summary>
    public IReadOnlyList<SourceColumn> Columns { get; }

    public IReadOnlyList<ISiteOutputs> Outputs { get; }

    public IReadOnlyList<SchemaFile> Schemas { get; }

    /// <summary>The module of <paramref name="source"/>, or null for Neuroscope and unknown ids.</summary>
    public ISectionSource? Module(SourceInfo source) => Sections.FirstOrDefault(s => s.Source.Id == source.Id);

    /// <summary>The sources' notes for the page of <paramref name="model"/>, in document order.</summary>
    public async Task<IReadOnlyList<ModelNote>> NotesAsync(ModelInfo model, CancellationToken ct)
    {
        var notes = new List<ModelNote>();
        foreach (var section in Sections)
        {
            if (await section.ModelNoteAsync(model, ct).ConfigureAwait(false) is { } note)
            {
                notes.Add(note);
            }
        }

        return notes;
    }

    /// <summary>What the explanation search of <paramref name="model"/> searches, or null when no searchable column's source covers it.</summary>
    public string? SearchTitle(string model) =>
        Columns.Where(c => c.Searchable && c.Source.Covers(model)).Select(c => c.Search).FirstOrDefault();

    private static int Order(SourceInfo source, int given)
    {
        for (var i = 0; i < SourceInfo.All.Count; i++)
        {
            if (SourceInfo.All[i].Id == source.Id)
            {
                return i;
            }
        }

        return SourceInfo.All.Count + given;
    }
}
