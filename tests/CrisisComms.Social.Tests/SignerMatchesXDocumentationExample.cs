using CrisisComms.Social.X;

namespace CrisisComms.Social.Tests;

/// <summary>
/// X's "Creating a signature" page: a POST with a query parameter and a form body. The published base string
/// and signature were made with https://api.twitter.com; the page's prose now says api.x.com, which signs
/// differently, so the host the signature was computed for is used here.
/// </summary>
public sealed class SignerMatchesXDocumentationExample
{
    private static readonly OAuthSigner Signer = new(new OAuthCredentials(
        "xvz1evFS4wEEPTGEFPHBog",
        "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
        "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
        "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"));

    private static readonly Uri Update = new("https://api.twitter.com/1.1/statuses/update.json?include_entities=true");

    private static readonly KeyValuePair<string, string>[] Form = [new("status", "Hello Ladies + Gentlemen, a signed OAuth request!")];

    private static readonly KeyValuePair<string, string>[] ProtocolParameters =
    [
        new("include_entities", "true"),
        new("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog"),
        new("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"),
        new("oauth_signature_method", "HMAC-SHA1"),
        new("oauth_timestamp", "1318622958"),
        new("oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"),
        new("oauth_version", "1.0"),
        .. Form,
    ];

    [Fact]
    public void TheBaseStringIsTheDocumentedOne()
    {
        var baseString = OAuthSigner.BaseString("POST", new Uri("https://api.twitter.com/1.1/statuses/update.json"), ProtocolParameters);

        Assert.Equal(
            "POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26" +
            "oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26" +
            "oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26" +
            "oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26" +
            "status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521",
            baseString);
    }

    [Fact]
    public void TheSignatureIsTheDocumentedOne()
    {
        var header = Signer.AuthorizationHeader("POST", Update, "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", 1318622958, formParameters: Form);

        Assert.Contains($"oauth_signature=\"{Uri.EscapeDataString("hCtSmYh+iHYCEqBWrE7C7hYmtUk=")}\"", header);
        Assert.Contains("oauth_version=\"1.0\"", header);
    }

    [Theory]
    [InlineData("Ladies + Gentlemen", "Ladies%20%2B%20Gentlemen")]
    [InlineData("Dogs, Cats & Mice", "Dogs%2C%20Cats%20%26%20Mice")]
    [InlineData("☃", "%E2%98%83")]
    [InlineData("Skäggetorp ~-._", "Sk%C3%A4ggetorp%20~-._")]
    public void ValuesArePercentEncodedAsTheDocumentationShows(string value, string encoded) =>
        Assert.Equal(encoded, OAuthSigner.Encode(value));
}
