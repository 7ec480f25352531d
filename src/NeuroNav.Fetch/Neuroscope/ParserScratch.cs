namespace NeuroNav.Fetch.Neuroscope;

/// <summary>Per-thread buffers reused across pages: the token interner, decoder and list buffers.</summary>
internal sealed class ParserScratch
{
    [ThreadStatic]
    private static ParserScratch? t_current;

    public static ParserScratch Current => t_current ??= new ParserScratch();

    public TokenInterner Interner { get; } = new();

    public JsonStringDecoder Decoder { get; } = new();

    public List<string> Tokens { get; } = new(1024);

    public List<float> Values { get; } = new(1024);
}
