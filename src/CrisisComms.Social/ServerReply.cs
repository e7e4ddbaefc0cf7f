using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace CrisisComms.Social;

/// <summary>A server's answer, read whole: every answer here is a few hundred bytes of JSON.</summary>
internal sealed record ServerReply(HttpStatusCode Status, HttpResponseHeaders Headers, string Body)
{
    public int Code => (int)Status;

    public bool IsSuccess => Code is >= 200 and < 300;

    /// <summary>A short piece of the body for an error text: enough to act on, never a whole page.</summary>
    public string Excerpt(int max = 200) => Body.Length <= max ? Body.Trim() : Body[..max].Trim() + "…";

    /// <summary>A string property of the JSON body, or null when the body is not JSON or lacks it.</summary>
    public string? Property(params string[] path)
    {
        try
        {
            using var json = JsonDocument.Parse(Body);
            var element = json.RootElement;
            foreach (var name in path)
            {
                if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
            }
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString(),
                JsonValueKind.Number => element.GetRawText(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary><c>Retry-After</c> as a date or as seconds from now (RFC 9110).</summary>
    public DateTimeOffset? RetryAfter(TimeProvider time) => Headers.RetryAfter switch
    {
        { Date: { } date } => date,
        { Delta: { } delta } => time.GetUtcNow() + delta,
        _ => null,
    };

    public string? Header(string name) =>
        Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
