namespace CrisisComms.Social.X;

/// <summary><c>CrisisComms:Social:X</c>: an X account, API v2, OAuth 1.0a user context.</summary>
public sealed class XOptions
{
    public string BaseUrl { get; set; } = "https://api.x.com";
    public string? ConsumerKey { get; set; }
    public string? ConsumerSecret { get; set; }
    public string? AccessToken { get; set; }
    public string? AccessTokenSecret { get; set; }

    internal IReadOnlyList<(string Key, string? Value)> Credentials =>
        [(nameof(ConsumerKey), ConsumerKey), (nameof(ConsumerSecret), ConsumerSecret),
         (nameof(AccessToken), AccessToken), (nameof(AccessTokenSecret), AccessTokenSecret)];

    internal bool IsOn => Credentials.All(c => SocialOptions.Has(c.Value));

    internal IEnumerable<string> Secrets => [ConsumerSecret ?? "", AccessToken ?? "", AccessTokenSecret ?? ""];
}
