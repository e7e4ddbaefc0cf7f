using System.Globalization;
using System.Text;
using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Social.Text;

/// <summary>A post's text and its length as the channel counts it.</summary>
internal sealed record FittedText(string Text, int Length);

/// <summary>
/// The text of a post: the prefix and headline, then the lead, then the link, each a paragraph of its own.
/// Too long, the headline and lead are shortened at a word boundary and end in an ellipsis; the link, which
/// leads to the full information on the site, is never cut.
/// </summary>
internal static class PostText
{
    public const string Ellipsis = "…";
    private const string Gap = "\n\n";
    private static readonly char[] TrimmedBeforeEllipsis = [.. " \t\r\n,;:.-–—("];

    public static FittedText Fit(SocialMessage message, ITextMeasure measure, int limit)
    {
        // Counted as the servers count: on NFC text, where "å" is one code point rather than two.
        var headline = Nfc(string.IsNullOrWhiteSpace(message.Prefix)
            ? message.Headline.Trim()
            : $"{message.Prefix.Trim()} {message.Headline.Trim()}");
        var lead = Nfc(message.Lead.Trim());
        var body = lead.Length == 0 ? headline : headline + Gap + lead;
        var tail = (string.IsNullOrWhiteSpace(message.Suffix) ? "" : Gap + Nfc(message.Suffix.Trim())) + Gap + message.Link.Trim();

        var whole = body + tail;
        var length = measure.Measure(whole);
        if (length <= limit) return new FittedText(whole, length);

        return Shorten(body, WordEnds(body), tail, measure, limit)
            ?? Shorten(body, ElementEnds(body), tail, measure, limit)
            ?? new FittedText(message.Link.Trim(), measure.Measure(message.Link.Trim()));
    }

    /// <summary>The longest cut of <paramref name="body"/> that fits, or null when not even the shortest does.</summary>
    private static FittedText? Shorten(string body, IReadOnlyList<int> cuts, string tail, ITextMeasure measure, int limit)
    {
        // A longer cut never measures less than a shorter one, so the longest that fits is found by halving.
        FittedText? best = null;
        int low = 0, high = cuts.Count - 1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            var kept = body[..cuts[middle]].TrimEnd(TrimmedBeforeEllipsis);
            var text = kept + Ellipsis + tail;
            var length = measure.Measure(text);
            if (kept.Length > 0 && length <= limit)
            {
                best = new FittedText(text, length);
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return best;
    }

    /// <summary>Where each word ends: every position followed by white space.</summary>
    private static List<int> WordEnds(string text)
    {
        var ends = new List<int>();
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && !char.IsWhiteSpace(text[i - 1])) ends.Add(i);
        }
        return ends;
    }

    /// <summary>For a first word longer than the limit: every user-perceived character boundary.</summary>
    private static List<int> ElementEnds(string text)
    {
        var ends = new List<int>();
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext()) ends.Add(elements.ElementIndex + ((string)elements.Current).Length);
        return ends;
    }

    private static string Nfc(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
}
