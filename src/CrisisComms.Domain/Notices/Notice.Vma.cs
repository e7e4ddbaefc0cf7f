using System.Text.Json.Serialization;
using CrisisComms.Domain.Banners;
using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Domain.Notices;

/// <summary>
/// A VMA (Viktigt meddelande till allmänheten) imported from Sveriges Radio: the state issued it, so it
/// is live at once on the intranet and the public site, without approval and without social stages.
/// Its id is derived from the VMA identifier, so two nodes importing it write one notice.
/// </summary>
public sealed partial class Notice
{
    /// <summary>Who issued it: this organisation (an officer wrote it) or the state's VMA.</summary>
    [JsonInclude] public BannerSource Source { get; private set; } = BannerSource.Own;

    /// <summary>For a VMA, the identifier Sveriges Radio gave it.</summary>
    [JsonInclude] public string? ExternalId { get; private set; }

    public static Notice ImportVma(string id, string vmaIdentifier, NoticeMode mode, string sender, string? link,
        IReadOnlyDictionary<string, NoticeContent> content, DateTimeOffset now)
    {
        var draft = new NoticeDraft(Severity.Critical, Audience.Everyone, mode, sender, link, null, [], content);
        var notice = new Notice(id, id, 1, NoticeKind.Alert, draft, VmaActor, now)
        {
            Source = BannerSource.Vma,
            ExternalId = vmaIdentifier,
            LinkIsExternal = link is not null,
            State = NoticeState.Live,
            UpdatedAt = now,
        };
        foreach (var name in new[] { Stage.Intranet, Stage.Public })
        {
            var stage = new Stage(name, StageState.Pending);
            stage.Complete(now);
            notice.Stages.Add(stage);
        }
        return notice;
    }

    /// <summary>The actor named in the audit log for what the import does.</summary>
    public const string VmaActor = "vma";

    /// <summary>The VMA is no longer listed, or was cancelled: its banner comes down everywhere.</summary>
    public void EndVma(DateTimeOffset now, string reason)
    {
        if (Source != BannerSource.Vma) throw new WrongStateException("Only an imported VMA ends by import.");
        State = NoticeState.Withdrawn;
        Reason = reason;
        EndedAt = now;
        UpdatedAt = now;
    }
}
