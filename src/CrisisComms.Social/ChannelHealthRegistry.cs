using System.Text.Json;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CrisisComms.Social;

/// <summary>
/// How each channel that is on has been doing, for <c>GET /api/v1/channels</c>. A channel turns unhealthy
/// after a failure that needs a person (revoked token, policy block) and healthy again after its next success;
/// a failure worth retrying is remembered as the last error but does not turn it unhealthy.
/// With a store, the health is kept there (document <see cref="Kind"/>/<c>{channel}</c>), so every node
/// reads the same and a restart forgets nothing. Each outcome is applied to the stored health in the
/// background, one write at a time, unaudited: a slow or absent store never holds up a post's outcome.
/// </summary>
public sealed class ChannelHealthRegistry
{
    public const string Kind = "channelHealth";

    private static readonly TimeSpan WriteTimeout = TimeSpan.FromSeconds(5);

    private readonly TimeProvider time;
    private readonly IDocumentStore? store;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly List<ChannelHealth> channels;
    private Task lastWrite = Task.CompletedTask;

    public ChannelHealthRegistry(IEnumerable<string> channelNames, TimeProvider time, IDocumentStore? store = null, ILogger? logger = null)
    {
        this.time = time;
        this.store = store;
        this.logger = logger ?? NullLogger.Instance;
        channels = channelNames.Distinct().Select(Fresh).ToList();
    }

    /// <summary>
    /// The channels that are on, in the order they were registered, as this node's own calls found
    /// them (without a store, all there is; with one, <see cref="ReadAsync"/> is what every node shares).
    /// </summary>
    public IReadOnlyList<ChannelHealth> Snapshot()
    {
        lock (gate) return [.. channels];
    }

    /// <summary>The health of each channel that is on: as stored (the same from every node), or as this node saw it without a store.</summary>
    public async Task<IReadOnlyList<ChannelHealth>> ReadAsync(CancellationToken ct = default)
    {
        var seen = Snapshot();
        if (store is null) return seen;
        var stored = (await store.ListAsync(Kind, ct)).ToDictionary(d => d.Key, d => Deserialize(d.Json));
        return [.. seen.Select(c => stored.GetValueOrDefault(c.Name) ?? Fresh(c.Name))];
    }

    /// <summary>Waits for the health writes started so far (a test, or a host that stops).</summary>
    public Task FlushAsync()
    {
        lock (gate) return lastWrite;
    }

    public void RecordPost(string channel, PostOutcome outcome) => Record(channel, outcome, isPost: true);

    public void RecordDelete(string channel, PostOutcome outcome) => Record(channel, outcome, isPost: false);

    private void Record(string channel, PostOutcome outcome, bool isPost)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var index = channels.FindIndex(c => c.Name == channel);
            if (index < 0)
            {
                channels.Add(Fresh(channel));
                index = channels.Count - 1;
            }
            channels[index] = Apply(channels[index], outcome, isPost, now);
            // Chained, so the writes keep the order of the outcomes; on the thread pool, never on the caller's.
            if (store is not null) lastWrite = lastWrite.ContinueWith(_ => WriteAsync(channel, outcome, isPost, now),
                CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
        }
    }

    /// <summary>
    /// Applies the outcome to the stored health (not this node's copy), so what another node recorded
    /// is kept. Last writer wins between two nodes at the same instant: health is a hint, not a record.
    /// </summary>
    private async Task WriteAsync(string channel, PostOutcome outcome, bool isPost, DateTimeOffset now)
    {
        using var timeout = new CancellationTokenSource(WriteTimeout, time);
        try
        {
            var stored = await store!.GetAsync(Kind, channel, timeout.Token);
            var health = Apply(stored is null ? Fresh(channel) : Deserialize(stored.Json), outcome, isPost, now);
            await store.PutAsync(new StoredDocument(Kind, channel, JsonSerializer.Serialize(health, StoredJson.Options)), timeout.Token);
        }
        catch (Exception e)
        {
            SocialLog.HealthNotStored(logger, channel, e);
        }
    }

    private static ChannelHealth Apply(ChannelHealth health, PostOutcome outcome, bool isPost, DateTimeOffset now) => outcome switch
    {
        PostOutcome.Posted => health with { Healthy = true, LastPostAt = isPost ? now : health.LastPostAt },
        PostOutcome.Retry retry => health with { LastError = retry.Error, LastErrorAt = now },
        PostOutcome.Failed failed => health with { Healthy = false, LastError = failed.Error, LastErrorAt = now },
        _ => health,
    };

    private static ChannelHealth Fresh(string name) => new(name, true, null, null, null);

    private static ChannelHealth Deserialize(string json) =>
        JsonSerializer.Deserialize<ChannelHealth>(json, StoredJson.Options) ?? throw new InvalidDataException("Empty channel health document.");
}
