using System.Text.Json.Serialization;
using CrisisComms.Domain.Dispatch;

namespace CrisisComms.Domain.Notices;

/// <summary>
/// One version of one incident's message, and the state machine it lives by:
/// draft → pendingApproval → live → (superseded | withdrawn | expired | closed), or → rejected → draft.
/// </summary>
public sealed partial class Notice
{
    [JsonConstructor]
    private Notice(string id, string incidentId, int version, NoticeKind kind, NoticeDraft draft,
        string createdBy, DateTimeOffset createdAt)
    {
        Id = id;
        IncidentId = incidentId;
        Version = version;
        Kind = kind;
        Draft = draft;
        CreatedBy = createdBy;
        CreatedAt = createdAt;
        Contributors = [createdBy]; // a document from before contributors were kept: its creator
    }

    public string Id { get; }
    public string IncidentId { get; }
    public int Version { get; }
    public NoticeKind Kind { get; }
    public string CreatedBy { get; }
    public DateTimeOffset CreatedAt { get; }

    [JsonInclude] public NoticeDraft Draft { get; private set; }

    /// <summary>Who created, edited or submitted it, in order, each once: none of them may approve it.</summary>
    [JsonInclude] public List<string> Contributors { get; private set; }

    [JsonInclude] public bool LinkIsExternal { get; private set; }
    /// <summary>Who sent it for approval (null before, and for notices stored before this was kept).</summary>
    [JsonInclude] public string? SubmittedBy { get; private set; }
    [JsonInclude] public NoticeState State { get; private set; }
    [JsonInclude] public DateTimeOffset UpdatedAt { get; private set; }
    [JsonInclude] public string? ApprovedBy { get; private set; }
    [JsonInclude] public DateTimeOffset? ApprovedAt { get; private set; }
    [JsonInclude] public bool BreakGlass { get; private set; }
    [JsonInclude] public string? Reason { get; private set; }
    [JsonInclude] public DateTimeOffset? EndedAt { get; private set; }

    /// <summary>For an all-clear: when its banner comes down and the incident is closed.</summary>
    [JsonInclude] public DateTimeOffset? ClosesAt { get; private set; }

    [JsonInclude] public List<Stage> Stages { get; private set; } = [];

    /// <summary>Optimistic concurrency: the store only saves over the version it handed out.</summary>
    [JsonInclude] public long RowVersion { get; set; }

    public static Notice Create(string id, string incidentId, int version, NoticeKind kind, NoticeDraft draft,
        bool linkIsExternal, Actor author, DateTimeOffset now) =>
        new(id, incidentId, version, kind, draft, author.Subject, now)
        {
            LinkIsExternal = linkIsExternal,
            State = NoticeState.Draft,
            UpdatedAt = now,
        };

    /// <summary>What <see cref="Create"/> did, for the change that saves it.</summary>
    [JsonIgnore] public NoticeCreated Created => new(Id, CreatedAt, Kind, Version);

    public Stage? StageNamed(string name) => Stages.Find(s => s.Name == name);

    public bool IsEnded => State is NoticeState.Withdrawn or NoticeState.Expired or NoticeState.Closed;

    /// <summary>The earliest moment the clock must look at this notice again, or null.</summary>
    [JsonIgnore]
    public DateTimeOffset? NextDueAt
    {
        get
        {
            DateTimeOffset? next = null;
            void Consider(DateTimeOffset? t) { if (t is { } v && (next is null || v < next)) next = v; }
            foreach (var stage in Stages)
            {
                if (stage.State == StageState.Scheduled) Consider(stage.DueAt);
                if (stage.State == StageState.Running) Consider(stage.LeaseUntil);
                Consider(stage.RetractDueAt);
            }
            if (State == NoticeState.Live)
            {
                Consider(Draft.ExpiresAt);
                Consider(ClosesAt);
            }
            return next;
        }
    }
}
