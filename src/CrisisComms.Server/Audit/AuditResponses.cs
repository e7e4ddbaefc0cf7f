using System.Text.Json.Serialization;
using CrisisComms.Domain.Audit;

namespace CrisisComms.Server.Audit;

/// <summary>
/// One audit entry as the API shows it, with its place in the chain. <c>ActorName</c> is the
/// actor's display name now (not part of the hashed entry), or null for the clock and unknown names.
/// </summary>
public sealed record AuditEntryResponse(
    long Seq, DateTimeOffset At, string Actor, string Action, string? NoticeId, string? IncidentId,
    string? Reason, string? Detail, string? Hash, string? ActorName = null)
{
    public static AuditEntryResponse From(AuditEntry e) =>
        new(e.Sequence, e.At, e.Actor, e.Action, e.NoticeId, e.IncidentId, e.Reason, e.Detail, e.Hash);
}

/// <summary><c>{ "valid": true, "entries": N }</c> or <c>{ "valid": false, "firstInvalidSeq": k }</c>.</summary>
public sealed record AuditVerificationResponse(
    bool Valid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Entries,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? FirstInvalidSeq)
{
    public static AuditVerificationResponse From(AuditVerification v) =>
        v.Valid ? new(true, v.Entries, null) : new(false, null, v.FirstInvalidSeq);
}
