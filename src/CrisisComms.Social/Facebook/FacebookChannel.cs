using System.Globalization;
using System.Text.Json;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Social.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrisisComms.Social.Facebook;

/// <summary>
/// Posts to a Facebook Page's feed through the Graph API. The link goes in the <c>link</c> field, which makes
/// the preview card, and also ends the message: the card is not drawn everywhere (some readers, some
/// countries' news-link rules), and the post must lead to the site on its own.
/// The Graph API has no idempotency key; a retry after an unseen success is refused as a duplicate (506),
/// which is taken as "already posted" and the earlier post looked up in the Page's latest posts.
/// </summary>
internal sealed class FacebookChannel(
    HttpClient http, IOptions<SocialOptions> options, ChannelHealthRegistry health, TimeProvider time, ILogger<FacebookChannel> logger)
    : SocialChannel(http, health, time, logger, options.Value.Facebook.Secrets)
{
    public const string ChannelName = "facebook";

    /// <summary>The Graph API's limit on a post's message.</summary>
    public const int Limit = 63_206;

    private readonly FacebookOptions facebook = options.Value.Facebook;

    public override string Name => ChannelName;

    /// <summary>A Page post's id is "{page id}_{post id}", which facebook.com resolves as it is.</summary>
    protected override string PostUrlOf(string externalId) => $"https://www.facebook.com/{Uri.EscapeDataString(externalId)}";

    protected override string DisplayName => "Facebook";

    public override ValueTask<SocialPostPreview> PreviewAsync(SocialMessage message, CancellationToken ct = default)
    {
        var fitted = Fit(message);
        return ValueTask.FromResult(new SocialPostPreview(Name, fitted.Text, fitted.Length, Limit));
    }

    protected override async Task<PostOutcome> SendPostAsync(SocialMessage message, string idempotencyKey, CancellationToken ct)
    {
        var text = Fit(message).Text;
        var request = new HttpRequestMessage(HttpMethod.Post, Endpoint($"{Escaped(facebook.PageId!)}/feed"))
        {
            // The token goes in the body, where no request log or proxy records it.
            Content = new FormUrlEncodedContent(
                [new("message", text), new("link", message.Link.Trim()), new("access_token", facebook.PageAccessToken!)]),
        };
        var reply = await SendAsync(request, ct);
        if (reply.IsSuccess)
        {
            return reply.Property("id") is { } id
                ? new PostOutcome.Posted(id)
                : new PostOutcome.Retry("Facebook accepted the post but its answer had no id.", null);
        }
        if (Code(reply) == FacebookError.Duplicate)
            return new PostOutcome.Posted(await FindAsync(text, ct) ?? UnknownPostId);
        return Refused(reply, "post");
    }

    protected override async Task<PostOutcome> SendDeleteAsync(string externalId, CancellationToken ct)
    {
        var reply = await SendAsync(new HttpRequestMessage(HttpMethod.Delete, WithToken(Escaped(externalId))), ct);
        var alreadyGone = Code(reply) == FacebookError.NoSuchObject && reply.Property("error", "error_subcode") == "33";
        return reply.IsSuccess || alreadyGone ? new PostOutcome.Posted(externalId) : Refused(reply, "deletion");
    }

    private static FittedText Fit(SocialMessage message) => PostText.Fit(message, PlainTextMeasure.Instance, Limit);

    private async Task<string?> FindAsync(string text, CancellationToken ct)
    {
        var url = WithToken($"{Escaped(facebook.PageId!)}/feed", "fields=id,message&limit=20");
        var reply = await SendAsync(new HttpRequestMessage(HttpMethod.Get, url), ct);
        string? found = null;
        if (reply.IsSuccess)
        {
            using var json = JsonDocument.Parse(reply.Body);
            if (json.RootElement.TryGetProperty("data", out var posts) && posts.ValueKind == JsonValueKind.Array)
            {
                found = posts.EnumerateArray()
                    .Where(p => p.TryGetProperty("message", out var m) && SameText.Matches(text, m.GetString()))
                    .Select(p => p.TryGetProperty("id", out var id) ? id.GetString() : null)
                    .FirstOrDefault();
            }
        }
        SocialLog.Duplicate(Logger, Name, found ?? "none");
        return found;
    }

    private PostOutcome Refused(ServerReply reply, string what)
    {
        var code = Code(reply);
        var detail = reply.Property("error", "message") ?? reply.Excerpt();
        if (code == FacebookError.InvalidToken)
            return new PostOutcome.Failed("Facebook rejected the Page access token (expired or revoked); renew CrisisComms:Social:Facebook:PageAccessToken.");
        if (code is { } c && FacebookError.IsTransient(c))
        {
            var why = FacebookError.IsThrottling(c) ? "rate limit reached" : "temporarily unavailable";
            return new PostOutcome.Retry($"Facebook {why} for the {what} (code {c}): {detail}", reply.RetryAfter(Time));
        }
        if (reply.Code >= 500) return Unexpected(reply);
        return new PostOutcome.Failed($"Facebook refused the {what} ({(code is null ? reply.Code : $"code {code}")}): {detail}");
    }

    private static int? Code(ServerReply reply) =>
        int.TryParse(reply.Property("error", "code"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : null;

    private Uri Endpoint(string path) => new($"{facebook.BaseUrl.TrimEnd('/')}/{path}");

    // A DELETE or GET has no body, so the token must ride in the query; .NET's HTTP client logs
    // redact query strings (since .NET 9), and our own logs never carry URLs.
    private Uri WithToken(string path, string? query = null) =>
        Endpoint($"{path}?{(query is null ? "" : query + "&")}access_token={Uri.EscapeDataString(facebook.PageAccessToken!)}");

    private static string Escaped(string segment) => Uri.EscapeDataString(segment);
}
