using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Server.Dispatch;

namespace CrisisComms.Server.Notices;

/// <summary>
/// What each social channel would post, so officers see the post (and its length against the
/// channel's limit) before they approve. Exercise and test notices are never posted, so they ask
/// no channel anything.
/// </summary>
internal sealed class NoticePreviews(IEnumerable<ISocialChannel> channels)
{
    public async Task<IReadOnlyList<SocialPostPreview>> ForAsync(Notice notice, CancellationToken ct)
    {
        if (notice.Draft.Mode != NoticeMode.Actual || notice.Draft.Audience == Audience.Staff || notice.Draft.Link is null) return [];
        var message = SocialMessages.For(notice);
        var previews = new List<SocialPostPreview>();
        foreach (var channel in channels.Where(c => notice.Draft.Channels.Contains(c.Name)))
            previews.Add(await channel.PreviewAsync(message, ct));
        return previews;
    }

    public async Task<NoticeResponse> RespondAsync(Notice notice, Actor viewer, CancellationToken ct) =>
        NoticeResponse.From(notice, viewer) with { Previews = await ForAsync(notice, ct) };
}
