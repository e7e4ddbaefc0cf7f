namespace CrisisComms.Domain.Notices;

/// <summary>A rule of the workflow was broken; the host turns each kind into its HTTP status.</summary>
public abstract class NoticeException(string message) : Exception(message);

/// <summary>The call does not fit the notice's state (409).</summary>
public sealed class WrongStateException(string message) : NoticeException(message);

/// <summary>The actor may not do this to this notice (403); <see cref="Rule"/> names the rule when one applies.</summary>
public sealed class NotAllowedException(string message, string? rule = null) : NoticeException(message)
{
    public string? Rule { get; } = rule;
}

/// <summary>No notice with that id (404).</summary>
public sealed class NoticeNotFoundException(string id) : NoticeException($"No notice with id '{id}'.");

/// <summary>The caller acted on a version of the notice that is no longer the stored one (412).</summary>
public sealed class NoticeChangedException() : NoticeException(
    "The notice changed since you read it. Nothing was changed; read it again and decide on what it says now.");

/// <summary>An outcome came back under a claim the stage no longer holds: another node took it over; nothing is saved.</summary>
public sealed class StaleClaimException(string noticeId, string stage, string claimId) : NoticeException(
    $"The claim {claimId} on stage '{stage}' of notice {noticeId} lapsed and was taken over; its outcome is refused.");
