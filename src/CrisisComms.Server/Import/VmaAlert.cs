using System.Text.Json;

namespace CrisisComms.Server.Import;

/// <summary>The part of Sveriges Radio's VMA API v3 answer we read (CAP 1.2 as JSON).</summary>
public sealed record VmaResponse(IReadOnlyList<VmaAlert>? Alerts);

public sealed record VmaAlert(
    string Identifier,
    string? Sender,
    string? Status,
    string? MsgType,
    JsonElement? References,
    IReadOnlyList<VmaInfo>? Info)
{
    public bool IsCancel => string.Equals(MsgType, "Cancel", StringComparison.OrdinalIgnoreCase);

    /// <summary>The identifiers CAP's <c>references</c> names (<c>sender,identifier,sent</c> triples, space separated).</summary>
    public IEnumerable<string> ReferencedIdentifiers =>
        ReferenceTexts.SelectMany(r => r.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(r => r.Split(',') is { Length: 3 } triple ? triple[1] : r);

    private IEnumerable<string> ReferenceTexts => References switch
    {
        { ValueKind: JsonValueKind.String } text => [text.GetString()!],
        { ValueKind: JsonValueKind.Array } list => list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
        _ => [],
    };
}

public sealed record VmaInfo(
    string? Language,
    string? Event,
    string? Headline,
    string? SenderName,
    string? Description,
    string? Instruction,
    string? Web);
