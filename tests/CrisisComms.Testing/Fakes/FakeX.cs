using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CrisisComms.Testing.Fakes;

/// <summary>
/// X API v2 on loopback: <c>POST /2/tweets</c>, <c>DELETE /2/tweets/{id}</c>, and the two reads used to find a
/// post after a "duplicate content" refusal. Every request must carry a valid OAuth 1.0a signature, which this
/// fake recomputes on its own; a bad one, or a nonce used twice, is answered 401. Like X, it refuses a text
/// that is already posted, and one over 280 weighted characters.
/// </summary>
public sealed partial class FakeX : FakeSocialServer
{
    public const string UserId = "1500000000000000001";

    private readonly HashSet<string> nonces = [];
    private int rejectedSignatures;

    private FakeX(FakeXCredentials credentials) => Credentials = credentials;

    public FakeXCredentials Credentials { get; }

    /// <summary>Requests refused for their signature.</summary>
    public int RejectedSignatures => Volatile.Read(ref rejectedSignatures);

    public static async Task<FakeX> StartAsync(FakeXCredentials? credentials = null)
    {
        var fake = new FakeX(credentials ?? FakeXCredentials.Sample);
        await fake.ListenAsync();
        return fake;
    }

    public IEnumerable<KeyValuePair<string, string?>> Configuration() => Credentials.Configuration(BaseUrl);

    protected override void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (SignatureIsValid(context.Request)) await next(context);
            else await Problem(context, 401, "Unauthorized", "Unauthorized");
        });
        app.MapPost("/2/tweets", PostAsync);
        app.MapDelete("/2/tweets/{id}", DeleteAsync);
        app.MapGet("/2/users/me", () => Results.Json(new { data = new { id = UserId, name = "Linköpings kommun", username = "linkopingskommun" } }));
        app.MapGet("/2/users/{id}/tweets", (string id) => Results.Json(new
        {
            // As X does: links come back as t.co links and the text HTML-escaped.
            data = LivePosts().Take(20).Select(p => new { id = p.Id, text = AsXShowsIt(p.Text) }),
        }));
    }

    private async Task PostAsync(HttpContext context)
    {
        var body = await JsonDocument.ParseAsync(context.Request.Body);
        if (!body.RootElement.TryGetProperty("text", out var property) || property.GetString() is not { } text)
        {
            await Problem(context, 400, "Invalid Request", "The text field is missing.");
            return;
        }
        string? inReplyTo = null;
        if (body.RootElement.TryGetProperty("reply", out var reply))
        {
            inReplyTo = reply.TryGetProperty("in_reply_to_tweet_id", out var to) ? to.GetString() : null;
            if (inReplyTo is null || !LivePosts().Any(p => p.Id == inReplyTo))
            {
                await Problem(context, 400, "Invalid Request", "The reply.in_reply_to_tweet_id is missing or not a Tweet that can be replied to.");
                return;
            }
        }
        var fault = TakeFault();
        if (await Refused(context, fault)) return;
        if (LivePosts().Any(p => p.Text == text)) fault = new FakeFault.Duplicate();
        if (fault is FakeFault.Duplicate)
        {
            await Problem(context, 403, "Forbidden", "You are not allowed to create a Tweet with duplicate content.");
            return;
        }
        if (WeightedLength(text) > 280)
        {
            await Problem(context, 400, "Invalid Request", "One or more parameters to your request was invalid: text is too long.");
            return;
        }
        var post = Record(n => new FakePost((1_800_000_000_000_000_000 + n).ToString(CultureInfo.InvariantCulture), text) { InReplyTo = inReplyTo });
        if (fault is FakeFault.SlowAfterAccepting slow) await DelayAsync(context, slow.Delay);
        context.Response.StatusCode = 201;
        await context.Response.WriteAsJsonAsync(new { data = new { id = post.Id, text = post.Text } });
    }

    private async Task DeleteAsync(HttpContext context, string id)
    {
        if (await Refused(context, TakeFault())) return;
        if (!RecordDelete(id))
        {
            await Problem(context, 404, "Not Found Error", $"Could not find tweet with id: [{id}].");
            return;
        }
        await context.Response.WriteAsJsonAsync(new { data = new { deleted = true } });
    }

    private static async Task<bool> Refused(HttpContext context, FakeFault? fault)
    {
        switch (fault)
        {
            case FakeFault.Unavailable:
                await Problem(context, 503, "Service Unavailable", "Service Unavailable");
                return true;
            case FakeFault.RateLimited limited:
                context.Response.Headers["x-rate-limit-limit"] = "100";
                context.Response.Headers["x-rate-limit-remaining"] = "0";
                context.Response.Headers["x-rate-limit-reset"] = limited.ResetAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                await Problem(context, 429, "Too Many Requests", "Too Many Requests");
                return true;
            case FakeFault.TokenExpired:
                await Problem(context, 401, "Unauthorized", "Unauthorized");
                return true;
            case FakeFault.Forbidden:
                await Problem(context, 403, "Forbidden", "You are not permitted to perform this action.");
                return true;
            default:
                return false;
        }
    }

    private static Task Problem(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { title, detail, type = "about:blank", status });
    }

    /// <summary>
    /// X's weighted length, counted here independently of the adapter and more simply: code points outside
    /// X's light ranges weigh 2, a grapheme holding a code point from U+1F000 on is one emoji of weight 2,
    /// a link with its scheme weighs 23.
    /// </summary>
    public static int WeightedLength(string text)
    {
        text = Link().Replace(text.Normalize(NormalizationForm.FormC), new string('x', 23));
        var total = 0;
        var graphemes = StringInfo.GetTextElementEnumerator(text);
        while (graphemes.MoveNext())
        {
            var grapheme = (string)graphemes.Current;
            total += grapheme.EnumerateRunes().Any(r => r.Value >= 0x1F000)
                ? 2
                : grapheme.EnumerateRunes().Sum(r => r.Value is <= 4351 or (>= 8192 and <= 8205) or (>= 8208 and <= 8223) or (>= 8242 and <= 8247) ? 1 : 2);
        }
        return total;
    }

    private static string AsXShowsIt(string text) =>
        WebUtility.HtmlEncode(Link().Replace(text, "https://t.co/Fake0123ab"));

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    /// <summary>RFC 5849 section 3.4, written plainly and apart from the adapter's signer.</summary>
    private bool SignatureIsValid(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("OAuth ", StringComparison.Ordinal)) return Reject();
        var oauth = header[6..].Split(',')
            .Select(part => part.Trim().Split('=', 2))
            .Where(kv => kv.Length == 2)
            .ToDictionary(kv => Uri.UnescapeDataString(kv[0]), kv => Uri.UnescapeDataString(kv[1].Trim('"')));
        if (!oauth.TryGetValue("oauth_signature", out var signature)
            || oauth.GetValueOrDefault("oauth_consumer_key") != Credentials.ConsumerKey
            || oauth.GetValueOrDefault("oauth_token") != Credentials.AccessToken
            || oauth.GetValueOrDefault("oauth_signature_method") != "HMAC-SHA1"
            || !long.TryParse(oauth.GetValueOrDefault("oauth_timestamp"), out _)
            || oauth.GetValueOrDefault("oauth_nonce") is not { Length: > 0 } nonce)
            return Reject();

        var parameters = oauth.Where(p => p.Key != "oauth_signature")
            .Concat(request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))))
            .Select(p => (Key: Uri.EscapeDataString(p.Key), Value: Uri.EscapeDataString(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}");
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        var baseString = $"{request.Method}&{Uri.EscapeDataString(url)}&{Uri.EscapeDataString(string.Join("&", parameters))}";
        var key = $"{Uri.EscapeDataString(Credentials.ConsumerSecret)}&{Uri.EscapeDataString(Credentials.AccessTokenSecret)}";
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(baseString)));
        if (expected != signature) return Reject();
        lock (nonces) return nonces.Add(nonce) || Reject();
    }

    private bool Reject()
    {
        Interlocked.Increment(ref rejectedSignatures);
        return false;
    }
}
