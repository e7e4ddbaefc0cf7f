using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Webhooks;

/// <summary>
/// One delivery attempt: the body signed with the webhook's secret, and the stage's idempotency key,
/// the same on every attempt. Anything but a 2xx is tried again. Neither the secret nor the URL
/// (a Teams Workflows URL carries its own signature) is ever logged.
/// </summary>
internal sealed class WebhookSender(HttpClient http, IOptions<WebhooksOptions> options, WebhookDeliveryOptions delivery, TimeProvider time)
{
    public const string SignatureHeader = "X-CrisisComms-Signature";

    public async Task<PostOutcome> SendAsync(Notice notice, Stage stage, CancellationToken ct)
    {
        if (!options.Value.Hooks.TryGetValue(stage.Webhook!, out var hook))
            return new PostOutcome.Failed($"The webhook '{stage.Webhook}' is no longer configured.");
        var body = WebhookPayload.For(notice, stage, hook.Format ?? "json");
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("Idempotency-Key", stage.IdempotencyKey);
        request.Headers.Add(SignatureHeader, Sign(body, hook.Secret!));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(delivery.Timeout);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new PostOutcome.Posted($"HTTP {status}")
                : new PostOutcome.Retry($"The receiver answered HTTP {status}.", RetryAfter(response, time.GetUtcNow()));
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new PostOutcome.Retry($"No answer within {delivery.Timeout.TotalSeconds:0} s.", null);
        }
        catch (HttpRequestException e)
        {
            return new PostOutcome.Retry($"The receiver could not be reached: {e.HttpRequestError}.", null);
        }
    }

    /// <summary><c>sha256=</c> and the lower-case hex HMAC-SHA256 of the raw body, keyed with the secret (UTF-8).</summary>
    public static string Sign(byte[] body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static DateTimeOffset? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter?.Date ?? (response.Headers.RetryAfter?.Delta is { } delta ? now + delta : null);
}
