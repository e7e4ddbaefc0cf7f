namespace CrisisComms.Social.Mastodon;

/// <summary><c>CrisisComms:Social:Mastodon</c>: an account on a Mastodon instance.</summary>
public sealed class MastodonOptions
{
    public string? BaseUrl { get; set; }
    public string? AccessToken { get; set; }

    internal IReadOnlyList<(string Key, string? Value)> Credentials => [(nameof(AccessToken), AccessToken)];

    internal bool IsOn => SocialOptions.Has(BaseUrl) && SocialOptions.Has(AccessToken);

    internal IEnumerable<string> Secrets => [AccessToken ?? ""];
}
