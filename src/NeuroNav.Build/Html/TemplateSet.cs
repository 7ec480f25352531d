using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace NeuroNav.Build.Html;

/// <summary>A template file or Markdown page that cannot be read or parsed; the message names the file.</summary>
public sealed class TemplateLoadException : Exception
{
    public TemplateLoadException(string message) : base(message) { }

    public TemplateLoadException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>A page that failed to render; the message names the template and the page.</summary>
public sealed class PageRenderException : Exception
{
    public PageRenderException(string message) : base(message) { }

    public PageRenderException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>
/// The site's Scriban templates, each parsed once at start-up: the generic pages' (<see cref="Names"/>, required) and
/// every other <c>*.sbn</c> of the folder (a source's part of the neuron page is <c>&lt;source id&gt;.sbn</c>, its pages
/// any name it gives). Parsed templates are immutable and shared; each thread renders with its own
/// <see cref="TemplateContext"/>, so rendering is thread-safe.
/// </summary>
internal sealed class TemplateSet
{
    public static readonly IReadOnlyList<string> Names = ["layout", "index", "model", "layer", "neuron", "page", "notfound"];

    /// <summary>
    /// Scriban's builtin functions (html.escape, ...), built once: a default context would rebuild them
    /// by reflection on every render. Templates only read them; their own variables go to each render's globals.
    /// </summary>
    private static readonly ScriptObject Builtins = TemplateContext.GetDefaultBuiltinObject();

    /// <summary>
    /// One context per thread, reused: it caches Scriban's reflection over the view types. Each render
    /// pushes its own globals and pops them after, so nothing leaks from one page to the next.
    /// </summary>
    [ThreadStatic]
    private static TemplateContext? t_context;

    private readonly Dictionary<string, (Template Template, string Path)> _templates;

    private TemplateSet(Dictionary<string, (Template, string)> templates) => _templates = templates;

    public static TemplateSet Load(string directory)
    {
        var templates = new Dictionary<string, (Template, string)>(StringComparer.Ordinal);
        IEnumerable<string> others = Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*.sbn").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal)
            : [];
        foreach (var name in Names.Concat(others.Except(Names, StringComparer.Ordinal)))
        {
            var path = Path.GetFullPath(Path.Combine(directory, name + ".sbn"));
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new TemplateLoadException($"{path}: cannot read template: {e.Message}", e);
            }

            var template = Template.Parse(text, path);
            if (template.HasErrors)
            {
                throw new TemplateLoadException($"{path}: template does not parse: {string.Join("; ", template.Messages)}");
            }

            templates.Add(name, (template, path));
        }

        return new TemplateSet(templates);
    }

    public bool Has(string name) => _templates.ContainsKey(name);

    /// <summary>Renders template <paramref name="name"/> with <paramref name="view"/> as <c>page</c>; <paramref name="what"/> names the page in errors.</summary>
    public string Render(string name, object view, string what)
    {
        if (!_templates.TryGetValue(name, out var found))
        {
            throw new PageRenderException($"cannot render {what}: there is no template '{name}.sbn' in the templates folder");
        }

        var (template, path) = found;
        var context = t_context ??= NewContext();
        var globals = new ScriptObject();
        globals.SetValue("page", view, readOnly: true);
        context.PushGlobal(globals);
        var rendered = false;
        try
        {
            var html = template.Render(context);
            rendered = true;
            return html;
        }
        catch (ScriptRuntimeException e)
        {
            throw new PageRenderException($"{path}: cannot render {what}: {e.Message}", e);
        }
        finally
        {
            if (rendered)
            {
                context.PopGlobal();
            }
            else
            {
                // A failed render may leave state behind: this thread starts afresh.
                t_context = null;
            }
        }
    }

    private static TemplateContext NewContext() => new(Builtins)
    {
        // Scriban's defaults would stop a 6,400-row layer page at 1,000 iterations
        // and cut output past 1 MiB with "..."; pages have no such bound.
        LoopLimit = 0,
        LimitToString = 0,
        OutputLimit = 0,
        StrictVariables = true,
        AutoIndent = false,
    };
}
