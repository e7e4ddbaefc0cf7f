using System.Collections.Concurrent;
using System.Security.Cryptography;
using CrisisComms.Domain.Banners;
using CrisisComms.Domain.Feeds;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Banners;

namespace CrisisComms.Server.Feeds;

public enum FeedFormat { Atom, Rss }

/// <summary>
/// The Atom and RSS alert feeds, built once per banner revision (and again when an ended entry
/// leaves the 24-hour window), not per request: the entries come from the public banner snapshot
/// this node already holds plus one look at the store for recent cancels and all-clears; each
/// format and language is then written once and kept as bytes with an ETag of their hash, so
/// every node answers the same revision with the same ETag.
/// </summary>
internal sealed class AlertFeed(BannerFeed banners, INoticeStore store, CapReader cap, TimeProvider time)
{
    // Rendered variants kept per entry list: formats × languages × host names a caller used.
    private const int MaxRendered = 64;
    // Withdrawals or all-clears read per feed build, newest first: many more than a feed lists.
    private const int EndedRead = 1000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<NoticeMode, EntrySet> _sets = new();

    public sealed record CachedFeed(byte[] Bytes, string ETag);

    private sealed record EntrySet(long Revision, DateTimeOffset ValidUntil, IReadOnlyList<FeedEntry> Entries, IReadOnlySet<string> Languages)
    {
        public ConcurrentDictionary<(FeedFormat, string Language, string BaseUrl), CachedFeed> Rendered { get; } = new();
    }

    public async Task<CachedFeed> GetAsync(FeedFormat format, NoticeMode mode, string language, string baseUrl, CancellationToken ct)
    {
        var set = await EntriesAsync(mode, ct);
        // A language no entry has is Swedish throughout: one cached variant serves them all.
        var effective = set.Languages.Contains(language) ? language : NoticeDraft.LanguageOfRecord;
        var key = (format, effective, baseUrl);
        if (set.Rendered.TryGetValue(key, out var cached)) return cached;
        var bytes = FeedWriter.Write(format, set.Entries, mode, effective, baseUrl, cap);
        cached = new CachedFeed(bytes, $"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))[..20]}\"");
        if (set.Rendered.Count < MaxRendered) set.Rendered[key] = cached;
        return cached;
    }

    private async Task<EntrySet> EntriesAsync(NoticeMode mode, CancellationToken ct)
    {
        var snapshot = (await banners.GetAsync(new BannerQuery(BannerAudience.Public, mode), ct)).Snapshot;
        if (IsCurrent(mode, snapshot.Revision) is { } current) return current;
        await _gate.WaitAsync(ct);
        try
        {
            if (IsCurrent(mode, snapshot.Revision) is { } built) return built;
            var now = time.GetUtcNow();
            var shown = await ShownAsync(snapshot, ct);
            var ended = await EndedAsync(mode, now, ct);
            var entries = FeedSelection.Select(shown, ended, now);
            var languages = entries.SelectMany(e => e.Text.Draft.Content.Keys).ToHashSet(StringComparer.Ordinal);
            var set = new EntrySet(snapshot.Revision, FeedSelection.ValidUntil(entries, now), entries, languages);
            _sets[mode] = set;
            return set;
        }
        finally
        {
            _gate.Release();
        }
    }

    private EntrySet? IsCurrent(NoticeMode mode, long revision) =>
        _sets.TryGetValue(mode, out var set) && set.Revision == revision && time.GetUtcNow() < set.ValidUntil ? set : null;

    private async Task<List<FeedEntry>> ShownAsync(BannerSnapshot snapshot, CancellationToken ct)
    {
        if (snapshot.Banners.Count == 0) return [];
        var ids = snapshot.Banners.Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        var candidates = await store.ListBannerCandidatesAsync(ct);
        return [.. candidates.Where(n => ids.Contains(n.Id) && n.Source == BannerSource.Own)
            .Select(n => (Notice: n, Sent: CapMessages.IssuedAt(n)))
            .Where(x => x.Sent is not null)
            .Select(x => new FeedEntry(CapMessages.IdentifierOf(cap.Domain, x.Notice, cancel: false), x.Sent!.Value, x.Notice, IsCancel: false))];
    }

    /// <summary>Withdrawals (as their cancel messages) and closed all-clears of this mode within the window.</summary>
    private async Task<List<FeedEntry>> EndedAsync(NoticeMode mode, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - FeedSelection.Window;
        var entries = new List<FeedEntry>();
        // From the index of ending times: a day's endings, however long the history.
        var withdrawn = await store.ListAsync(new NoticeQuery(NoticeState.Withdrawn, Limit: EndedRead) { EndedAfter = since }, ct);
        foreach (var incident in withdrawn
            .Where(n => n.Draft.Mode == mode && n.ApprovedAt is not null && n.EndedAt > since)
            .Select(n => n.IncidentId).Distinct())
        {
            var messages = await cap.MessagesOfAsync(incident, ct);
            if (messages.LastOrDefault() is { IsCancel: true } cancel)
                entries.Add(new FeedEntry(cancel.Identifier, cancel.Sent, cancel.Text, IsCancel: true));
        }
        var closed = await store.ListAsync(new NoticeQuery(NoticeState.Closed, Limit: EndedRead) { EndedAfter = since }, ct);
        entries.AddRange(closed
            .Where(n => n.Kind == NoticeKind.AllClear && n.Draft.Mode == mode && CapMessages.IssuedAt(n) > since)
            .Select(n => new FeedEntry(CapMessages.IdentifierOf(cap.Domain, n, cancel: false), CapMessages.IssuedAt(n)!.Value, n, IsCancel: false)));
        return entries;
    }
}
