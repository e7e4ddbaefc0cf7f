using System.Text.Json;

namespace CrisisComms.Server.Http;

/// <summary>
/// Reads a JSON request body ourselves rather than through parameter binding, so a wrong type or a
/// malformed document is a 400 problem that names the field, never an empty 400 or a 500.
/// </summary>
internal static class JsonBody
{
    public const long MaxBytes = 1024 * 1024;

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (request.ContentLength > MaxBytes)
            throw new BadBodyException("body", $"The request body is larger than {MaxBytes / 1024} kB.");
        if (!request.HasJsonContentType())
            throw new BadBodyException("body", "Send the request as application/json.");
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, ApiJson.Options, ct)
                ?? throw new BadBodyException("body", "The request body must be a JSON object, not null.");
        }
        catch (JsonException e)
        {
            throw new BadBodyException(FieldOf(e.Path), "The value is not of the expected JSON type or form.");
        }
    }

    /// <summary>Reads an optional body: an empty one gives the default.</summary>
    public static async Task<T> ReadOptionalAsync<T>(HttpRequest request, T empty, CancellationToken ct) where T : class =>
        request.ContentLength is 0 || (request.ContentLength is null && !request.HasJsonContentType())
            ? empty
            : await ReadAsync<T>(request, ct);

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$').TrimStart('.');
}

/// <summary>The body could not be read; the host answers 400 naming <see cref="Field"/>.</summary>
internal sealed class BadBodyException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
