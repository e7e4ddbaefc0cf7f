using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CrisisComms.Social.Text;

/// <summary>
/// X's weighted length, per twitter-text configuration v3: code points in 0–4351, 8192–8205, 8208–8223 and
/// 8242–8247 count 1, all others 2; an emoji (a whole sequence, skin tones and joiners included) counts 2;
/// a link counts 23 whatever its length.
/// </summary>
internal sealed class XTextMeasure : ITextMeasure
{
    public const int Limit = 280;
    public const int LinkLength = 23;

    public static readonly XTextMeasure Instance = new();

    public int Measure(string text)
    {
        var total = 0;
        var at = 0;
        foreach (var link in LinksIn(text))
        {
            total += Characters(text[at..link.Index]);
            // A bare domain X does not recognise stays prose; counting whichever is longer never undercounts.
            total += link.WithScheme ? LinkLength : Math.Max(LinkLength, Characters(link.Value));
            at = link.Index + link.Length;
        }
        return total + Characters(text[at..]);
    }

    private static IEnumerable<(int Index, int Length, string Value, bool WithScheme)> LinksIn(string text)
    {
        var withScheme = Links.WithScheme().Matches(text).Select(m => (m.Index, m.Length, m.Value, true));
        var bare = Links.BareDomain().Matches(text).Select(m => (m.Index, m.Length, m.Value, false));
        var taken = -1;
        foreach (var link in withScheme.Concat(bare).OrderBy(l => l.Index).ThenByDescending(l => l.Item4))
        {
            if (link.Index < taken) continue;
            taken = link.Index + link.Length;
            yield return link;
        }
    }

    private static int Characters(string text)
    {
        var total = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            total += IsEmoji(element) ? 2 : element.EnumerateRunes().Sum(Weight);
        }
        return total;
    }

    private static int Weight(Rune rune) => rune.Value switch
    {
        <= 4351 or (>= 8192 and <= 8205) or (>= 8208 and <= 8223) or (>= 8242 and <= 8247) => 1,
        _ => 2,
    };

    // The blocks emoji live in; a grapheme holding one of them is one emoji to X.
    private static bool IsEmoji(string element)
    {
        foreach (var rune in element.EnumerateRunes())
        {
            if (rune.Value is (>= 0x1F000 and <= 0x1FAFF) or (>= 0x2600 and <= 0x27BF)
                or (>= 0x2300 and <= 0x23FF) or (>= 0x2B00 and <= 0x2BFF))
                return true;
        }
        return false;
    }
}
