using NeuroNav.Build.Html;

namespace NeuroNav.Build.Tests.Hostile;

public sealed class HttpLinksTests
{
    [Theory]
    [InlineData("https://neuroscope.io/gpt2-small/3/1337.html")]
    [InlineData("http://127.0.0.1:5081/gpt2-small/3/1337.html")]
    public void Absolute_http_and_https_urls_are_links(string url) => Assert.Equal(url, HttpLinks.OrNull(url));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData(" JavaScript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("//evil.example/x")]
    [InlineData("gpt2-small/3/1337.html")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_no_link(string? url) => Assert.Null(HttpLinks.OrNull(url));
}
