using CrisisComms.Server.Http;

namespace CrisisComms.Server.Notices;

/// <summary>
/// The <c>Idempotency-Key</c> request header of a create or follow-up: any 1 to 255 visible ASCII
/// characters (a UUID per form submission, say), bare as Stripe takes it or quoted as an
/// RFC 8941 string as draft-ietf-httpapi-idempotency-key-header writes it.
/// </summary>
internal sealed record IdempotencyKey(string Value)
{
    public const string Header = "Idempotency-Key";
    public const int MaxLength = 255;

    /// <summary>Null when the request has none; a 400 naming the header when it is empty, too long or sent twice.</summary>
    public static IdempotencyKey? From(HttpRequest request)
    {
        var values = request.Headers[Header];
        if (values.Count == 0) return null;
        if (values.Count > 1) throw Bad("Send one Idempotency-Key.");
        var value = values[0] ?? "";
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') value = value[1..^1];
        if (value.Length is 0 or > MaxLength || value.Any(ch => ch is < '!' or > '~'))
            throw Bad($"Idempotency-Key must be 1 to {MaxLength} visible ASCII characters, for example a UUID.");
        return new IdempotencyKey(value);
    }

    private static BadBodyException Bad(string message) => new(Header, message);
}

/// <summary>The key was sent before with another request (another body or endpoint): 422, nothing made.</summary>
internal sealed class IdempotencyKeyReusedException()
    : Exception("This Idempotency-Key was sent before with a different request; use a new key for a new request.");
