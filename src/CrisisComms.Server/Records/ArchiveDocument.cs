using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Records;

/// <summary>
/// <c>incident.json</c>: the whole incident as it is stored, shaped for a reader decades from now
/// rather than for the API (no actions, no row versions). Every list has a fixed order (versions by
/// number, languages Swedish first then by tag, stages as planned, audit by sequence), so the same
/// stored incident always serialises to the same bytes.
/// </summary>
public sealed record ArchiveDocument(
    int Format,
    string IncidentId,
    string Site,
    string State,
    DateTimeOffset? EndedAt,
    IReadOnlyList<ArchivedVersion> Versions,
    IReadOnlyList<ArchivedCapMessage> CapMessages,
    IReadOnlyList<ArchivedAuditEntry> Audit)
{
    /// <summary>Raised only when a field changes meaning; added fields keep the number.</summary>
    public const int CurrentFormat = 1;
}

public sealed record ArchivedVersion(
    string NoticeId,
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
    IReadOnlyList<ArchivedContent> Content,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Contributors,
    string? SubmittedBy,
    string? ApprovedBy,
    DateTimeOffset? ApprovedAt,
    bool BreakGlass,
    string? Reason,
    DateTimeOffset? EndedAt,
    DateTimeOffset? ClosesAt,
    IReadOnlyList<ArchivedStage> Stages);

public sealed record ArchivedContent(string Language, string Headline, string Lead, string? Body, string? Instruction);

/// <summary>
/// One stage. For a social post: <c>postId</c> and <c>postUrl</c> on the channel and
/// <c>text</c>, the exact text that was sent (null when the post was made before texts were kept).
/// </summary>
public sealed record ArchivedStage(
    string Name,
    StageState State,
    DateTimeOffset? DueAt,
    DateTimeOffset? DoneAt,
    int Attempts,
    string? Channel,
    string? PostId,
    string? PostUrl,
    string? Text,
    string? Error,
    DateTimeOffset? RetractedAt);

public sealed record ArchivedCapMessage(string Identifier, string Type, DateTimeOffset Sent, string NoticeId, string File);

public sealed record ArchivedAuditEntry(
    long Seq, DateTimeOffset At, string Actor, string Action, string? NoticeId, string? Reason, string? Detail, string? Hash)
{
    public static ArchivedAuditEntry From(AuditEntry e) =>
        new(e.Sequence, e.At, e.Actor, e.Action, e.NoticeId, e.Reason, e.Detail, e.Hash);
}

/// <summary><c>manifest.json</c>: every other file of the package with its size and SHA-256.</summary>
public sealed record ArchiveManifest(int Format, string IncidentId, string Algorithm, IReadOnlyList<ArchiveManifestFile> Files);

public sealed record ArchiveManifestFile(string Path, long Bytes, string Sha256);
