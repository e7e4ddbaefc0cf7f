using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Validation;

/// <summary>A notice as a caller sent it: nothing checked yet, so everything may be missing.</summary>
public sealed record NoticeInput(
    Severity? Severity,
    Audience? Audience,
    NoticeMode? Mode,
    string? Sender,
    string? Link,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<string?>? Channels,
    IReadOnlyDictionary<string, ContentInput?>? Content,
    string? Category = null);

public sealed record ContentInput(string? Headline, string? Lead, string? Body, string? Instruction);
