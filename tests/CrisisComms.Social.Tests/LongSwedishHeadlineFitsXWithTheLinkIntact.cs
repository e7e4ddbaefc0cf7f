using System.Globalization;
using CrisisComms.Social.Tests.Support;
using CrisisComms.Social.Text;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.Social.Tests;

public sealed class LongSwedishHeadlineFitsXWithTheLinkIntact
{
    private static readonly string Headline = TwoHundredEightyCharacters(
        "Kokningsrådet gäller i Ryd, Skäggetorp och Lambohov 💧 Vattnet är otjänligt att dricka tills vidare och måste kokas i fem minuter före användning. ");

    [Fact]
    public void TheHeadlineReallyIsTwoHundredEightyCharactersWithÅÄÖAndAnEmoji()
    {
        Assert.Equal(280, new StringInfo(Headline).LengthInTextElements);
        Assert.Contains("å", Headline);
        Assert.Contains("ä", Headline);
        Assert.Contains("ö", Headline);
        Assert.Contains("💧", Headline);
    }

    [Fact]
    public void ThePostFits280AndEndsWithTheWholeLink()
    {
        var fitted = PostText.Fit(Sample.Message with { Headline = Headline }, XTextMeasure.Instance, 280);

        Assert.True(fitted.Length <= 280, $"{fitted.Length} > 280");
        Assert.True(FakeX.WeightedLength(fitted.Text) <= 280, "an independent count disagrees");
        Assert.EndsWith("…\n\n" + Sample.Link, fitted.Text);
        // Shortened, not gutted: no more than the last word or two is lost.
        Assert.True(fitted.Length >= 260, $"only {fitted.Length} of 280 used");
    }

    [Fact]
    public void TheHeadlineIsCutAfterAWholeWord()
    {
        var fitted = PostText.Fit(Sample.Message with { Headline = Headline }, XTextMeasure.Instance, 280);

        var kept = fitted.Text[..fitted.Text.IndexOf('…')];
        Assert.StartsWith(kept, Headline);
        Assert.True(char.IsWhiteSpace(Headline[kept.Length]) || char.IsPunctuation(Headline[kept.Length]),
            $"cut inside a word: …{kept[^10..]}|{Headline[kept.Length..(kept.Length + 10)]}");
    }

    [Fact]
    public void TheLeadIsLeftOutWhenTheHeadlineAloneFillsThePost()
    {
        var fitted = PostText.Fit(Sample.Message with { Headline = Headline }, XTextMeasure.Instance, 280);

        Assert.DoesNotContain("läckage", fitted.Text);
    }

    private static string TwoHundredEightyCharacters(string sentence)
    {
        var text = string.Concat(Enumerable.Repeat(sentence, 3));
        return new StringInfo(text).SubstringByTextElements(0, 280);
    }
}
