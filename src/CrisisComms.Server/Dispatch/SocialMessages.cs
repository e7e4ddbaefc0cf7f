using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Dispatch;

internal static class SocialMessages
{
    /// <summary>A post is built from the language of record and names what kind of message it is.</summary>
    public static SocialMessage For(Notice notice)
    {
        var sv = notice.Draft.Primary;
        var prefix = notice.Kind switch
        {
            NoticeKind.Update => "UPPDATERING:",
            NoticeKind.AllClear => "FARAN ÖVER:",
            _ => null,
        };
        return new SocialMessage(prefix, sv.Headline, sv.Lead, notice.Draft.Link ?? "");
    }
}
