using CrisisComms.Social.Text;

namespace CrisisComms.Social.Tests;

/// <summary>twitter-text configuration v3, as X counts a post against its 280.</summary>
public sealed class XWeightedLengthFollowsTwitterText
{
    private static int Measure(string text) => XTextMeasure.Instance.Measure(text);

    [Theory]
    [InlineData("Hej", 3)]
    [InlineData("å ä ö Å Ä Ö", 11)]
    [InlineData("日本語", 6)]
    [InlineData("한국어", 6)]
    [InlineData("Ryd 日本", 8)]
    public void LettersCountOneAndCjkTwo(string text, int expected) => Assert.Equal(expected, Measure(text));

    [Theory]
    [InlineData("\u10FF", 1)] // the last code point of the light range 0–4351
    [InlineData("\u1100", 2)] // the first after it
    [InlineData("\u2000", 1)] // spaces 8192–8205
    [InlineData("\u200D", 1)]
    [InlineData("\u200E", 2)]
    [InlineData("\u2010", 1)] // hyphens and quotes 8208–8223
    [InlineData("\u2019", 1)]
    [InlineData("\u2026", 2)] // the ellipsis is not among them
    [InlineData("\u2032", 1)] // primes 8242–8247
    [InlineData("\u2037", 1)]
    [InlineData("\u2038", 2)]
    public void RangeBoundariesAreWhereConfigV3PutsThem(string text, int expected) => Assert.Equal(expected, Measure(text));

    [Theory]
    [InlineData("💧", 2)]
    [InlineData("👍🏽", 2)] // with a skin tone
    [InlineData("👨‍👩‍👧", 2)] // a family joined by zero-width joiners
    [InlineData("🇸🇪", 2)] // a flag of two regional indicators
    [InlineData("⚠️", 2)]
    [InlineData("Koka vattnet 💧", 15)]
    public void AnEmojiCountsTwoHoweverManyCodePointsItHas(string text, int expected) => Assert.Equal(expected, Measure(text));

    [Theory]
    [InlineData("https://www.linkoping.se/kris/vatten", 23)]
    [InlineData("https://www.linkoping.se/kris/vatten/en-mycket-lang-adress-som-ar-langre-an-tjugotre-tecken", 23)]
    [InlineData("http://l.se", 23)]
    [InlineData("Läs mer: https://www.linkoping.se/kris.", 9 + 23 + 1)]
    public void ALinkCounts23WhateverItsLength(string text, int expected) => Assert.Equal(expected, Measure(text));

    [Theory]
    [InlineData("Se krisinformation.se", 3 + 23)]
    [InlineData("Ring 1177.se", 5 + 23)]
    [InlineData("t.ex. i Ryd", 11)]
    [InlineData("bl.a. i Ryd", 11)]
    public void BareDomainsCountAsLinksButSwedishAbbreviationsDoNot(string text, int expected) => Assert.Equal(expected, Measure(text));
}
