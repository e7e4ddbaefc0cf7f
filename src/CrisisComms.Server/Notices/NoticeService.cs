using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using CrisisComms.Domain.Storage;
using CrisisComms.Domain.Validation;
using CrisisComms.Server.Changes;
using CrisisComms.Server.Configuration;
using CrisisComms.Server.Webhooks;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Notices;

/// <summary>
/// The officer use cases. Each one loads, lets the domain decide, and saves the notices, their audit
/// lines and the banner revision in one atomic write; when someone else changed the notice at the
/// same moment it reloads and decides again.
/// </summary>
internal sealed partial class NoticeService(
    INoticeStore store,
    TimeProvider time,
    DispatchTimings timings,
    IOptions<SiteOptions> site,
    IEnumerable<ISocialChannel> channels,
    IOptions<WebhooksOptions> webhooks,
    ChangePipeline pipeline)
{
    private readonly HashSet<string> _channelsOn = channels.Select(c => c.Name).ToHashSet();
    private readonly IReadOnlyList<WebhookTarget> _webhooks = webhooks.Value.Targets();

    public async Task<Notice> GetAsync(string id, CancellationToken ct) =>
        await store.GetAsync(id, ct) ?? throw new NoticeNotFoundException(id);

    public Task<Notice?> FindAsync(string id, CancellationToken ct) => store.GetAsync(id, ct);

    public Task<IReadOnlyList<Notice>> ListAsync(NoticeQuery query, CancellationToken ct) => store.ListAsync(query, ct);

    public async Task<Notice> CreateAsync(NoticeInput input, Actor actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var draft = Validate(input, now);
        var id = NewId();
        var notice = Notice.Create(id, id, 1, NoticeKind.Alert, draft, IsExternal(draft), actor, now);
        await pipeline.SaveAsync(new Decision([notice], [notice.Created], actor), ct);
        return notice;
    }

    /// <summary>
    /// An update or all-clear: a new draft version of a live incident, by someone who may follow up
    /// its live notice. With <c>If-Match</c> the notice it was drafted from is saved with it, so the
    /// follow-up is made only on the revision of that notice the caller saw.
    /// </summary>
    public Task<Notice> CreateFollowUpAsync(string id, NoticeKind kind, NoticeInput input, Actor actor, IfMatch? ifMatch, CancellationToken ct) =>
        ChangeAsync(id, ifMatch, async (source, now) =>
        {
            var draft = Validate(input, now);
            var incident = await store.ListAsync(new NoticeQuery(IncidentId: source.IncidentId, Limit: 1000), ct);
            RequireIncidentOpen(incident);
            var live = incident.FirstOrDefault(n => n.State == NoticeState.Live)
                ?? throw new WrongStateException("The incident has no live notice to follow up; issue a new alert instead.");
            NoticeActions.Require(live, actor, kind == NoticeKind.AllClear ? NoticeAction.AllClear : NoticeAction.Update);
            var version = incident.Max(n => n.Version) + 1;
            var notice = Notice.Create(NewId(), source.IncidentId, version, kind, draft, IsExternal(draft), actor, now);
            return new Decision(ifMatch is null ? [notice] : [notice, source], [notice.Created], actor);
        }, ct);

    public Task<Notice> EditAsync(string id, NoticeInput input, Actor actor, IfMatch? ifMatch, CancellationToken ct) =>
        ChangeAsync(id, ifMatch, (notice, now) =>
        {
            var draft = Validate(input, now);
            return new Decision([notice], [notice.Edit(draft, IsExternal(draft), actor, now)], actor);
        }, ct);

    public Task<Notice> SubmitAsync(string id, Actor actor, IfMatch? ifMatch, CancellationToken ct) =>
        ChangeAsync(id, ifMatch, (notice, now) => new Decision([notice], [notice.Submit(actor, now)], actor), ct);

    public Task<Notice> RetractSubmissionAsync(string id, Actor actor, IfMatch? ifMatch, CancellationToken ct) =>
        ChangeAsync(id, ifMatch, (notice, now) => new Decision([notice], [notice.RetractSubmission(actor, now)], actor), ct);

    private NoticeDraft Validate(NoticeInput input, DateTimeOffset now)
    {
        var draft = NoticeValidator.Validate(input, now, out var errors);
        if (errors.Count > 0) throw new NoticeValidationException(errors);
        return draft;
    }

    private bool IsExternal(NoticeDraft draft) => LinkClassifier.IsExternal(draft.Link, site.Value.Domain);

    private static string NewId() => Guid.CreateVersion7().ToString("N");

    private static void RequireIncidentOpen(IEnumerable<Notice> incident)
    {
        if (incident.Any(n => n.State is NoticeState.Withdrawn && n.ApprovedAt is not null || n.State == NoticeState.Closed))
            throw new WrongStateException("The incident has ended (withdrawn or closed); issue a new alert instead.");
    }
}

/// <summary>Every field that is wrong, by its path in the request.</summary>
internal sealed class NoticeValidationException(Dictionary<string, string[]> errors)
    : Exception("The notice has invalid fields.")
{
    public Dictionary<string, string[]> Errors { get; } = errors;
}
