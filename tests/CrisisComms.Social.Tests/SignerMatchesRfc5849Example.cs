using CrisisComms.Social.X;

namespace CrisisComms.Social.Tests;

/// <summary>RFC 5849 section 1.2: the photos.example.net request, which has no oauth_version.</summary>
public sealed class SignerMatchesRfc5849Example
{
    private static readonly OAuthSigner Signer = new(new OAuthCredentials(
        "dpf43f3p2l4k3l03", "kd94hf93k423kf44", "nnch734d00sl2jdk", "pfkkdhi9sl3r4s00"));

    private static readonly Uri Photos = new("http://photos.example.net/photos?file=vacation.jpg&size=original");

    [Fact]
    public void TheSignatureIsTheOneInTheRfc()
    {
        var header = Signer.AuthorizationHeader("GET", Photos, "chapoH", 137131202, includeVersion: false);

        Assert.Contains("oauth_signature=\"MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D\"", header);
    }

    [Fact]
    public void TheHeaderNamesEveryProtocolParameterAndNoVersion()
    {
        var header = Signer.AuthorizationHeader("GET", Photos, "chapoH", 137131202, includeVersion: false);

        Assert.Equal(
            "OAuth oauth_consumer_key=\"dpf43f3p2l4k3l03\", oauth_nonce=\"chapoH\", " +
            "oauth_signature=\"MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D\", oauth_signature_method=\"HMAC-SHA1\", " +
            "oauth_timestamp=\"137131202\", oauth_token=\"nnch734d00sl2jdk\"",
            header);
    }

    [Fact]
    public void ADifferentNonceGivesADifferentSignature()
    {
        var header = Signer.AuthorizationHeader("GET", Photos, "chapoI", 137131202, includeVersion: false);

        Assert.DoesNotContain("MdpQcU8iPSUjWoN", header);
    }
}
