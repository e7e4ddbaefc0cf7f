using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CrisisComms.Social.Text;

/// <summary>
/// Whether a post read back from a server is the one we sent. Servers rewrite links (X's t.co), escape
/// HTML and fold white space, so links are left out and the rest compared loosely.
/// </summary>
internal static partial class SameText
{
    public static bool Matches(string sent, string? readBack) =>
        readBack is not null && Key(sent) == Key(WebUtility.HtmlDecode(readBack));

    private static string Key(string text) =>
        Space().Replace(Links.WithScheme().Replace(text.Normalize(NormalizationForm.FormC), " "), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
