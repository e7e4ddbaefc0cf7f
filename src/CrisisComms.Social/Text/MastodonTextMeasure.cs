using System.Globalization;

namespace CrisisComms.Social.Text;

/// <summary>
/// Mastodon's count: user-perceived characters (grapheme clusters), each link with a scheme counted as the
/// instance's <c>characters_reserved_per_url</c>.
/// </summary>
internal sealed class MastodonTextMeasure(int linkLength) : ITextMeasure
{
    public int Measure(string text)
    {
        var total = 0;
        var at = 0;
        foreach (var link in Links.WithScheme().EnumerateMatches(text))
        {
            total += new StringInfo(text[at..link.Index]).LengthInTextElements + linkLength;
            at = link.Index + link.Length;
        }
        return total + new StringInfo(text[at..]).LengthInTextElements;
    }
}
