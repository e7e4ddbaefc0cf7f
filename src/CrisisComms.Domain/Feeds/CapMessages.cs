using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Feeds;

/// <summary>
/// Which CAP messages an incident has issued. A version of a public (<c>everyone</c>) notice issues
/// one message when its public stage is done (sent = that moment): the incident's first message is
/// an <c>Alert</c>, every later one an <c>Update</c> referencing the message before it. A withdrawal
/// issues a <c>Cancel</c> (sent = the withdrawal) referencing the newest message, if the public had
/// seen any. Everything is derived from what is stored and fixed once it happened, so a message
/// read twice is the same message.
/// <para>Identifiers: <c>urn:crisiscomms:{site domain}:{notice id}:{alert|update|allclear|cancel}</c>,
/// the notice's kind for its own message and <c>cancel</c> for its withdrawal. Notice ids are never
/// reused, so neither are identifiers; being a URN, one is also a valid Atom entry id.</para>
/// </summary>
public static class CapMessages
{
    private const string Scheme = "urn:crisiscomms";
    private const string CancelSuffix = "cancel";

    public static string IdentifierOf(string domain, Notice notice, bool cancel) =>
        $"{Scheme}:{domain}:{notice.Id}:{(cancel ? CancelSuffix : notice.Kind.ToString().ToLowerInvariant())}";

    /// <summary>The notice id in an identifier of ours for this domain; null for anything else.</summary>
    public static string? NoticeIdIn(string identifier, string domain)
    {
        var prefix = $"{Scheme}:{domain}:";
        if (!identifier.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var rest = identifier[prefix.Length..].Split(':');
        return rest.Length == 2 && rest[0].Length > 0 && rest[0].All(char.IsAsciiLetterOrDigit) ? rest[0] : null;
    }

    /// <summary>When a notice's own message was issued: its public stage's moment, for public notices only.</summary>
    public static DateTimeOffset? IssuedAt(Notice notice) =>
        notice.Draft.Audience == Audience.Everyone && notice.StageNamed(Stage.Public) is { State: StageState.Done, DoneAt: { } at }
            ? at : null;

    /// <summary>Every message of one incident, oldest first, from all its versions.</summary>
    public static IReadOnlyList<CapMessage> Of(IEnumerable<Notice> versions, string domain)
    {
        var ordered = versions.OrderBy(n => n.Version).ToList();
        var messages = new List<CapMessage>();
        foreach (var notice in ordered)
        {
            if (IssuedAt(notice) is not { } sent) continue;
            var before = messages.LastOrDefault();
            messages.Add(new CapMessage(IdentifierOf(domain, notice, cancel: false),
                before is null ? CapMessageType.Alert : CapMessageType.Update, sent, notice, notice, before));
        }
        var withdrawn = ordered.LastOrDefault(n => n is { State: NoticeState.Withdrawn, ApprovedAt: not null, EndedAt: not null });
        if (withdrawn is not null && messages.LastOrDefault(m => m.Sent <= withdrawn.EndedAt) is { } last)
            messages.Add(new CapMessage(IdentifierOf(domain, withdrawn, cancel: true), CapMessageType.Cancel,
                withdrawn.EndedAt!.Value, withdrawn, last.Text, last));
        return messages;
    }

    /// <summary>CAP's severity for ours.</summary>
    public static string SeverityOf(Severity severity) => severity switch
    {
        Severity.Critical => "Severe",
        Severity.Warning => "Moderate",
        _ => "Minor",
    };

    /// <summary>How soon to act: at once for a crisis, soon for a warning, and no longer once it is over.</summary>
    public static string UrgencyOf(CapMessage message) =>
        message.IsCancel || message.Text.Kind == NoticeKind.AllClear ? "Past" : message.Text.Draft.Severity switch
        {
            Severity.Critical => "Immediate",
            Severity.Warning => "Expected",
            _ => "Future",
        };

    public static string StatusOf(NoticeMode mode) => mode switch
    {
        NoticeMode.Exercise => "Exercise",
        NoticeMode.Test => "Test",
        _ => "Actual",
    };

    /// <summary>
    /// When the message stops applying (the Google Public Alerts profile wants one always): the
    /// notice's own expiry, an all-clear's close, else a fixed span after it was sent.
    /// </summary>
    public static DateTimeOffset ExpiresOf(CapMessage message, TimeSpan fallback) =>
        message.IsCancel ? message.Sent + fallback
        : message.Text.Draft.ExpiresAt ?? message.Text.ClosesAt ?? message.Sent + fallback;
}
