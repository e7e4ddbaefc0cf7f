using CrisisComms.Domain.Notices;
using CrisisComms.Server.Changes;

namespace CrisisComms.Server.Notices;

/// <summary>How an officer's change goes through the change pipeline.</summary>
internal sealed partial class NoticeService
{
    private Task<Notice> ChangeAsync(string id, IfMatch? ifMatch, Func<Notice, DateTimeOffset, Decision> decide, CancellationToken ct) =>
        ChangeAsync(id, ifMatch, (notice, now) => Task.FromResult(decide(notice, now)), ct);

    /// <summary>
    /// The caller's <c>If-Match</c> is checked on each load, and the save is conditional on the
    /// revision loaded, so a change is made only on the revision the caller saw: the conditional
    /// write, not a check before it. Returns the first notice of the change (the one acted on, or
    /// the one created).
    /// </summary>
    private async Task<Notice> ChangeAsync(string id, IfMatch? ifMatch, Func<Notice, DateTimeOffset, Task<Decision>> decide, CancellationToken ct)
    {
        var saved = await pipeline.ChangeAsync(id, async (stored, now) =>
        {
            var notice = stored ?? throw new NoticeNotFoundException(id);
            IfMatch.Check(ifMatch, notice);
            return await decide(notice, now);
        }, ct);
        return saved!.Notice;
    }
}
