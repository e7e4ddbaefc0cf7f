using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Feeds;

/// <summary>One entry of the alert feeds: a CAP message and the words it carries.</summary>
public sealed record FeedEntry(string Identifier, DateTimeOffset Sent, Notice Text, bool IsCancel);

/// <summary>
/// What the Atom and RSS feeds list: the message of every public notice shown now, and the cancels
/// and all-clears of the last <see cref="Window"/>, newest first, at most <see cref="MaxEntries"/>
/// (a feed reader polls it often: it stays small).
/// </summary>
public static class FeedSelection
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
    public const int MaxEntries = 50;

    public static IReadOnlyList<FeedEntry> Select(IEnumerable<FeedEntry> shown, IEnumerable<FeedEntry> ended, DateTimeOffset now) =>
        [.. shown
            .Concat(ended.Where(e => (e.IsCancel || e.Text.Kind == NoticeKind.AllClear) && e.Sent > now - Window))
            .DistinctBy(e => e.Identifier)
            .OrderByDescending(e => e.Sent)
            .ThenBy(e => e.Identifier, StringComparer.Ordinal)
            .Take(MaxEntries)];

    /// <summary>When the list changes by itself (an ended entry leaves the window), without any new revision.</summary>
    public static DateTimeOffset ValidUntil(IEnumerable<FeedEntry> entries, DateTimeOffset now) =>
        entries.Where(e => e.IsCancel || e.Text.Kind == NoticeKind.AllClear)
            .Select(e => e.Sent + Window)
            .Where(t => t > now)
            .DefaultIfEmpty(DateTimeOffset.MaxValue)
            .Min();
}
