using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.UnitTests.Common;

public class WebUrlTests
{
    [Theory]
    [InlineData("https://carfu.com")]
    [InlineData("https://carfu.com/")]
    [InlineData("https://carfu.com:8443/cb?x=1&y=%2F")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA")]
    [InlineData("HTTPS://carfu.com/cb")]
    public void RequireHttps_AbsoluteHttpsUrl_IsReturnedUnchanged(string url) =>
        Assert.Equal(url, WebUrl.RequireHttps(url, "url"));

    [Fact]
    public void RequireHttps_SurroundingWhitespace_IsTrimmed() =>
        Assert.Equal("https://carfu.com/cb", WebUrl.RequireHttps("  https://carfu.com/cb\n", "url"));

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("", "is required")]
    [InlineData("   ", "is required")]
    [InlineData("http://carfu.com", "must use https")]
    [InlineData("javascript:alert(1)", "must use https")]
    [InlineData("file:///etc/passwd", "must use https")]
    [InlineData("carfu.com/cb", "must be an absolute URL")]
    [InlineData("https://carfu.com/a b", "must not contain spaces")]
    [InlineData("https://carfu.com/a\tb", "must not contain spaces")]
    [InlineData("https://carfu.com/\u00e9", "non-ASCII")]
    [InlineData("https://carfu.com/\u007f", "non-ASCII")]
    [InlineData("https://carfu.com/%", "malformed percent-escape")]
    [InlineData("https://carfu.com/%4", "malformed percent-escape")]
    [InlineData("https://carfu.com/%zz", "malformed percent-escape")]
    [InlineData("https://pitangui.amazon.com/spa/skill/account-linking-status.html%3FvendorId%M2AAAAAAAAAAAA", "malformed percent-escape")]
    [InlineData("https://admin:secret@carfu.com/cb", "must not contain a user name or password")]
    [InlineData("https://carfu.com/cb#frag", "must not contain a fragment")]
    public void RequireHttps_UnacceptableUrl_IsRefusedWithReasonAndField(string? url, string reason)
    {
        var ex = Assert.Throws<DomainException>(() => WebUrl.RequireHttps(url, "supportUrl"));

        Assert.Equal("supportUrl", ex.Field);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireHttps_FragmentWhenAllowed_IsAccepted() =>
        Assert.Equal("https://carfu.com/help#faq", WebUrl.RequireHttps("https://carfu.com/help#faq", "url", allowFragment: true));

    [Fact]
    public void RequireHttps_LongerThanMaxLength_IsRefused()
    {
        var url = "https://carfu.com/" + new string('a', 2000);

        var ex = Assert.Throws<DomainException>(() => WebUrl.RequireHttps(url, "url"));

        Assert.Contains("at most 2000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequireHttps_ExactlyMaxLength_IsAccepted()
    {
        var url = "https://carfu.com/" + new string('a', 2000 - "https://carfu.com/".Length);

        Assert.Equal(url, WebUrl.RequireHttps(url, "url"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void OptionalHttps_Blank_IsNull(string? url) =>
        Assert.Null(WebUrl.OptionalHttps(url, "logoUrl"));

    [Fact]
    public void OptionalHttps_GivenUrl_AppliesTheSameRules()
    {
        Assert.Equal("https://carfu.com/logo.png", WebUrl.OptionalHttps(" https://carfu.com/logo.png ", "logoUrl"));
        Assert.Equal("logoUrl", Assert.Throws<DomainException>(() => WebUrl.OptionalHttps("http://carfu.com/logo.png", "logoUrl")).Field);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("no escapes", true)]
    [InlineData("%3F", true)]
    [InlineData("%3f%2F%00", true)]
    [InlineData("a%25b", true)]
    [InlineData("%", false)]
    [InlineData("%3", false)]
    [InlineData("abc%", false)]
    [InlineData("%G0", false)]
    [InlineData("%M2AAAA", false)]
    [InlineData("%3F%", false)]
    [InlineData("%%33", false)]
    public void HasWellFormedEscapes_FollowsRfc3986PercentEncoding(string value, bool expected) =>
        Assert.Equal(expected, WebUrl.HasWellFormedEscapes(value));
}
