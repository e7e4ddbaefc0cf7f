using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Validation;

namespace CrisisComms.Domain.Tests;

public class ValidationTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-11-23T12:00:00Z");

    private static NoticeInput Input(string? link = "https://www.linkoping.se/kris", Dictionary<string, ContentInput?>? content = null) => new(
        Severity.Warning, Audience.Everyone, null, "Linköpings kommun", link, null, [],
        content ?? new Dictionary<string, ContentInput?> { ["sv"] = new("Rubrik", "Ingress", null, null) });

    [Theory]
    [InlineData("sv")]
    [InlineData("sv-x-easy")]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("so")]
    [InlineData("fi")]
    [InlineData("sr-Latn-RS")]
    public void KnownLanguageTagsAreAccepted(string tag) => Assert.True(NoticeValidator.IsKnownLanguageTag(tag));

    [Theory]
    [InlineData("xx")]
    [InlineData("klingon")]
    [InlineData("sv_SE")]
    [InlineData("")]
    [InlineData("<b>")]
    public void UnknownLanguageTagsAreRefused(string tag) => Assert.False(NoticeValidator.IsKnownLanguageTag(tag));

    [Fact]
    public void AValidNoticeDefaultsToActualMode()
    {
        var draft = NoticeValidator.Validate(Input(), Now, out var errors);
        Assert.Empty(errors);
        Assert.Equal(NoticeMode.Actual, draft.Mode);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://www.linkoping.se")]
    [InlineData("https://user:pw@www.linkoping.se")]
    [InlineData("/relative")]
    public void OnlyAbsoluteHttpsLinksAreAccepted(string link)
    {
        NoticeValidator.Validate(Input(link), Now, out var errors);
        Assert.Contains("link", errors.Keys);
    }

    [Fact]
    public void EveryLanguageNeedsAHeadlineAndALead()
    {
        NoticeValidator.Validate(Input(content: new() { ["sv"] = new("R", "I", null, null), ["en"] = new(null, " ", null, null) }), Now, out var errors);
        Assert.Contains("content.en.headline", errors.Keys);
        Assert.Contains("content.en.lead", errors.Keys);
    }

    [Fact]
    public void AHeadlineIsOneLine()
    {
        NoticeValidator.Validate(Input(content: new() { ["sv"] = new("Två\nrader", "I", null, null) }), Now, out var errors);
        Assert.Contains("content.sv.headline", errors.Keys);
    }

    [Theory]
    [InlineData("https://www.linkoping.se/kris", false)]
    [InlineData("https://linkoping.se", false)]
    [InlineData("https://intranat.linkoping.se/x", false)]
    [InlineData("https://www.krisinformation.se", true)]
    [InlineData("https://linkoping.se.evil.example", true)]
    [InlineData("https://notlinkoping.se", true)]
    public void LinksOutsideTheSiteDomainAreExternal(string link, bool external) =>
        Assert.Equal(external, LinkClassifier.IsExternal(link, "linkoping.se"));
}
