using NeuroNav.Build.Gpt4;
using NeuroNav.Build.Neuron2Graph;
using NeuroNav.Core;

namespace NeuroNav.Build.Sources;

// The one place in generic build code that still names sources: until every caller (tests included) passes the full
// module list, a build given fewer sources keeps the shape of the three-source site (every document key, coverage row and listing column), and a section source that does
// not declare its contributions gets those of the module with its id.
internal static class LegacyModules
{
    private static readonly IReadOnlyList<ISectionSource> Known = [Gpt4Module.Absent, Neuron2GraphModule.Absent];

    public static SourceContributions ContributionsOf(SourceInfo source) =>
        Known.FirstOrDefault(k => k.Source.Id == source.Id)?.Contributions ?? new SourceContributions("", source.AvailableLabel, source.AvailableLabel);

    public static IReadOnlyList<ISectionSource> Complete(IReadOnlyList<ISectionSource> given) =>
        [.. given, .. Known.Where(k => given.All(g => g.Source.Id != k.Source.Id))];
}
