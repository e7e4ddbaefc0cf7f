using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Server.Notices;

/// <summary>One atomic write, and what must follow it: fresh banners, and the clock set for what is next.</summary>
internal sealed partial class NoticeService
{
    internal sealed record Change(IReadOnlyList<Notice> Notices, IReadOnlyList<AuditEntry> Audit, bool BannersChanged);

    private const int Attempts = 5;

    private Task<Notice> ChangeAsync(string id, IfMatch? ifMatch, Func<Notice, DateTimeOffset, Change> decide, CancellationToken ct) =>
        ChangeAsync(id, ifMatch, (notice, now) => Task.FromResult(decide(notice, now)), ct);

    /// <summary>
    /// Reload, decide, save, until the save lands. The caller's <c>If-Match</c> is checked on each
    /// load, and the save is conditional on the revision loaded, so a change is made only on the
    /// revision the caller saw: the conditional write, not a check before it.
    /// Returns the first notice of the change (the one acted on, or the one created).
    /// </summary>
    private async Task<Notice> ChangeAsync(string id, IfMatch? ifMatch, Func<Notice, DateTimeOffset, Task<Change>> decide, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var notice = await GetAsync(id, ct);
            IfMatch.Check(ifMatch, notice);
            var change = await decide(notice, time.GetUtcNow());
            try
            {
                await SaveAsync(change.Notices, change.Audit, change.BannersChanged, ct);
                return change.Notices[0];
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                // Someone else (another officer, or the clock) changed it: decide again on fresh state.
            }
        }
    }

    private async Task SaveAsync(IReadOnlyList<Notice> notices, IReadOnlyList<AuditEntry> audit, bool bannersChanged, CancellationToken ct)
    {
        await store.SaveAsync(new ChangeSet(notices, audit, bannersChanged), ct);
        progress.LogCompleted(notices, audit);
        foreach (var notice in notices) clock.WakeAt(notice.NextDueAt);
        if (bannersChanged) await feed.PublishChangeAsync(ct);
        await changes.PublishAsync(notices);
    }
}
