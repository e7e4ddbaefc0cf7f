using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Banners;

public enum BannerAudience { Public, Intranet }

/// <summary>Who issued a banner: this organisation, or the state's VMA (Viktigt meddelande till allmänheten).</summary>
public enum BannerSource { Own, Vma }

/// <summary>One live notice as a site, an intranet or a browser shows it.</summary>
public sealed record Banner(
    string Id,
    string IncidentId,
    int Version,
    NoticeKind Kind,
    Severity Severity,
    NoticeMode Mode,
    string Sender,
    string? Link,
    bool LinkIsExternal,
    DateTimeOffset PublishedAt,
    DateTimeOffset? ExpiresAt,
    IReadOnlyDictionary<string, NoticeContent> Content)
{
    public BannerSource Source { get; init; } = BannerSource.Own;
}

/// <summary>The whole set of live banners for one audience and mode; <c>Revision</c> only grows.</summary>
public sealed record BannerSnapshot(BannerAudience Audience, NoticeMode Mode, long Revision, IReadOnlyList<Banner> Banners);
