using CrisisComms.Domain.Banners;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Notices;

/// <summary>
/// A notice as the API returns it: the request's fields plus its identity, state and stages, who
/// contributed to it, and what the caller may do with it now (<see cref="NoticeActions"/>).
/// <c>Revision</c> is the notice's entity tag without its quotes, for a list's <c>If-Match</c>.
/// </summary>
public sealed record NoticeResponse(
    string Id,
    string IncidentId,
    int Version,
    NoticeKind Kind,
    NoticeState State,
    Severity Severity,
    Audience Audience,
    NoticeMode Mode,
    string Category,
    string Sender,
    string? Link,
    bool LinkIsExternal,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<string> Channels,
    IReadOnlyDictionary<string, NoticeContent> Content,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    bool BreakGlass,
    string? Reason,
    DateTimeOffset? ClosesAt,
    IReadOnlyList<StageResponse> Stages,
    IReadOnlyList<string> Contributors,
    IReadOnlyList<NoticeAction> Actions,
    long Revision)
{
    /// <summary>Each social post as it would be sent; on single notices, not in lists.</summary>
    public IReadOnlyList<SocialPostPreview>? Previews { get; init; }

    /// <summary><c>own</c>, or <c>vma</c> for a VMA imported from Sveriges Radio (no actions, never on social).</summary>
    public BannerSource Source { get; init; }

    internal static NoticeResponse From(Notice n, Actor viewer) => new(
        n.Id, n.IncidentId, n.Version, n.Kind, n.State, n.Draft.Severity, n.Draft.Audience, n.Draft.Mode,
        n.Draft.Category.ToString(), n.Draft.Sender, n.Draft.Link, n.LinkIsExternal, n.Draft.ExpiresAt, n.Draft.Channels, n.Draft.Content,
        n.CreatedBy, n.CreatedAt, n.UpdatedAt, n.ApprovedBy, n.ApprovedAt, n.BreakGlass, n.Reason, n.ClosesAt,
        [.. n.Stages.Select(StageResponse.From)], [.. n.Contributors],
        NoticeActions.For(n, viewer), n.RowVersion)
    {
        Source = n.Source,
    };
}

public sealed record StageResponse(string Name, StageState State, DateTimeOffset? DueAt, DateTimeOffset? DoneAt,
    int Attempts, string? ExternalId, string? Error, DateTimeOffset? RetractedAt)
{
    internal static StageResponse From(Stage s) => new(s.Name, s.State, s.DueAt, s.DoneAt, s.Attempts, s.ExternalId, s.Error, s.RetractedAt);
}

/// <summary>The body of approve: break-glass is for a director approving their own notice.</summary>
public sealed record ApproveRequest(bool BreakGlass = false, string? Reason = null);

/// <summary>The body of reject and withdraw.</summary>
public sealed record ReasonRequest(string? Reason = null);
