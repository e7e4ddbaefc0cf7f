using Microsoft.Extensions.Options;

namespace CrisisComms.Social;

/// <summary>
/// A channel with some credentials but not all is almost always a typing mistake; left silently off, it
/// would surface only during a crisis, so it stops the service at start instead. Values are never echoed.
/// </summary>
internal sealed class SocialOptionsValidator : IValidateOptions<SocialOptions>
{
    public ValidateOptionsResult Validate(string? name, SocialOptions options)
    {
        var errors = new List<string>();
        if (options.Timeout <= TimeSpan.Zero)
            errors.Add($"{SocialOptions.SectionName}:Timeout must be positive.");
        Check("X", options.X.Credentials, options.X.BaseUrl, errors);
        Check("Mastodon", options.Mastodon.Credentials, options.Mastodon.BaseUrl, errors);
        Check("Facebook", options.Facebook.Credentials, options.Facebook.BaseUrl, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void Check(string channel, IReadOnlyList<(string Key, string? Value)> credentials, string? baseUrl, List<string> errors)
    {
        var section = $"{SocialOptions.SectionName}:{channel}";
        var missing = credentials.Where(c => !SocialOptions.Has(c.Value)).Select(c => c.Key).ToList();
        if (missing.Count == credentials.Count) return;
        if (missing.Count > 0)
            errors.Add($"{section} is partly configured: {string.Join(", ", missing)} missing. Set all of {string.Join(", ", credentials.Select(c => c.Key))}, or none to turn the channel off.");
        if (!IsHttpUrl(baseUrl))
            errors.Add($"{section}:BaseUrl must be an absolute http or https URL.");
    }

    internal static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
