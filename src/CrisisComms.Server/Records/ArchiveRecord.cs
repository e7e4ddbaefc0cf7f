using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Feeds;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Records;

/// <summary>Shapes a stored incident as <see cref="ArchiveDocument"/>, every list in its fixed order.</summary>
internal static class ArchiveRecord
{
    public static ArchiveDocument Document(ArchivedIncident incident, string site, IReadOnlyList<(CapMessage Message, string File)> messages) => new(
        ArchiveDocument.CurrentFormat,
        incident.IncidentId,
        site,
        incident.State.ToCamelCase(),
        incident.EndedAt,
        [.. incident.Versions.Select(Version)],
        [.. messages.Select(m => new ArchivedCapMessage(m.Message.Identifier, m.Message.Type.ToString(), m.Message.Sent, m.Message.Notice.Id, m.File))],
        [.. incident.Audit.Select(ArchivedAuditEntry.From)]);

    private static ArchivedVersion Version(Notice n) => new(
        n.Id, n.Version, n.Kind, n.State, n.Draft.Severity, n.Draft.Audience, n.Draft.Mode, n.Draft.Category.ToString(),
        n.Draft.Sender, n.Draft.Link, n.LinkIsExternal, n.Draft.ExpiresAt, [.. n.Draft.Channels],
        [.. Languages(n).Select(l => Content(l, n.Draft.Content[l]))],
        n.CreatedBy, n.CreatedAt, [.. n.Contributors], n.SubmittedBy, n.ApprovedBy, n.ApprovedAt, n.BreakGlass, n.Reason,
        n.EndedAt, n.ClosesAt, [.. n.Stages.Select(Stage)]);

    /// <summary>Swedish (the language of record) first, then the others by tag.</summary>
    public static IEnumerable<string> Languages(Notice n) =>
        n.Draft.Content.Keys.OrderBy(k => k == NoticeDraft.LanguageOfRecord ? 0 : 1).ThenBy(k => k, StringComparer.Ordinal);

    private static ArchivedContent Content(string language, NoticeContent c) => new(language, c.Headline, c.Lead, c.Body, c.Instruction);

    private static ArchivedStage Stage(Stage s) => new(
        s.Name, s.State, s.DueAt, s.DoneAt, s.Attempts, s.Channel,
        s.IsSocial ? s.ExternalId : null, s.IsSocial ? s.PostUrl : null, s.IsSocial ? s.PostText : null,
        s.Error, s.RetractedAt);
}
