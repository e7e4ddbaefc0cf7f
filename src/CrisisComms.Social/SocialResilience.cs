using System.Net.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace CrisisComms.Social;

/// <summary>
/// The in-process part of a post's retries: a timeout on each request, and a quick second try only
/// when the server was never reached (no connection, no name), since only then can a retry not
/// post twice on a channel without idempotency keys. Everything else becomes a
/// <see cref="CrisisComms.Domain.Dispatch.PostOutcome.Retry"/> whose schedule is kept in the store.
/// </summary>
internal static class SocialResilience
{
    public const int QuickRetries = 2;

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, TimeSpan timeout)
    {
        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = QuickRetries,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            ShouldHandle = args => ValueTask.FromResult(NeverReached(args.Outcome.Exception)),
        });
        pipeline.AddTimeout(timeout);
    }

    private static bool NeverReached(Exception? e) =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
}
