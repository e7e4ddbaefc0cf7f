using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CrisisComms.Testing.Fakes;

/// <summary>
/// A Mastodon instance on loopback: <c>POST /api/v1/statuses</c>, <c>DELETE /api/v1/statuses/{id}</c> and
/// <c>GET /api/v2/instance</c>. It requires the bearer token and an Idempotency-Key, and like Mastodon answers a
/// repeated key with the status already made. A status over the instance's limit is refused with 422.
/// </summary>
public sealed partial class FakeMastodon : FakeSocialServer
{
    public const string SampleToken = "fake-mastodon-TOKEN-3c9d51";

    private readonly Dictionary<string, FakePost> byKey = [];
    private int instanceRequests;

    private FakeMastodon(string accessToken) => AccessToken = accessToken;

    public string AccessToken { get; }

    /// <summary>What /api/v2/instance answers as <c>configuration.statuses.max_characters</c>.</summary>
    public int MaxCharacters { get; set; } = 500;

    /// <summary>What /api/v2/instance answers as <c>configuration.statuses.characters_reserved_per_url</c>.</summary>
    public int CharactersReservedPerUrl { get; set; } = 23;

    public int InstanceRequests => Volatile.Read(ref instanceRequests);

    public static async Task<FakeMastodon> StartAsync(string accessToken = SampleToken)
    {
        var fake = new FakeMastodon(accessToken);
        await fake.ListenAsync();
        return fake;
    }

    public IEnumerable<KeyValuePair<string, string?>> Configuration() =>
    [
        new("CrisisComms:Social:Mastodon:BaseUrl", BaseUrl.ToString().TrimEnd('/')),
        new("CrisisComms:Social:Mastodon:AccessToken", AccessToken),
    ];

    protected override bool Supports(FakeFault fault) => fault is not FakeFault.Duplicate;

    protected override void Map(WebApplication app)
    {
        app.MapGet("/api/v2/instance", () =>
        {
            Interlocked.Increment(ref instanceRequests);
            return Results.Json(new
            {
                domain = "mastodon.example",
                configuration = new { statuses = new { max_characters = MaxCharacters, max_media_attachments = 4, characters_reserved_per_url = CharactersReservedPerUrl } },
            });
        });
        app.MapPost("/api/v1/statuses", PostAsync);
        app.MapDelete("/api/v1/statuses/{id}", DeleteAsync);
    }

    private async Task PostAsync(HttpContext context)
    {
        if (await Refused(context, context.Request.Headers.Authorization != $"Bearer {AccessToken}" ? new FakeFault.TokenExpired() : null)) return;
        if (context.Request.Headers["Idempotency-Key"].ToString() is not { Length: > 0 } key)
        {
            await Error(context, 400, "CrisisComms expects an Idempotency-Key on every post.");
            return;
        }
        var fields = await Fields(context.Request);
        var status = fields.GetValueOrDefault("status") ?? "";
        var inReplyTo = fields.GetValueOrDefault("in_reply_to_id");
        if (inReplyTo is not null && !LivePosts().Any(p => p.Id == inReplyTo))
        {
            await Error(context, 404, "Record not found: in_reply_to_id is not a status of this instance.");
            return;
        }
        var fault = TakeFault();
        if (await Refused(context, fault)) return;

        FakePost? post;
        lock (byKey)
        {
            post = byKey.GetValueOrDefault(key);
            if (post is null && Length(status) <= MaxCharacters)
            {
                post = Record(n => new FakePost((110_000_000_000_000_000 + n).ToString(CultureInfo.InvariantCulture), status,
                    Visibility: fields.GetValueOrDefault("visibility"), IdempotencyKey: key) { InReplyTo = inReplyTo });
                byKey[key] = post;
            }
        }
        if (post is null)
        {
            await Error(context, 422, $"Validation failed: Text character limit of {MaxCharacters} exceeded");
            return;
        }
        if (fault is FakeFault.SlowAfterAccepting slow) await DelayAsync(context, slow.Delay);
        await context.Response.WriteAsJsonAsync(Status(post));
    }

    private async Task DeleteAsync(HttpContext context, string id)
    {
        if (await Refused(context, context.Request.Headers.Authorization != $"Bearer {AccessToken}" ? new FakeFault.TokenExpired() : TakeFault())) return;
        var post = Posts.FirstOrDefault(p => p.Id == id);
        if (post is null || !RecordDelete(id))
        {
            await Error(context, 404, "Record not found");
            return;
        }
        await context.Response.WriteAsJsonAsync(Status(post));
    }

    private static object Status(FakePost post) => new
    {
        id = post.Id,
        visibility = post.Visibility,
        text = post.Text,
        content = $"<p>{System.Net.WebUtility.HtmlEncode(post.Text)}</p>",
        url = $"https://mastodon.example/@kommun/{post.Id}",
    };

    private static async Task<bool> Refused(HttpContext context, FakeFault? fault)
    {
        switch (fault)
        {
            case FakeFault.Unavailable:
                await Error(context, 503, "Service Unavailable");
                return true;
            case FakeFault.RateLimited limited:
                context.Response.Headers["X-RateLimit-Limit"] = "300";
                context.Response.Headers["X-RateLimit-Remaining"] = "0";
                context.Response.Headers["X-RateLimit-Reset"] = limited.ResetAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                await Error(context, 429, "Too many requests");
                return true;
            case FakeFault.TokenExpired:
                await Error(context, 401, "The access token is invalid");
                return true;
            case FakeFault.Forbidden:
                await Error(context, 403, "This action is not allowed");
                return true;
            default:
                return false;
        }
    }

    private static Task Error(HttpContext context, int status, string error)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { error });
    }

    private static async Task<Dictionary<string, string?>> Fields(HttpRequest request)
    {
        if (request.HasFormContentType)
            return (await request.ReadFormAsync()).ToDictionary(f => f.Key, f => (string?)f.Value.ToString());
        using var json = await JsonDocument.ParseAsync(request.Body);
        return json.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
    }

    /// <summary>Mastodon's count, independently: graphemes, each link counted as <see cref="CharactersReservedPerUrl"/>.</summary>
    public int Length(string status) =>
        new StringInfo(Link().Replace(status, new string('x', CharactersReservedPerUrl))).LengthInTextElements;

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
