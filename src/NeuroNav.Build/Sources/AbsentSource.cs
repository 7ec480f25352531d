using NeuroNav.Core;

namespace NeuroNav.Build.Sources;

/// <summary>A source module whose data the build does not read: its keys are null, its columns empty, its outputs say so.</summary>
internal sealed class AbsentSource(SourceInfo source, SourceContributions contributions, ISiteOutputs? outputs = null) : ISectionSource
{
    public SourceInfo Source => source;

    public SourceContributions Contributions => contributions;

    public ISiteOutputs? Outputs => outputs;

    public Task<ILayerSections> LoadLayerAsync(ModelInfo model, int layer, CancellationToken ct) => Task.FromResult<ILayerSections>(EmptyLayerSections.Instance);
}
