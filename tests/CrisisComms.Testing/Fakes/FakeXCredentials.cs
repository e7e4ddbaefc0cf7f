namespace CrisisComms.Testing.Fakes;

/// <summary>The four OAuth 1.0a values a fake X accepts. Made-up values, safe to print in a test.</summary>
public sealed record FakeXCredentials(string ConsumerKey, string ConsumerSecret, string AccessToken, string AccessTokenSecret)
{
    public static FakeXCredentials Sample { get; } = new(
        "fake-consumer-key", "fake-consumer-SECRET-4f1c9a", "1500-fake-access-TOKEN-8d2e", "fake-token-SECRET-77b0e3");

    /// <summary>Configuration for CrisisComms:Social:X pointing at <paramref name="baseUrl"/>.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Configuration(Uri baseUrl) =>
    [
        new("CrisisComms:Social:X:BaseUrl", baseUrl.ToString().TrimEnd('/')),
        new("CrisisComms:Social:X:ConsumerKey", ConsumerKey),
        new("CrisisComms:Social:X:ConsumerSecret", ConsumerSecret),
        new("CrisisComms:Social:X:AccessToken", AccessToken),
        new("CrisisComms:Social:X:AccessTokenSecret", AccessTokenSecret),
    ];
}
