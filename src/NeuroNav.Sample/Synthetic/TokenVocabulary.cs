namespace NeuroNav.Sample.Synthetic;

/// <summary>
/// GPT-2-like str-tokens for synthetic texts: leading spaces, punctuation, digits, newlines, a little non-ASCII
/// (accents, CJK, an astral emoji, the replacement character of split UTF-8 bytes). Drawn Zipf-like: early entries are common.
/// </summary>
public static class TokenVocabulary
{
    public const string Bos = "<|endoftext|>";

    public static IReadOnlyList<string> Prose { get; } =
    [
        " the", ",", ".", " of", " and", " to", " a", " in", "\n", " is", " that", " for", " it", " was", " on", " with",
        " as", " he", " be", " at", " by", " I", " this", " had", " not", " are", " but", " from", " or", " have", " an",
        " they", " which", " you", " one", " were", " her", " all", " she", " there", " would", " their", " we", " him",
        "'s", " been", " has", " when", " who", " will", " more", " no", " if", " out", " so", " said", " what", " up",
        " its", " about", " into", " than", " them", " can", " only", " other", " new", " some", " could", " time",
        "\n\n", " these", " two", " may", " then", " do", " first", " any", " my", " now", " such", " like", " our",
        " over", " man", " me", " even", " most", " made", " after", " also", " did", " many", " before", " must",
        " through", " back", " years", " where", " much", " your", " way", " well", " down", " should", " because",
        " each", " just", " those", " people", " how", " too", " little", " state", " good", " very", " make", " world",
        " still", " own", " see", " men", " work", " long", " get", " here", " between", " both", " life", " being",
        " under", " never", " day", " same", " another", " know", " while", " last", " might", " us", " great", " old",
        " year", " off", " come", " since", " against", " go", " came", " right", " used", " take", " three", "The",
        "In", "It", "He", "A", "This", " (", ")", " \"", "\"", ":", ";", "-", " -", "?", "!", "'", " '", "s", "ing",
        "ed", "ly", "er", " 1", " 2", " 10", " 2016", " 2017", "0", "1", "5", ",000", "%", " $", ".\"", ",\"", "\u2019s",
        " \u201c", "\u201d", " \u2014", "\u2014", " caf\u00e9", "\u00e9", " na\u00efve", " M\u00fcller", " \u00a3", "\u00b0",
        " \u65e5\u672c", "\u8a9e", " \u0410", "\ufffd", "\ufffd\ufffd", " \U0001F600", "\U0001F44D", " Trump", " Obama",
        " government", " percent", " company", " police", " market", " according", " however", " research", " data",
        " brain", " neuron", " model", " language", " network", " learning", " Washington", " London", " game", " team",
        "  ", "   ", "\t", " http", "://", "www", ".com", "/", " @", "#", " &", " <", ">",
    ];

    public static IReadOnlyList<string> Code { get; } =
    [
        "\n", "    ", "(", ")", ":", ".", " =", "_", ",", " self", "\n        ", "def", " return", " if", "[", "]", "'",
        "\"", " in", " for", "import", " import", " from", " None", " not", "1", "0", "2", " +", " ==", "        ",
        " #", " True", " False", "self", "name", "data", "path", " else", "elif", " try", "except", " raise", "class",
        " __", "init", "__", "args", "kwargs", "np", " np", "torch", " os", "json", "\n\n", "\n\n\n", " x", " i",
        " len", "range", " range", " print", "str", "int", " dict", " list", " with", " open", " as", " f", "\t",
        "{", "}", " {", "\\n", "\\", " lambda", " yield", " await", " async", "{}", "()", "):", "):\n", "\"\"\"",
    ];

    /// <summary>A Zipf-like draw: index ⌊n·u³⌋ favours the head of the list.</summary>
    public static string Draw(IReadOnlyList<string> vocabulary, ref SplitMix64 random)
    {
        var u = random.NextDouble();
        return vocabulary[(int)(vocabulary.Count * u * u * u)];
    }
}
