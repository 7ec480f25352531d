namespace NeuroNav.Build.Tests.Hostile;

/// <summary>Strings a source may send that must reach a reader as inert text: XSS payloads and encoding traps.</summary>
internal static class HostileStrings
{
    /// <summary>Markup and script payloads, each printable: the page must show them as they are.</summary>
    public static readonly string[] Markup =
    [
        "</script><script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "\"><svg onload=alert(3)>",
        "'><iframe src=javascript:alert(4)></iframe>",
        "<a href=\"javascript:alert(5)\">x</a>",
        "javascript:alert(6)",
        "<!--",
        "-->",
        "<![CDATA[",
        "<style>body{display:none}</style>",
        "<base href=\"//evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(7)\">",
        "<body onload=alert(8)>",
        "<details open ontoggle=alert(9)>",
        "&lt;script&gt;alert(10)&lt;/script&gt;",
        "&#x3C;script&#x3E;",
        "{{ 7 * 7 }}",
        "{\"tokens\": [\"</script>\"]}",
        "<object data=\"data:text/html,<script>alert(11)</script>\">",
        "<link rel=stylesheet href=//evil.example/x.css>",
        "<form action=//evil.example/><button>go</button></form>",
        "\\u003cscript\\u003e",
    ];

    /// <summary>Characters that break JSON-in-HTML, HTML comments or encoders.</summary>
    public static readonly string[] Encoding =
    [
        "line\u2028separator",
        "para\u2029separator",
        "lone \ud800 high",
        "lone \udfff low",
        "nul\0byte",
        "bell\u0007 esc\u001b[31m",
        "\u0002FAKE:0\u0003",
        "\ufeffbom",
        "rtl \u202egnp.exe",
    ];

    public static IEnumerable<string> All => Markup.Concat(Encoding);

    /// <summary>What a reader sees of <paramref name="token"/>: controls as control pictures, lone surrogates as U+FFFD.</summary>
    public static string Visible(string token)
    {
        var chars = new System.Text.StringBuilder();
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            if (char.IsHighSurrogate(c) && i + 1 < token.Length && char.IsLowSurrogate(token[i + 1]))
            {
                chars.Append(c).Append(token[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                chars.Append('\ufffd');
            }
            else
            {
                chars.Append(c switch
                {
                    '\n' => "↵\n",
                    '\t' => "⇥",
                    < ' ' => ((char)(0x2400 + c)).ToString(),
                    '\u007f' => "␡",
                    _ => c.ToString(),
                });
            }
        }

        return chars.ToString();
    }
}
