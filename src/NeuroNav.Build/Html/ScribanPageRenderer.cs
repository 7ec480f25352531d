using System.Buffers;
using NeuroNav.Build.Pages;

namespace NeuroNav.Build.Html;

/// <summary>
/// Renders NeuroNav's HTML pages from the Scriban templates of <c>templates/</c> and the Markdown pages and
/// assets of <c>content/</c>, all loaded once by <see cref="Load"/>. Scriban renders the page shells; token
/// heatmaps are written in C# (<see cref="HeatmapWriter"/>) and spliced in as bytes (<see cref="HtmlSlots"/>).
/// Thread-safe.
/// </summary>
public sealed class ScribanPageRenderer : IPageRenderer
{
    private readonly TemplateSet _templates;
    private readonly string _generator;
    private readonly IReadOnlyList<StaticFile> _staticFiles;

    private ScribanPageRenderer(
        TemplateSet templates,
        string generator,
        IReadOnlyList<(string Target, MarkdownPageView Page)> pages,
        IReadOnlyList<StaticFile> assets,
        string sitePath)
    {
        _templates = templates;
        _generator = generator;
        _staticFiles = [.. pages.Select(p => new StaticFile(p.Target, RenderMarkdown(p.Target, p.Page))), NotFound(sitePath), .. assets];
    }

    /// <summary>The site's 404 page: GitHub Pages serves it for every missing path, S3 website hosting as its error document.</summary>
    public const string NotFoundPage = "404.html";

    /// <summary>Parses every template and reads every content file now; throws <see cref="TemplateLoadException"/> naming the file.</summary>
    /// <param name="generatorVersion">Printed in every page's generator meta tag, e.g. <c>0.1.0</c>.</param>
    /// <param name="sitePath">The URL path the site is served under (<c>/</c>, or <c>/repo/</c> for a GitHub Pages project site):
    /// the 404 page is served at any depth, so its links start with it.</param>
    public static ScribanPageRenderer Load(string templatesDirectory, string contentDirectory, string generatorVersion, string sitePath = "/")
    {
        if (!SiteUrlPath.IsValid(sitePath))
        {
            throw new TemplateLoadException($"site path '{sitePath}' must start and end with '/' and hold only letters, digits, '-', '_', '.' and '/'");
        }

        var templates = TemplateSet.Load(templatesDirectory);
        var pages = StaticContent.MarkdownPages
            .Select(p => (p.Target, Page: StaticContent.ReadMarkdown(Path.GetFullPath(Path.Combine(contentDirectory, p.Source)))))
            .ToList();
        var assets = StaticContent.ReadAssets(contentDirectory);
        return new ScribanPageRenderer(templates, "NeuroNav " + generatorVersion, pages, assets, sitePath);
    }

    public byte[] RenderNeuron(NeuronPageModel model)
    {
        var scratch = RenderScratch.Begin();
        var id = model.Id;
        var what = $"neuron {id}";
        var sections = model.Sections.Select(s => new SectionView(
            s.Source.Id,
            _templates.Render(s.Source.Id, s.Data.PageView, $"{s.Source.Id} section of {what}"),
            s.Label,
            s.Data.Summary,
            Api.JsonOutput.Finite(s.Data.Score) is { } score ? Numbers.Score(score) : null)).ToList();
        var view = NeuronViews.Create(model, scratch, sections);
        var body = _templates.Render("neuron", view, what);
        var crumbs = new CrumbView[]
        {
            new("NeuroNav", "../../index.html"),
            new(id.Model, "../index.html"),
            new($"Layer {id.Layer}", "index.html"),
            new($"Neuron {id.Neuron}", null),
        };
        var script = model.Neuroscope is null ? null : "assets/neuron.js";
        var shell = new ShellView($"{id.Model} · layer {id.Layer} · neuron {id.Neuron}", "../../", crumbs, script, _generator);
        return Page(shell, body, what, scratch);
    }

    public byte[] RenderLayer(LayerPageModel model)
    {
        var id = model.Model.Id;
        var what = $"layer page {id}/{model.Layer}";
        var crumbs = new CrumbView[] { new("NeuroNav", "../../index.html"), new(id, "../index.html"), new($"Layer {model.Layer}", null) };
        var body = _templates.Render("layer", ListingViews.Layer(model), what);
        return Page(new ShellView($"{id} · layer {model.Layer}", "../../", crumbs, null, _generator), body, what);
    }

    public byte[] RenderModel(ModelPageModel model)
    {
        var id = model.Model.Id;
        var what = $"model page {id}";
        var crumbs = new CrumbView[] { new("NeuroNav", "../index.html"), new(id, null) };
        var body = _templates.Render("model", ListingViews.Model(model), what);
        return Page(new ShellView(id, "../", crumbs, null, _generator), body, what);
    }

    public byte[] RenderIndex(IndexPageModel model)
    {
        const string what = "index page";
        var body = _templates.Render("index", ListingViews.Index(model), what);
        return Page(new ShellView("Neurons of language models", "", [], null, _generator), body, what);
    }

    public byte[] RenderSitePage(SitePageModel page)
    {
        var what = $"page '{page.Title}'";
        var body = _templates.Render(page.Template, page.View, what);
        return Page(new ShellView(page.Title, "", [new("NeuroNav", "index.html"), new(page.Title, null)], page.Script, _generator), body, what);
    }

    public bool HasTemplate(string name) => _templates.Has(name);

    /// <summary>The same list on every call; callers must not change the bytes.</summary>
    public IReadOnlyList<StaticFile> StaticFiles() => _staticFiles;

    private StaticFile NotFound(string sitePath)
    {
        const string what = "404 page";
        var body = _templates.Render("notfound", new NotFoundView(sitePath), what);
        var shell = new ShellView("Not found", sitePath, [new("NeuroNav", sitePath + "index.html"), new("Not found", null)], "assets/notfound.js", _generator);
        return new StaticFile(NotFoundPage, Page(shell, body, what));
    }

    private byte[] RenderMarkdown(string target, MarkdownPageView page)
    {
        var what = $"page {target}";
        var body = _templates.Render("page", page, what);
        return Page(new ShellView(page.Title, "", [new("NeuroNav", "index.html"), new(page.Title, null)], null, _generator), body, what);
    }

    /// <summary>The layout around <paramref name="body"/>, with the body's heatmap slots filled from <paramref name="scratch"/>.</summary>
    private byte[] Page(ShellView shell, string body, string what, RenderScratch? scratch = null)
    {
        scratch ??= RenderScratch.Begin();
        var layout = _templates.Render("layout", shell, what);
        var output = scratch.Page;
        HtmlSlots.Write(output, layout, (slot, o) =>
        {
            if (slot != ShellView.ContentSlot)
            {
                throw new PageRenderException($"{what}: the layout printed slot {slot}; it may only print page.content");
            }

            HtmlSlots.Write(o, body, (heatmap, h) => Write(h, scratch.Heatmap(heatmap)));
        });
        return output.WrittenSpan.ToArray();
    }

    private static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}
