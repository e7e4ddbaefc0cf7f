using System.Net;
using System.Net.Http.Json;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Social.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrisisComms.Social.X;

/// <summary>
/// Posts to X through API v2 (<c>POST /2/tweets</c>), signed with OAuth 1.0a user context.
/// X has no idempotency key: a retry after an unseen success is answered "duplicate content", which is
/// taken as "already posted" and the earlier post looked up (see <see cref="XPostLookup"/>).
/// </summary>
internal sealed class XChannel(
    HttpClient http, IOptions<SocialOptions> options, ChannelHealthRegistry health, TimeProvider time, ILogger<XChannel> logger)
    : SocialChannel(http, health, time, logger, options.Value.X.Secrets)
{
    public const string ChannelName = "x";

    private readonly XOptions x = options.Value.X;
    private readonly OAuthSigner signer = new(new OAuthCredentials(
        options.Value.X.ConsumerKey ?? "", options.Value.X.ConsumerSecret ?? "",
        options.Value.X.AccessToken ?? "", options.Value.X.AccessTokenSecret ?? ""));

    public override string Name => ChannelName;

    protected override string DisplayName => "X";

    protected override string PostUrlOf(string externalId) => $"https://x.com/i/web/status/{Uri.EscapeDataString(externalId)}";

    public override ValueTask<SocialPostPreview> PreviewAsync(SocialMessage message, CancellationToken ct = default)
    {
        var fitted = Fit(message);
        return ValueTask.FromResult(new SocialPostPreview(Name, fitted.Text, fitted.Length, XTextMeasure.Limit));
    }

    protected override async Task<PostOutcome> SendPostAsync(SocialMessage message, string idempotencyKey, CancellationToken ct)
    {
        var text = Fit(message).Text;
        var request = Signed(HttpMethod.Post, Endpoint("2/tweets"));
        request.Content = message.InReplyTo is { } first
            ? JsonContent.Create(new { text, reply = new { in_reply_to_tweet_id = first } })
            : JsonContent.Create(new { text });
        var reply = await SendAsync(request, ct);
        if (reply.IsSuccess)
        {
            return reply.Property("data", "id") is { } id
                ? new PostOutcome.Posted(id)
                : new PostOutcome.Retry("X accepted the post but its answer had no id.", null);
        }
        if (reply.Status == HttpStatusCode.Forbidden && reply.Body.Contains("duplicate content", StringComparison.OrdinalIgnoreCase))
            return new PostOutcome.Posted(await new XPostLookup(this).FindAsync(text, ct) ?? UnknownPostId);
        return Refused(reply, "post");
    }

    protected override async Task<PostOutcome> SendDeleteAsync(string externalId, CancellationToken ct)
    {
        var reply = await SendAsync(Signed(HttpMethod.Delete, Endpoint($"2/tweets/{Uri.EscapeDataString(externalId)}")), ct);
        // Already gone is what a withdrawal wants.
        return reply.IsSuccess || reply.Status == HttpStatusCode.NotFound
            ? new PostOutcome.Posted(externalId)
            : Refused(reply, "deletion");
    }

    internal Uri Endpoint(string path) => new($"{x.BaseUrl.TrimEnd('/')}/{path}");

    internal HttpRequestMessage Signed(HttpMethod method, Uri url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.TryAddWithoutValidation("Authorization",
            signer.AuthorizationHeader(method.Method, url, OAuthSigner.NewNonce(), Time.GetUtcNow().ToUnixTimeSeconds()));
        return request;
    }

    private static FittedText Fit(SocialMessage message) => PostText.Fit(message, XTextMeasure.Instance, XTextMeasure.Limit);

    private PostOutcome Refused(ServerReply reply, string what) => reply.Code switch
    {
        429 => new PostOutcome.Retry($"X rate limit reached for the {what}.", RateLimitReset(reply) ?? reply.RetryAfter(Time)),
        401 => new PostOutcome.Failed("X rejected the credentials (expired or revoked access token, or wrong keys); renew CrisisComms:Social:X."),
        403 => new PostOutcome.Failed($"X refused the {what}: {reply.Property("detail") ?? reply.Excerpt()}"),
        400 => new PostOutcome.Failed($"X found the {what} invalid: {reply.Property("detail") ?? reply.Excerpt()}"),
        _ => Unexpected(reply),
    };

    /// <summary><c>x-rate-limit-reset</c>: when the window reopens, in Unix seconds.</summary>
    private static DateTimeOffset? RateLimitReset(ServerReply reply) =>
        long.TryParse(reply.Header("x-rate-limit-reset"), out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
}
