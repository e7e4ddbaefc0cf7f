using System.Text.Json;
using CrisisComms.Domain.Dispatch;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace CrisisComms.Social;

/// <summary>
/// What the three adapters share, in one place so none can forget a part: an unreachable or slow server
/// becomes a retry rather than an exception, every outcome has the credentials scrubbed from it, is logged
/// and is reported to the <see cref="ChannelHealthRegistry"/>.
/// </summary>
internal abstract class SocialChannel(
    HttpClient http, ChannelHealthRegistry health, TimeProvider time, ILogger logger, IEnumerable<string> secrets)
    : ISocialChannel
{
    /// <summary>
    /// The external id of a post the server says exists (a duplicate) but whose id could not be found.
    /// Deleting it is left to a person.
    /// </summary>
    public const string UnknownPostId = "duplicate";

    private readonly string[] secrets = [.. secrets.Where(s => s.Length > 0).OrderByDescending(s => s.Length)];

    public abstract string Name { get; }

    /// <summary>The channel as people write it: "X", "Mastodon", "Facebook".</summary>
    protected abstract string DisplayName { get; }

    protected HttpClient Http => http;

    protected TimeProvider Time => time;

    protected internal ILogger Logger => logger;

    public abstract ValueTask<SocialPostPreview> PreviewAsync(SocialMessage message, CancellationToken ct = default);

    public async Task<PostOutcome> PostAsync(SocialMessage message, string idempotencyKey, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        var outcome = await GuardAsync(() => SendPostAsync(message, idempotencyKey, ct), ct);
        if (outcome is PostOutcome.Posted posted)
        {
            // The preview is the same fitting the post was made with: the exact text that went out.
            var sent = await PreviewAsync(message, ct);
            outcome = posted with { Text = sent.Text, Url = posted.ExternalId == UnknownPostId ? null : PostUrlOf(posted.ExternalId) };
        }
        health.RecordPost(Name, outcome);
        Log("post", outcome);
        return outcome;
    }

    public async Task<PostOutcome> DeleteAsync(string externalId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(externalId);
        if (externalId == UnknownPostId)
        {
            // Not the channel's fault: its health stays as it is.
            var unknown = new PostOutcome.Failed($"The post was made but {DisplayName} did not tell its id; delete it on {DisplayName} by hand.");
            Log("delete", unknown);
            return unknown;
        }
        var outcome = await GuardAsync(() => SendDeleteAsync(externalId, ct), ct);
        health.RecordDelete(Name, outcome);
        Log("delete", outcome);
        return outcome;
    }

    /// <summary>Where a person finds the post with this id on the channel.</summary>
    protected abstract string PostUrlOf(string externalId);

    protected abstract Task<PostOutcome> SendPostAsync(SocialMessage message, string idempotencyKey, CancellationToken ct);

    protected abstract Task<PostOutcome> SendDeleteAsync(string externalId, CancellationToken ct);

    protected internal async Task<ServerReply> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        using (request)
        using (var response = await http.SendAsync(request, ct))
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            return new ServerReply(response.StatusCode, response.Headers, body);
        }
    }

    /// <summary>An answer no adapter rule covers: a server-side or timing status is worth another try, the rest is not.</summary>
    protected PostOutcome Unexpected(ServerReply reply) => reply.Code is >= 500 or 408
        ? new PostOutcome.Retry($"{DisplayName} answered {reply.Code}: {reply.Excerpt()}", reply.RetryAfter(time))
        : new PostOutcome.Failed($"{DisplayName} refused the request ({reply.Code}): {reply.Excerpt()}");

    protected string Redact(string text)
    {
        foreach (var secret in secrets)
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        return text;
    }

    private async Task<PostOutcome> GuardAsync(Func<Task<PostOutcome>> call, CancellationToken ct)
    {
        PostOutcome outcome;
        try
        {
            outcome = await call();
        }
        catch (TimeoutRejectedException e)
        {
            outcome = new PostOutcome.Retry($"{DisplayName} did not answer within {e.Timeout.TotalSeconds:0.#} s.", null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            outcome = new PostOutcome.Retry($"{DisplayName} did not answer in time.", null);
        }
        catch (HttpRequestException e)
        {
            outcome = new PostOutcome.Retry($"{DisplayName} could not be reached: {e.Message}", null);
        }
        catch (JsonException)
        {
            outcome = new PostOutcome.Retry($"{DisplayName} sent an answer that could not be read.", null);
        }
        return outcome switch
        {
            PostOutcome.Retry r => r with { Error = Redact(r.Error) },
            PostOutcome.Failed f => f with { Error = Redact(f.Error) },
            _ => outcome,
        };
    }

    private void Log(string action, PostOutcome outcome)
    {
        switch (outcome)
        {
            case PostOutcome.Posted p: SocialLog.Done(logger, Name, action, p.ExternalId); break;
            case PostOutcome.Retry r: SocialLog.WillRetry(logger, Name, action, r.NotBefore, r.Error); break;
            case PostOutcome.Failed f: SocialLog.NeedsPerson(logger, Name, action, f.Error); break;
        }
    }
}
