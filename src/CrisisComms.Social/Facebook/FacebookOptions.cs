namespace CrisisComms.Social.Facebook;

/// <summary><c>CrisisComms:Social:Facebook</c>: a Facebook Page and its Page access token.</summary>
public sealed class FacebookOptions
{
    public string BaseUrl { get; set; } = "https://graph.facebook.com/v23.0";
    public string? PageId { get; set; }
    public string? PageAccessToken { get; set; }

    internal IReadOnlyList<(string Key, string? Value)> Credentials =>
        [(nameof(PageId), PageId), (nameof(PageAccessToken), PageAccessToken)];

    internal bool IsOn => Credentials.All(c => SocialOptions.Has(c.Value));

    internal IEnumerable<string> Secrets => [PageAccessToken ?? ""];
}
