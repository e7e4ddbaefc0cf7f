using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Changes;

/// <summary>
/// What one change decided: the notices to save (the one acted on first), what happened to them,
/// and who made it happen. Stage events are always the system's, whoever set them off.
/// </summary>
internal sealed record Decision(IReadOnlyList<Notice> Notices, IReadOnlyList<NoticeEvent> Events, Actor By)
{
    public Notice Notice => Notices[0];

    public bool IsEmpty => Events.Count == 0;
}
