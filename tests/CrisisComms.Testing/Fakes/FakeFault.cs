namespace CrisisComms.Testing.Fakes;

/// <summary>How a fake social server should answer its next posts or deletes, in the channel's own words.</summary>
public abstract record FakeFault
{
    /// <summary>503: the server is down for a moment.</summary>
    public sealed record Unavailable : FakeFault;

    /// <summary>Rate limited until <paramref name="ResetAt"/>, named the channel's way (X epoch seconds, Mastodon ISO time, Facebook Retry-After).</summary>
    public sealed record RateLimited(DateTimeOffset ResetAt) : FakeFault;

    /// <summary>The access token has expired or was revoked (X and Mastodon 401, Facebook error 190).</summary>
    public sealed record TokenExpired : FakeFault;

    /// <summary>A policy block: X 403, Mastodon 403, Facebook error 368.</summary>
    public sealed record Forbidden : FakeFault;

    /// <summary>"Already posted" without recording anything: X 403 duplicate content, Facebook error 506.</summary>
    public sealed record Duplicate : FakeFault;

    /// <summary>The post is recorded, and the answer comes only after <paramref name="Delay"/>: past the client's timeout.</summary>
    public sealed record SlowAfterAccepting(TimeSpan Delay) : FakeFault;
}

/// <summary>A post a fake server accepted.</summary>
/// <param name="Text">X's text, Mastodon's status, Facebook's message.</param>
/// <param name="Link">Facebook's link field.</param>
/// <param name="Visibility">Mastodon's visibility.</param>
/// <param name="IdempotencyKey">Mastodon's Idempotency-Key header.</param>
public sealed record FakePost(string Id, string Text, string? Link = null, string? Visibility = null, string? IdempotencyKey = null)
{
    /// <summary>The post this one answers (X <c>reply.in_reply_to_tweet_id</c>, Mastodon <c>in_reply_to_id</c>).</summary>
    public string? InReplyTo { get; init; }

    /// <summary>When the fake accepted it, to check posts come after the public banner.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
