using System.Security.Cryptography;
using System.Text;

namespace CrisisComms.Social.X;

/// <summary>The four secrets of an OAuth 1.0a user context. Not a record, so that no ToString prints them.</summary>
internal sealed class OAuthCredentials(string consumerKey, string consumerSecret, string token, string tokenSecret)
{
    public string ConsumerKey { get; } = consumerKey;
    public string ConsumerSecret { get; } = consumerSecret;
    public string Token { get; } = token;
    public string TokenSecret { get; } = tokenSecret;
}

/// <summary>
/// Signs requests per RFC 5849 (OAuth 1.0a) with HMAC-SHA1. Our own, and small: the one .NET library that did
/// this for X (Tweetinvi) is not on our package registry and posts through the retired v1.1 endpoints.
/// A JSON body is not part of the signature; only query and form parameters are (RFC 5849 section 3.4.1.3).
/// </summary>
internal sealed class OAuthSigner(OAuthCredentials credentials)
{
    /// <summary>The <c>Authorization</c> header value, "OAuth oauth_consumer_key=…, …".</summary>
    public string AuthorizationHeader(string method, Uri url, string nonce, long timestamp, bool includeVersion = true,
        IEnumerable<KeyValuePair<string, string>>? formParameters = null)
    {
        var oauth = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["oauth_consumer_key"] = credentials.ConsumerKey,
            ["oauth_nonce"] = nonce,
            ["oauth_signature_method"] = "HMAC-SHA1",
            ["oauth_timestamp"] = timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["oauth_token"] = credentials.Token,
        };
        if (includeVersion) oauth["oauth_version"] = "1.0";

        var signed = QueryParameters(url).Concat(formParameters ?? []).Concat(oauth).ToList();
        oauth["oauth_signature"] = Signature(BaseString(method, url, signed));
        return "OAuth " + string.Join(", ", oauth.Select(p => $"{Encode(p.Key)}=\"{Encode(p.Value)}\""));
    }

    /// <summary>RFC 5849 section 3.4.2: HMAC-SHA1 keyed with both secrets, in base64.</summary>
    public string Signature(string baseString)
    {
        var key = Encoding.ASCII.GetBytes($"{Encode(credentials.ConsumerSecret)}&{Encode(credentials.TokenSecret)}");
        return Convert.ToBase64String(HMACSHA1.HashData(key, Encoding.UTF8.GetBytes(baseString)));
    }

    /// <summary>RFC 5849 section 3.4.1: method, base URI and the sorted, encoded parameters, each encoded again.</summary>
    public static string BaseString(string method, Uri url, IEnumerable<KeyValuePair<string, string>> parameters)
    {
        var normalized = parameters
            .Select(p => (Key: Encode(p.Key), Value: Encode(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}");
        // Scheme and host in lower case, the port only when not the default, no query (section 3.4.1.2).
        var baseUri = url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return $"{method.ToUpperInvariant()}&{Encode(baseUri)}&{Encode(string.Join("&", normalized))}";
    }

    /// <summary>RFC 5849 section 3.6: UTF-8, then every byte but the unreserved ALPHA / DIGIT / "-" / "." / "_" / "~" as %XX.</summary>
    public static string Encode(string value)
    {
        var encoded = new StringBuilder(value.Length * 2);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            if (b is (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'a' and <= (byte)'z') or (>= (byte)'0' and <= (byte)'9')
                or (byte)'-' or (byte)'.' or (byte)'_' or (byte)'~')
                encoded.Append((char)b);
            else
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }
        return encoded.ToString();
    }

    /// <summary>A fresh nonce: 128 random bits, letters and digits only.</summary>
    public static string NewNonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    private static IEnumerable<KeyValuePair<string, string>> QueryParameters(Uri url)
    {
        var query = url.Query.TrimStart('?');
        if (query.Length == 0) yield break;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = pair.IndexOf('=');
            var key = at < 0 ? pair : pair[..at];
            var value = at < 0 ? "" : pair[(at + 1)..];
            yield return new(Decode(key), Decode(value));
        }
    }

    private static string Decode(string formEncoded) => Uri.UnescapeDataString(formEncoded.Replace('+', ' '));
}
