using System.Text.Json;
using Json.Schema;
using NeuroNav.Build.Api;
using NeuroNav.Build.Sources;

namespace NeuroNav.Build.Verify;

/// <summary>Every JSON document of the API (schemas aside) against the site's schema its <c>"schema"</c> key names.</summary>
internal static class DocumentChecks
{
    /// <param name="published">The schemas a build with the site's sources publishes (<see cref="SiteSchemas"/>).</param>
    public static async Task<long> RunAsync(SiteFiles files, IReadOnlyList<SchemaFile> published, List<VerifyProblem> problems, CancellationToken ct)
    {
        var schemas = published.ToDictionary(
            s => s.Name,
            s => JsonSchema.FromText(System.Text.Encoding.UTF8.GetString(s.Bytes), new Json.Schema.BuildOptions { SchemaRegistry = new SchemaRegistry() }),
            StringComparer.Ordinal);
        var quick = new EvaluationOptions { OutputFormat = OutputFormat.Flag };
        var detailed = new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical };
        var checkedCount = 0L;
        foreach (var path in files.Present.Where(IsDocument).Order(StringComparer.Ordinal))
        {
            ct.ThrowIfCancellationRequested();
            checkedCount++;
            byte[] bytes;
            try
            {
                bytes = await files.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
            }
            catch (InvalidDataException e)
            {
                problems.Add(new VerifyProblem(path, $"not valid gzip: {e.Message}"));
                continue;
            }

            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(bytes);
            }
            catch (JsonException e)
            {
                problems.Add(new VerifyProblem(path, $"not valid JSON: {e.Message}"));
                continue;
            }

            using (doc)
            {
                var name = doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("schema", out var s) ? s.GetString() : null;
                if (name is null || !schemas.TryGetValue(name, out var schema))
                {
                    problems.Add(new VerifyProblem(path, $"names no known schema ('{name}')"));
                    continue;
                }

                if (!schema.Evaluate(doc.RootElement, quick).IsValid)
                {
                    var result = schema.Evaluate(doc.RootElement, detailed);
                    var first = DeepestError(result) ?? "invalid";
                    problems.Add(new VerifyProblem(path, $"does not match schema '{name}': {first}"));
                }
            }
        }

        return checkedCount;
    }

    /// <summary>
    /// The error at the deepest place in the document (<c>/neuroscope/texts/0/values: …</c>, not the <c>/neuroscope</c>
    /// whose alternatives all failed because of it); the first of those when several are as deep. Only failed
    /// evaluations count: an alternative that failed where another passed (a link that is a string, not null) is no error.
    /// </summary>
    /// <param name="result">Hierarchical output.</param>
    internal static string? DeepestError(EvaluationResults result) =>
        Failures(result)
            .SelectMany(d => d.Errors!.Select(e => (Depth: d.InstanceLocation.ToString().Count(c => c == '/'), Text: $"{d.InstanceLocation}: {e.Value}")))
            .OrderByDescending(e => e.Depth)
            .Select(e => e.Text)
            .FirstOrDefault();

    private static IEnumerable<EvaluationResults> Failures(EvaluationResults result)
    {
        if (result.IsValid)
        {
            return [];
        }

        var children = (result.Details ?? []).SelectMany(Failures);
        return result.Errors is null ? children : children.Prepend(result);
    }

    private static bool IsDocument(string path) =>
        path.StartsWith("api/", StringComparison.Ordinal) && path.EndsWith(".json", StringComparison.Ordinal) && !path.StartsWith("api/schema/", StringComparison.Ordinal);
}
