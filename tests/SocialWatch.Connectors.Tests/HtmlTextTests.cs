using SocialWatch.Connectors.Http;

namespace SocialWatch.Connectors.Tests;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<p>One</p><p>Two</p>", "One\n\nTwo")]
    [InlineData("<p>Line<br>break<br/>again</p>", "Line\nbreak\nagain")]
    [InlineData("a &lt;b&gt; &amp; &quot;c&quot; &#x1F600; &nbsp;d", "a <b> & \"c\" 😀 \u00A0d")]
    [InlineData("1 < 2 and 3 > 2", "1 < 2 and 3 > 2")]
    [InlineData("<script>alert('x')</script>Safe<style>p{}</style>", "Safe")]
    [InlineData("&lt;script&gt;shown as text&lt;/script&gt;", "<script>shown as text</script>")]
    [InlineData("<ul><li>one</li><li>two</li></ul>", "one\ntwo")]
    [InlineData("<a href=\"https://x\">link</a> text", "link text")]
    [InlineData("", "")]
    [InlineData("<p>unclosed", "unclosed")]
    public void Html_becomes_plain_text(string html, string expected) => Assert.Equal(expected, HtmlText.ToPlain(html));

    [Fact]
    public void Odd_unicode_passes_through() => Assert.Equal(OddText.Sample, HtmlText.ToPlain("<p>" + OddText.Sample + "</p>"));
}
