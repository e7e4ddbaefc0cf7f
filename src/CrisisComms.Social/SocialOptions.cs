using CrisisComms.Social.Facebook;
using CrisisComms.Social.Mastodon;
using CrisisComms.Social.X;

namespace CrisisComms.Social;

/// <summary>The official social accounts, bound from <c>CrisisComms:Social</c>. A channel without credentials is off.</summary>
public sealed class SocialOptions
{
    public const string SectionName = "CrisisComms:Social";

    /// <summary>
    /// How long one call may take. Retries are the dispatch job's business (it records every attempt),
    /// so a slow server costs one attempt, not a hung job.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public XOptions X { get; set; } = new();

    public MastodonOptions Mastodon { get; set; } = new();

    public FacebookOptions Facebook { get; set; } = new();

    internal static bool Has(string? value) => !string.IsNullOrWhiteSpace(value);
}
