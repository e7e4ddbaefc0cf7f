using CrisisComms.Domain.Notices;

namespace CrisisComms.Domain.Feeds;

public enum CapMessageType { Alert, Update, Cancel }

/// <summary>
/// One CAP 1.2 message: issued once, never changed. <see cref="Notice"/> is the version it speaks
/// for; <see cref="Text"/> is the version whose words it carries (for a cancel, the withdrawn
/// message's notice, which may be an older version when the withdrawn one never reached the public).
/// </summary>
public sealed record CapMessage(
    string Identifier,
    CapMessageType Type,
    DateTimeOffset Sent,
    Notice Notice,
    Notice Text,
    CapMessage? Replaces)
{
    public bool IsCancel => Type == CapMessageType.Cancel;
}
