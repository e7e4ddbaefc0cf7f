using System.Diagnostics.Metrics;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;

namespace CrisisComms.Server.Metrics;

/// <summary>
/// The service's own instruments, on the meter "CrisisComms". The Prometheus exporter names them
/// crisiscomms_stage_delay_seconds, crisiscomms_stage_failures_total, crisiscomms_banner_connections
/// and crisiscomms_social_attempts_total. Each is fed from one call, made once a change is saved,
/// so a node that lost a write to another counts nothing.
/// </summary>
internal sealed class CrisisMetrics
{
    public const string MeterName = "CrisisComms";

    // From a second to an hour: the intranet lead and a social retry's backoff both fall inside.
    private static readonly double[] DelayBuckets = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 600, 1800, 3600];

    private readonly Histogram<double> _stageDelay;
    private readonly Counter<long> _stageFailures;
    private readonly UpDownCounter<long> _bannerConnections;
    private readonly Counter<long> _socialAttempts;

    public CrisisMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _stageDelay = meter.CreateHistogram("crisiscomms.stage.delay", "s", "From approval to a stage done.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = DelayBuckets });
        _stageFailures = meter.CreateCounter<long>("crisiscomms.stage.failures", description: "Stages that failed and need a person.");
        _bannerConnections = meter.CreateUpDownCounter<long>("crisiscomms.banner.connections", description: "Open banner hub connections.");
        _socialAttempts = meter.CreateCounter<long>("crisiscomms.social.attempts", description: "Calls to a social channel to post, by outcome.");
    }

    /// <summary>Counts the stages a saved change completed or failed, from its events.</summary>
    public void StagesSaved(IReadOnlyList<Notice> notices, IReadOnlyList<NoticeEvent> events)
    {
        foreach (var happened in events)
        {
            // A post that lands after a withdrawal is a LatePostRecorded, not a delivery: not counted.
            if (happened is StageCompleted done && notices.FirstOrDefault(n => n.Id == done.NoticeId)?.ApprovedAt is { } approved)
                _stageDelay.Record(Math.Max(0, (done.At - approved).TotalSeconds), Tag(done.Stage));
            else if (happened is StageFailed failed)
                _stageFailures.Add(1, Tag(failed.Stage));
        }
    }

    private static KeyValuePair<string, object?> Tag(string stageName) => new("stage", Kind(stageName));

    /// <summary>A banner hub connection joined (+1) or left (-1) its audience.</summary>
    public void BannerConnection(string audience, int change) =>
        _bannerConnections.Add(change, new KeyValuePair<string, object?>("audience", audience));

    /// <summary>One call to a social channel to post: posted, retry or failed.</summary>
    public void SocialAttempt(string channel, PostOutcome outcome) =>
        _socialAttempts.Add(1,
            new KeyValuePair<string, object?>("channel", channel),
            new KeyValuePair<string, object?>("outcome", outcome switch
            {
                PostOutcome.Posted => "posted",
                PostOutcome.Retry => "retry",
                _ => "failed",
            }));

    private static string Kind(string stageName) => stageName is Stage.Intranet or Stage.Public ? stageName : "social";
}
