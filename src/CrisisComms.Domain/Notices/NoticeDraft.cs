using System.Text.Json.Serialization;

namespace CrisisComms.Domain.Notices;

/// <summary>What an officer writes: the editable part of a notice, already validated.</summary>
public sealed record NoticeDraft(
    Severity Severity,
    Audience Audience,
    NoticeMode Mode,
    string Sender,
    string? Link,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<string> Channels,
    IReadOnlyDictionary<string, NoticeContent> Content)
{
    /// <summary>The language of record: every post and every fallback uses it.</summary>
    public const string LanguageOfRecord = "sv";

    /// <summary>Easy-to-read Swedish (lätt svenska), a private-use BCP 47 tag.</summary>
    public const string EasySwedish = "sv-x-easy";

    public NoticeContent Primary => Content[LanguageOfRecord];

    /// <summary>CAP's category; a notice stored before categories existed reads as the default.</summary>
    [JsonConverter(typeof(JsonStringEnumConverter<NoticeCategory>))]
    public NoticeCategory Category { get; init; } = NoticeCategories.Default;
}
