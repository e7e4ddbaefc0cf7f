using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Social.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrisisComms.Social.Mastodon;

/// <summary>
/// Posts a public status to a Mastodon account. The <c>Idempotency-Key</c> makes a retry of one post return
/// the status already made instead of a second one (Mastodon keeps keys for an hour).
/// </summary>
internal sealed class MastodonChannel(
    HttpClient http, IOptions<SocialOptions> options, MastodonLimitsCache limits, ChannelHealthRegistry health,
    TimeProvider time, ILogger<MastodonChannel> logger)
    : SocialChannel(http, health, time, logger, options.Value.Mastodon.Secrets)
{
    public const string ChannelName = "mastodon";

    private readonly MastodonOptions mastodon = options.Value.Mastodon;

    public override string Name => ChannelName;

    protected override string DisplayName => "Mastodon";

    public override async ValueTask<SocialPostPreview> PreviewAsync(SocialMessage message, CancellationToken ct = default)
    {
        var (fitted, limit) = await FitAsync(message, ct);
        return new SocialPostPreview(Name, fitted.Text, fitted.Length, limit);
    }

    protected override async Task<PostOutcome> SendPostAsync(SocialMessage message, string idempotencyKey, CancellationToken ct)
    {
        var (fitted, _) = await FitAsync(message, ct);
        var request = Authorized(HttpMethod.Post, "api/v1/statuses");
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        List<KeyValuePair<string, string>> fields = [new("status", fitted.Text), new("visibility", "public")];
        if (message.InReplyTo is { } first) fields.Add(new("in_reply_to_id", first));
        request.Content = new FormUrlEncodedContent(fields);
        var reply = await SendAsync(request, ct);
        if (reply.IsSuccess)
        {
            return reply.Property("id") is { } id
                ? new PostOutcome.Posted(id)
                : new PostOutcome.Retry("Mastodon accepted the post but its answer had no id.", null);
        }
        return Refused(reply, "post");
    }

    protected override async Task<PostOutcome> SendDeleteAsync(string externalId, CancellationToken ct)
    {
        var reply = await SendAsync(Authorized(HttpMethod.Delete, $"api/v1/statuses/{Uri.EscapeDataString(externalId)}"), ct);
        return reply.IsSuccess || reply.Status == HttpStatusCode.NotFound
            ? new PostOutcome.Posted(externalId)
            : Refused(reply, "deletion");
    }

    private async ValueTask<(FittedText Text, int Limit)> FitAsync(SocialMessage message, CancellationToken ct)
    {
        var instance = await limits.GetAsync(FetchLimitsAsync, ct);
        var measure = new MastodonTextMeasure(instance.CharactersReservedPerUrl);
        return (PostText.Fit(message, measure, instance.MaxCharacters), instance.MaxCharacters);
    }

    private async Task<MastodonLimits?> FetchLimitsAsync(CancellationToken ct)
    {
        try
        {
            var reply = await SendAsync(new HttpRequestMessage(HttpMethod.Get, Endpoint("api/v2/instance")), ct);
            if (!reply.IsSuccess) throw new HttpRequestException($"answered {reply.Code}");
            using var json = JsonDocument.Parse(reply.Body);
            var statuses = json.RootElement.GetProperty("configuration").GetProperty("statuses");
            return new MastodonLimits(
                statuses.GetProperty("max_characters").GetInt32(),
                statuses.TryGetProperty("characters_reserved_per_url", out var url) ? url.GetInt32() : MastodonLimits.Default.CharactersReservedPerUrl);
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
                                   or OperationCanceledException && !ct.IsCancellationRequested)
        {
            SocialLog.LimitsFallback(Logger, Name, Redact(e.Message), MastodonLimits.Default.MaxCharacters);
            return null;
        }
    }

    private HttpRequestMessage Authorized(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, Endpoint(path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", mastodon.AccessToken);
        return request;
    }

    /// <summary>The instance's web address of a status; it redirects to the account's own URL of it.</summary>
    protected override string PostUrlOf(string externalId) => $"{mastodon.BaseUrl!.TrimEnd('/')}/web/statuses/{Uri.EscapeDataString(externalId)}";

    private Uri Endpoint(string path) => new($"{mastodon.BaseUrl!.TrimEnd('/')}/{path}");

    private PostOutcome Refused(ServerReply reply, string what) => reply.Code switch
    {
        429 => new PostOutcome.Retry($"Mastodon rate limit reached for the {what}.", RateLimitReset(reply) ?? reply.RetryAfter(Time)),
        401 => new PostOutcome.Failed("Mastodon rejected the access token (expired or revoked); renew CrisisComms:Social:Mastodon:AccessToken."),
        403 or 422 => new PostOutcome.Failed($"Mastodon refused the {what}: {reply.Property("error") ?? reply.Excerpt()}"),
        _ => Unexpected(reply),
    };

    /// <summary><c>X-RateLimit-Reset</c>: when the window reopens, an ISO 8601 time.</summary>
    private static DateTimeOffset? RateLimitReset(ServerReply reply) =>
        DateTimeOffset.TryParse(reply.Header("X-RateLimit-Reset"), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var reset) ? reset : null;
}
