using System.Globalization;
using System.Text;

namespace NeuroNav.Fetch.Neuron2Graph;

/// <summary>How a DOT id was written: bare (<c>except</c>, <c>00</c>, <c>1.</c>), double-quoted, or HTML-like (<c>&lt;b&gt;</c>).</summary>
internal enum DotIdForm
{
    Bare,
    Quoted,
    Html,
}

/// <summary>A DOT token: an id (with its form and raw text between the delimiters) or one of <c>{ } [ ] = ; , -&gt;</c>.</summary>
internal readonly record struct DotToken(string Text, DotIdForm? Form, int Line)
{
    public bool IsId => Form is not null;

    public bool Is(string punctuation) => Form is null && Text == punctuation;
}

/// <summary>
/// A lenient tokenizer for the DOT python-graphviz writes. Bare ids are runs of letters, digits, '_', '.', '-' and
/// non-ASCII (so <c>00</c>, <c>1.</c> and <c>-5</c> are ids, which a strict DOT grammar refuses); quoted ids keep their
/// escapes for <see cref="LabelDecoder"/>; HTML-like ids keep their angle brackets.
/// </summary>
internal static class DotTokenizer
{
    public static List<DotToken> Tokenize(string text)
    {
        var tokens = new List<DotToken>();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && i + 1 < text.Length && text[i + 1] == '>')
            {
                tokens.Add(new DotToken("->", null, line));
                i += 2;
            }
            else if (c is '{' or '}' or '[' or ']' or '=' or ';' or ',')
            {
                tokens.Add(new DotToken(c.ToString(), null, line));
                i++;
            }
            else if (c == '"')
            {
                tokens.Add(new DotToken(Quoted(text, ref i, ref line), DotIdForm.Quoted, line));
            }
            else if (c == '<')
            {
                tokens.Add(new DotToken(Html(text, ref i, line), DotIdForm.Html, line));
            }
            else if (IsBare(c))
            {
                var start = i;
                while (i < text.Length && IsBare(text[i]) && !(text[i] == '-' && i + 1 < text.Length && text[i + 1] == '>'))
                {
                    i++;
                }

                tokens.Add(new DotToken(text[start..i], DotIdForm.Bare, line));
            }
            else
            {
                throw new GraphFormatException(string.Create(CultureInfo.InvariantCulture, $"line {line}: unexpected character U+{(int)c:X4}"));
            }
        }

        return tokens;
    }

    private static bool IsBare(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' || c > 127 && !char.IsWhiteSpace(c);

    /// <summary>The raw text between the quotes, escapes kept; a backslash-newline continuation is dropped as DOT says.</summary>
    private static string Quoted(string text, ref int i, ref int line)
    {
        var startLine = line;
        var sb = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                if (text[i + 1] == '\n')
                {
                    line++;
                    i += 2;
                    continue;
                }

                sb.Append(c).Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c == '"')
            {
                i++;
                return sb.ToString();
            }

            if (c == '\n')
            {
                line++;
            }

            sb.Append(c);
            i++;
        }

        throw new GraphFormatException(string.Create(CultureInfo.InvariantCulture, $"line {startLine}: unterminated quoted string"));
    }

    /// <summary>An HTML-like id, brackets included: from '&lt;' to a '&gt;' that closes it and ends the token.</summary>
    private static string Html(string text, ref int i, int line)
    {
        var start = i;
        var depth = 0;
        while (i < text.Length)
        {
            var c = text[i++];
            if (c == '<')
            {
                depth++;
            }
            else if (c == '>' && --depth == 0)
            {
                // python-graphviz leaves any "<...>" token bare, balanced or not ("<script>x</script>", "</b><i>");
                // the label ends at the first '>' that a space, ']', ',' or ';' follows.
                if (i >= text.Length || char.IsWhiteSpace(text[i]) || text[i] is ']' or ',' or ';')
                {
                    return text[start..i];
                }

                depth = 0;
            }
            else if (c == '\n')
            {
                break;
            }
        }

        throw new GraphFormatException(string.Create(CultureInfo.InvariantCulture, $"line {line}: unterminated HTML-like label"));
    }
}
