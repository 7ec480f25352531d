using System.Globalization;
using System.Text;
using System.Text.Json;
using NeuroNav.Core;

namespace NeuroNav.Build.Profiles;

/// <summary>One job of the rebuild: a model's layers <see cref="FirstLayer"/>..<see cref="LastLayer"/> and what it is predicted to cost.</summary>
/// <param name="PeakDiskBytes">One layer's output (the job builds, publishes and drops one layer at a time) plus the partition's corpus.</param>
/// <param name="Time">Setup, then fetching and building every neuron of the partition.</param>
/// <param name="PeakRssBytes">The build of one layer.</param>
public sealed record MatrixJob(string Model, int FirstLayer, int LastLayer, long Neurons, long PeakDiskBytes, TimeSpan Time, long PeakRssBytes)
{
    /// <summary>The layer range as <c>neuronav</c>'s <c>--layers</c> takes it: <c>0-11</c>.</summary>
    public string Layers => string.Create(CultureInfo.InvariantCulture, $"{FirstLayer}-{LastLayer}");
}

/// <summary>
/// The rebuild's matrix, computed from the catalog and the measured cost of a neuron: each model is split into the fewest
/// ranges of consecutive layers (sizes differing by at most one layer) such that every job fits <see cref="Budget"/>.
/// <see cref="Violations"/> says what cannot fit (a model of which even one layer breaks the budget, or more jobs than a
/// matrix holds); such a matrix must not be run.
/// </summary>
public sealed record SizePlanMatrix(IReadOnlyList<MatrixJob> Jobs, SizePlanBudget Budget, SizePlanCosts Costs, IReadOnlyList<string> Violations)
{
    /// <summary>Splits <paramref name="models"/> (in their order) into jobs that fit <paramref name="budget"/> at <paramref name="costs"/>.</summary>
    public static SizePlanMatrix Compute(IEnumerable<ModelInfo> models, SizePlanCosts costs, SizePlanBudget budget)
    {
        costs.Validate();
        var jobs = new List<MatrixJob>();
        var violations = new List<string>();
        foreach (var model in models)
        {
            var perJob = LayersPerJob(model, costs, budget);
            if (perJob == 0)
            {
                var one = Job(model, 0, 0, costs);
                violations.Add(Inv($"{model.Id} layer 0 ({model.NeuronsPerLayer:N0} neurons) does not fit one job: ") + string.Join("; ", Breaks(one, budget, costs)));
                continue;
            }

            var count = (model.Layers + perJob - 1) / perJob;
            var first = 0;
            for (var j = 0; j < count; j++)
            {
                var size = (model.Layers / count) + (j < model.Layers % count ? 1 : 0);
                jobs.Add(Job(model, first, first + size - 1, costs));
                first += size;
            }
        }

        if (jobs.Count > budget.MaxJobs)
        {
            var most = jobs.GroupBy(j => j.Model).OrderByDescending(g => g.Count()).First();
            violations.Add(Inv($"the matrix needs {jobs.Count} jobs, over the limit of {budget.MaxJobs} (most: {most.Key}, {most.Count()} jobs); raise the request rate or fetch with fewer jobs at once"));
        }

        return new SizePlanMatrix(jobs, budget, costs, violations);
    }

    public long Neurons => Jobs.Sum(j => j.Neurons);

    /// <summary>The sum of every job's time: what the rebuild costs in runner hours.</summary>
    public TimeSpan JobTime => TimeSpan.FromTicks(Jobs.Sum(j => j.Time.Ticks));

    /// <summary>
    /// The matrix as GitHub's <c>strategy.matrix</c> reads it through <c>fromJSON</c>, on one line:
    /// <c>{"include":[{"model":"gpt2-xl","layers":"0-0"},...]}</c>.
    /// </summary>
    public string ToGitHubJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartArray("include");
            foreach (var job in Jobs)
            {
                json.WriteStartObject();
                json.WriteString("model", job.Model);
                json.WriteString("layers", job.Layers);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The models of the matrix, each once in the order of their jobs, as a JSON array: <c>["solu-1l","gpt2-xl"]</c> (the per-model jobs' matrix).</summary>
    public string ModelsJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var model in Jobs.Select(j => j.Model).Distinct(StringComparer.Ordinal))
            {
                json.WriteStringValue(model);
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The most consecutive layers of <paramref name="model"/> one job can take; 0 when one layer breaks the budget.</summary>
    private static int LayersPerJob(ModelInfo model, SizePlanCosts costs, SizePlanBudget budget)
    {
        for (var layers = model.Layers; layers >= 1; layers--)
        {
            if (Breaks(Job(model, 0, layers - 1, costs), budget, costs).Count == 0)
            {
                return layers;
            }
        }

        return 0;
    }

    private static MatrixJob Job(ModelInfo model, int first, int last, SizePlanCosts costs)
    {
        long layerNeurons = model.NeuronsPerLayer;
        var neurons = layerNeurons * (last - first + 1);
        var seconds = neurons * (costs.FetchSecondsPerNeuron + costs.BuildSecondsPerNeuron);
        return new MatrixJob(
            model.Id,
            first,
            last,
            neurons,
            (layerNeurons * costs.OutputBytesPerNeuron) + (neurons * costs.CorpusBytesPerNeuron),
            costs.SetupTime + TimeSpan.FromSeconds(seconds),
            layerNeurons * costs.RssBytesPerLayerNeuron);
    }

    /// <summary>Each limit of <paramref name="budget"/> that <paramref name="job"/> breaks, with both figures.</summary>
    private static List<string> Breaks(MatrixJob job, SizePlanBudget budget, SizePlanCosts costs)
    {
        var breaks = new List<string>();
        if (job.Time > budget.MaxTime)
        {
            breaks.Add(Inv($"it takes {job.Time.TotalHours:0.0} h, over the budget of {budget.MaxTime.TotalHours:0.#} h (fetching at {costs.RequestsPerSecond:0.###} requests/s per job: {costs.FetchSecondsPerNeuron:0.###} s per neuron); raise --rps or fetch with fewer jobs at once"));
        }

        if (job.PeakDiskBytes > budget.MaxDiskBytes)
        {
            breaks.Add(Inv($"its peak disk is {Gb(job.PeakDiskBytes)}, over the budget of {Gb(budget.MaxDiskBytes)}"));
        }

        if (job.PeakRssBytes > budget.MaxRssBytes)
        {
            breaks.Add(Inv($"its peak RSS is {Gb(job.PeakRssBytes)}, over the budget of {Gb(budget.MaxRssBytes)}"));
        }

        return breaks;
    }

    /// <summary>Decimal gigabytes, as the budget states them.</summary>
    public static string Gb(long bytes) => Inv($"{bytes / 1e9:0.##} GB");

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
