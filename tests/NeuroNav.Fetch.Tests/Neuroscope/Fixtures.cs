using NeuroNav.Core;

namespace NeuroNav.Fetch.Tests.Neuroscope;

/// <summary>The committed byte-exact pages under Fixtures/Neuroscope and helpers around them.</summary>
internal static class Fixtures
{
    /// <summary>SOURCE-FORMATS §1.7: gpt2-small layer 3 neuron 1337, 2 texts of 6 tokens.</summary>
    public static byte[] LiteralPage => Read("gpt2-small-3-1337.html");

    public static string LiteralPageText => System.Text.Encoding.UTF8.GetString(LiteralPage);

    public static NeuronId LiteralId => new("gpt2-small", 3, 1337);

    public static Provenance Provenance { get; } =
        new("https://neuroscope.io/gpt2-small/3/1337.html", new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), new string('a', 64), 3434);

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "Neuroscope", name));

    public static string ReadText(string name) => System.Text.Encoding.UTF8.GetString(Read(name));

    /// <summary>The literal page as the builder writes it: same inputs, same uuids.</summary>
    public static NeuroscopePageBuilder LiteralBuilder() => new()
    {
        Uuids = ["circuits-vis-0f6b1c7e-9a2d", "circuits-vis-3c5e8a10-41b7", "circuits-vis-7d2f4e91-c0a3", "circuits-vis-b81e6d2c-5f49"],
        Texts =
        [
            new PageText
            {
                Tokens = ["<|endoftext|>", "The", " cat", " sat", " on", " the"],
                Values = [-0.0123, 0.0456, 2.8752, -0.1699, 0.0005, 1.25],
            },
            new PageText
            {
                Tokens = ["<|endoftext|>", "He", " said", " \"", "hi", "\"\n"],
                Values = [0.0, -2e-05, 0.7071, 1.5, -0.16997, 1e-06],
                DataIndex = 88,
            },
        ],
    };

    /// <summary>A realistic page: <paramref name="texts"/> texts of <paramref name="tokens"/> tokens from a Zipf-like vocabulary.</summary>
    public static NeuroscopePageBuilder Synthetic(int texts, int tokens, int seed = 1)
    {
        var random = new Random(seed);
        var vocabulary = Enumerable.Range(0, 5000).Select(i => Word(random, i)).ToArray();
        var list = new List<PageText>();
        for (var t = 0; t < texts; t++)
        {
            var toks = new string[tokens];
            var vals = new double[tokens];
            toks[0] = "<|endoftext|>";
            for (var i = 1; i < tokens; i++)
            {
                toks[i] = vocabulary[(int)(vocabulary.Length * Math.Pow(random.NextDouble(), 3))];
                vals[i] = Math.Round((random.NextDouble() * random.NextDouble() * 3) - 0.17, 6);
            }

            list.Add(new PageText { Tokens = toks, Values = vals, DataIndex = random.NextInt64(0, 9_000_000) });
        }

        return new NeuroscopePageBuilder { Texts = list };
    }

    private static string Word(Random random, int i)
    {
        var letters = new char[1 + random.Next(8)];
        for (var k = 0; k < letters.Length; k++)
        {
            letters[k] = (char)('a' + random.Next(26));
        }

        var word = new string(letters);
        return (i % 5) switch
        {
            0 => " " + word,
            1 => " " + char.ToUpperInvariant(word[0]) + word[1..],
            2 => word + "\n",
            3 => "\u00e9" + word,
            _ => word,
        };
    }
}
