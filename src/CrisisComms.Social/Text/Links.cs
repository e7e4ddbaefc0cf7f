using System.Text.RegularExpressions;

namespace CrisisComms.Social.Text;

/// <summary>Where links are in a text, as the channels' own counters see them.</summary>
internal static partial class Links
{
    // Trailing punctuation is left outside the link, as twitter-text and Mastodon do; should a server count
    // it inside after all, our count errs long, which only shortens a post a little.
    private const string Tail = @"(?:/[^\s]*[^\s.,;:!?)\]}'""»”’…])?";

    /// <summary>A link with its scheme: counted as a fixed length by X and Mastodon.</summary>
    [GeneratedRegex(@"https?://[^\s]*[^\s.,;:!?)\]}'""»”’…]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex WithScheme();

    /// <summary>
    /// A bare domain such as "krisinformation.se", which X also turns into a link of fixed length. Only
    /// well-known top-level domains, so that "t.ex." in Swedish prose stays prose.
    /// </summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}@._/-])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:se|nu|eu|com|org|net|info|gov|edu|io|app|dev|dk|no|fi|is|de|uk|fr|nl|be|ch|at|es|it|pl|ee|lv|lt)(?![\p{L}\p{N}])" + Tail,
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex BareDomain();
}
