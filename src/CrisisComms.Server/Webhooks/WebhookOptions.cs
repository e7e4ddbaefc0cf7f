using CrisisComms.Domain.Dispatch;
using CrisisComms.Domain.Notices;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Webhooks;

/// <summary>CrisisComms:Webhooks:{name}: one receiver of the notices that reach an audience.</summary>
public sealed class WebhookConfig
{
    public string? Url { get; set; }
    public string? Secret { get; set; }

    /// <summary><c>intranet</c> or <c>public</c>: the banner stage after which it is told.</summary>
    public string? Audience { get; set; }

    /// <summary><c>json</c> (the banner) or <c>teams</c> (an Adaptive Card for a Teams Workflows URL).</summary>
    public string? Format { get; set; }

    /// <summary><c>actual</c> (default), <c>exercise</c> or <c>test</c>: the one mode of notices it receives.</summary>
    public string? Mode { get; set; }
}

/// <summary>Every configured webhook, by name.</summary>
public sealed class WebhooksOptions
{
    public const string Section = "CrisisComms:Webhooks";

    public Dictionary<string, WebhookConfig> Hooks { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<WebhookTarget> Targets() =>
        [.. Hooks.Select(h => new WebhookTarget(h.Key,
            h.Value.Audience == "public" ? Stage.Public : Stage.Intranet,
            Enum.Parse<NoticeMode>(h.Value.Mode ?? "actual", ignoreCase: true)))];
}

/// <summary>A bad webhook stops the service at start, naming the key; the secret's value is never in the message.</summary>
internal sealed class WebhooksOptionsValidation : IValidateOptions<WebhooksOptions>
{
    private static readonly string[] Audiences = ["intranet", "public"];
    private static readonly string[] Formats = ["json", "teams"];
    private static readonly string[] Modes = ["actual", "exercise", "test"];

    public ValidateOptionsResult Validate(string? name, WebhooksOptions options)
    {
        var errors = new List<string>();
        foreach (var (hook, c) in options.Hooks)
        {
            var key = $"{WebhooksOptions.Section}:{hook}";
            if (!System.Text.RegularExpressions.Regex.IsMatch(hook, "^[A-Za-z0-9_-]{1,40}$"))
                errors.Add($"{key}: a webhook's name is letters, digits, '-' or '_' (at most 40).");
            if (!Uri.TryCreate(c.Url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                errors.Add($"{key}:Url must be an absolute https:// address.");
            else if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback)
                errors.Add($"{key}:Url must use https:// (plain http only on localhost).");
            if (string.IsNullOrEmpty(c.Secret) || c.Secret.Length < 16)
                errors.Add($"{key}:Secret must be set, at least 16 characters.");
            if (c.Audience is null || !Audiences.Contains(c.Audience))
                errors.Add($"{key}:Audience must be intranet or public.");
            if (c.Format is not null && !Formats.Contains(c.Format))
                errors.Add($"{key}:Format must be json or teams.");
            if (c.Mode is not null && !Modes.Contains(c.Mode))
                errors.Add($"{key}:Mode must be actual, exercise or test.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

/// <summary>How deliveries are retried: until a 2xx, with exponential backoff and jitter, up to <see cref="MaxAttempts"/>.</summary>
internal sealed class WebhookDeliveryOptions : IRetryPolicy
{
    public int MaxAttempts { get; init; } = 30;
    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(2);
    public TimeSpan MaxRetry { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>One request's time; keep it below the claim's lease (CrisisComms:Dispatch:Social:Lease).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan Backoff(int attempts)
    {
        var exponential = FirstRetry.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1));
        var capped = Math.Min(exponential, MaxRetry.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(capped * (0.8 + 0.4 * Random.Shared.NextDouble()));
    }
}
