namespace CrisisComms.Domain.Dispatch;

/// <summary>
/// One official social account (X, Facebook Page, Mastodon). Adapters live in CrisisComms.Social;
/// the stage runner only sees this. A channel without credentials is not registered at all.
/// </summary>
public interface ISocialChannel
{
    /// <summary>"x", "mastodon" or "facebook": the part after "social:" in the stage name.</summary>
    string Name { get; }

    /// <summary>The text this channel would post for a notice, fitted to its limit.</summary>
    ValueTask<SocialPostPreview> PreviewAsync(SocialMessage message, CancellationToken ct = default);

    /// <summary>
    /// Posts once. The same <paramref name="idempotencyKey"/> is passed on every retry of one post,
    /// so a retry after an unseen success never posts twice.
    /// </summary>
    Task<PostOutcome> PostAsync(SocialMessage message, string idempotencyKey, CancellationToken ct = default);

    /// <summary>Deletes a post made earlier (withdrawal).</summary>
    Task<PostOutcome> DeleteAsync(string externalId, CancellationToken ct = default);
}

/// <summary>
/// What a post is made of: always the language of record, always pointing to the site.
/// <paramref name="Suffix"/>, a paragraph of its own before the link and never shortened, makes a
/// post distinct from another notice's with the same text. <paramref name="InReplyTo"/>: the
/// channel's id of the incident's first post, which an update or all-clear answers (X, Mastodon).
/// </summary>
public sealed record SocialMessage(string? Prefix, string Headline, string Lead, string Link, string? Suffix = null, string? InReplyTo = null);

public sealed record SocialPostPreview(string Channel, string Text, int Length, int Limit);

/// <summary>How a post or delete went.</summary>
public abstract record PostOutcome
{
    /// <summary>
    /// Done; <paramref name="ExternalId"/> is the post's id on the channel. <see cref="Text"/> is
    /// the exact text sent and <see cref="Url"/> the post's address, kept with the stage for the archive.
    /// </summary>
    public sealed record Posted(string ExternalId) : PostOutcome
    {
        public string? Text { get; init; }
        public string? Url { get; init; }
    }

    /// <summary>Worth trying again: at <paramref name="NotBefore"/> if the server named a time (429).</summary>
    public sealed record Retry(string Error, DateTimeOffset? NotBefore) : PostOutcome;

    /// <summary>Needs a person (revoked token, policy block): retrying cannot help.</summary>
    public sealed record Failed(string Error) : PostOutcome;
}

/// <summary>The health of a channel, as shown by GET /api/v1/channels.</summary>
public sealed record ChannelHealth(string Name, bool Healthy, string? LastError, DateTimeOffset? LastErrorAt, DateTimeOffset? LastPostAt);
