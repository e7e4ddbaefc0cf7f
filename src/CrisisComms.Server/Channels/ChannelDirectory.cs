using System.Text.Json;
using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Channels;
using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Social;

namespace CrisisComms.Server.Channels;

/// <summary>A configured channel as the API shows it: its state with the decision behind it, and its health.</summary>
public sealed record ChannelResponse(string Name, ChannelState State, bool Healthy, string? LastError, DateTimeOffset? LastErrorAt,
    DateTimeOffset? LastPostAt, string? ChangedBy, DateTimeOffset? ChangedAt, string? Reason);

/// <summary>No configured channel of that name (404).</summary>
internal sealed class ChannelNotFoundException(string name) : Exception($"No channel '{name}' is configured.");

/// <summary>
/// The configured social channels (those with credentials), their stored state and their stored health.
/// An approval or suspension is saved with its audit entry in one write, over the revision it was read at.
/// </summary>
internal sealed class ChannelDirectory(ChannelHealthRegistry health, IDocumentStore documents, INoticeStore store, TimeProvider time,
    ILogger<ChannelDirectory> logger)
{
    private const int Attempts = 3;

    public async Task<IReadOnlyList<ChannelResponse>> ListAsync(CancellationToken ct)
    {
        var decisions = await DecisionsAsync(ct);
        return [.. (await health.ReadAsync(ct)).Select(h => Response(h, decisions.GetValueOrDefault(h.Name)))];
    }

    /// <summary>
    /// The configured channels that may not be posted to now, with the reason a skipped stage records.
    /// Asked each time the dispatch looks, so a suspension stops the next post on every node.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string>> HeldAsync(CancellationToken ct)
    {
        var decisions = await DecisionsAsync(ct);
        var held = new Dictionary<string, string>();
        foreach (var name in health.Snapshot().Select(h => h.Name))
            if (ChannelRules.WhyNotPosted(name, decisions.GetValueOrDefault(name)) is { } reason) held[name] = reason;
        return held;
    }

    public async Task<ChannelResponse> DecideAsync(string name, ChannelState to, Actor actor, string? reason, CancellationToken ct)
    {
        if (!health.Snapshot().Any(h => h.Name == name)) throw new ChannelNotFoundException(name);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await documents.GetAsync(ChannelDecision.Kind, name, ct);
            var change = ChannelRules.Decide(name, stored is null ? null : Deserialize(stored.Json), to, actor, reason, time.GetUtcNow());
            var after = change.After;
            var audit = new AuditEntry(after.At, actor.Subject, to == ChannelState.Approved ? AuditActions.ChannelApproved : AuditActions.ChannelSuspended,
                Reason: after.Reason, Detail: $"{name} state before: {Camel(change.Before)}; after: {Camel(after.State)}");
            var document = new StoredDocument(ChannelDecision.Kind, name, JsonSerializer.Serialize(after, StoredJson.Options))
                { Revision = stored?.Revision ?? 0 };
            try
            {
                await store.SaveAsync(new ChangeSet([], [audit], false) { Documents = [document] }, ct);
            }
            catch (DocumentChangedException) when (attempt < Attempts)
            {
                // Another admin decided at the same moment: decide again over what they saved.
                continue;
            }
            logger.LogInformation("Channel {Channel} {State} by {Actor}", name, after.State, actor.Subject);
            var now = (await health.ReadAsync(ct)).First(h => h.Name == name);
            return Response(now, after);
        }
    }

    private async Task<Dictionary<string, ChannelDecision>> DecisionsAsync(CancellationToken ct) =>
        (await documents.ListAsync(ChannelDecision.Kind, ct)).ToDictionary(d => d.Key, d => Deserialize(d.Json));

    private static ChannelResponse Response(ChannelHealth h, ChannelDecision? d) =>
        new(h.Name, ChannelRules.StateOf(d), h.Healthy, h.LastError, h.LastErrorAt, h.LastPostAt, d?.By, d?.At, d?.Reason);

    private static string Camel(ChannelState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    private static ChannelDecision Deserialize(string json) =>
        JsonSerializer.Deserialize<ChannelDecision>(json, StoredJson.Options) ?? throw new InvalidDataException("Empty channel document.");
}
