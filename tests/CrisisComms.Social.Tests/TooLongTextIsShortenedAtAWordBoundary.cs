using CrisisComms.Domain.Dispatch;
using CrisisComms.Social.Text;

namespace CrisisComms.Social.Tests;

/// <summary>Counted in plain characters here, so each expected text can be checked by eye.</summary>
public sealed class TooLongTextIsShortenedAtAWordBoundary
{
    private const string Link = "https://l.se/k";
    private static readonly SocialMessage Message = new(null, "Koka vattnet", "Ett läckage har förorenat dricksvattnet.", Link);

    private static string Fit(SocialMessage message, int limit) => PostText.Fit(message, PlainTextMeasure.Instance, limit).Text;

    [Fact]
    public void APostThatFitsIsHeadlineLeadAndLinkAsParagraphs() =>
        Assert.Equal("Koka vattnet\n\nEtt läckage har förorenat dricksvattnet.\n\nhttps://l.se/k", Fit(Message, 500));

    [Fact]
    public void ThePrefixOpensTheHeadline() =>
        Assert.Equal("FARAN ÖVER: Koka vattnet\n\nEtt läckage har förorenat dricksvattnet.\n\nhttps://l.se/k",
            Fit(Message with { Prefix = "FARAN ÖVER:" }, 500));

    [Fact]
    public void TheLeadIsCutAfterTheLastWordThatFitsAndEndsInAnEllipsis() =>
        // "Koka vattnet\n\nEtt läckage har…" is 30, the gap and link 16: 46; one more word would make 56.
        Assert.Equal("Koka vattnet\n\nEtt läckage har…\n\nhttps://l.se/k", Fit(Message, 50));

    [Fact]
    public void PunctuationBeforeTheCutGivesWayToTheEllipsis() =>
        Assert.Equal("Koka vattnet\n\nEtt läckage…\n\nhttps://l.se/k",
            Fit(Message with { Lead = "Ett läckage, som har förorenat dricksvattnet." }, 46));

    [Fact]
    public void AFirstWordLongerThanTheLimitIsCutInsideIt() =>
        Assert.Equal("Dricksvattenförsörj…\n\nhttps://l.se/k",
            Fit(new SocialMessage(null, "Dricksvattenförsörjningsstörning", "", Link), 36));

    [Fact]
    public void TheLinkIsNeverCutEvenWhenNothingElseFits() =>
        Assert.Equal(Link, Fit(Message, 10));

    [Fact]
    public void DecomposedLettersAreSentAndCountedComposed()
    {
        var fitted = PostText.Fit(Message with { Headline = "Ska\u030Aggetorp" }, PlainTextMeasure.Instance, 500);

        Assert.StartsWith("Skåggetorp\n\n", fitted.Text);
        Assert.Equal(fitted.Text.Length, fitted.Length);
    }
}
