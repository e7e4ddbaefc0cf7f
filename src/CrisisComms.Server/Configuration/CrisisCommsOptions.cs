using System.ComponentModel.DataAnnotations;

namespace CrisisComms.Server.Configuration;

/// <summary>CrisisComms:Storage. Sqlite is the embedded default; Redis serves several nodes.</summary>
public sealed class StorageOptions
{
    public const string Section = "CrisisComms:Storage";

    [AllowedValues("Sqlite", "Redis", ErrorMessage = "CrisisComms:Storage:Provider must be Sqlite or Redis.")]
    public string Provider { get; set; } = "Sqlite";

    [Required] public string SqlitePath { get; set; } = "data/crisiscomms.db";

    public bool IsRedis => string.Equals(Provider, "Redis", StringComparison.OrdinalIgnoreCase);

    /// <summary>Where the service keeps what it generates itself (the signing key).</summary>
    public string DataFolder => Path.GetDirectoryName(Path.GetFullPath(SqlitePath))!;
}

/// <summary>CrisisComms:Redis.</summary>
public sealed class RedisOptions
{
    public const string Section = "CrisisComms:Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. "redis:6379,abortConnect=false".</summary>
    public string? Configuration { get; set; }

    /// <summary>Prefix of every key and channel, so several deployments can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "crisiscomms:";
}

/// <summary>CrisisComms:Auth.</summary>
public sealed class AuthOptions
{
    public const string Section = "CrisisComms:Auth";

    /// <summary>HS256 key of the built-in issuer (UTF-8 bytes, at least 32). Generated when absent.</summary>
    [MinLength(32, ErrorMessage = "CrisisComms:Auth:SigningKey must be at least 32 characters.")]
    public string? SigningKey { get; set; }

    [Required] public string Issuer { get; set; } = "crisiscomms";
    [Required] public string Audience { get; set; } = "crisiscomms";

    /// <summary>An external OpenID Connect authority whose tokens are accepted too.</summary>
    public string? Authority { get; set; }

    /// <summary>
    /// The console's public client at the Authority: authorization code flow with PKCE (S256) in the
    /// browser, so there is no client secret to keep. Unset, the console offers local accounts only.
    /// </summary>
    public string? ConsoleClientId { get; set; }

    /// <summary>What the console asks the Authority for; Entra ID also needs the API's own scope here.</summary>
    [Required(ErrorMessage = "CrisisComms:Auth:ConsoleScope must not be empty; leave it out for \"openid profile\".")]
    public string ConsoleScope { get; set; } = "openid profile";

    /// <summary>Both set: the console may sign in through the Authority.</summary>
    public bool ConsoleSignInIsOn => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ConsoleClientId);

    /// <summary>How long a token from the built-in login lasts: one crisis shift.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Local accounts with approver, director or admin must sign in with a TOTP code; until they have
    /// enrolled an authenticator, their password only opens the enrolment. The authority's accounts get theirs there.
    /// </summary>
    public bool RequireSecondFactor { get; set; } = true;
}

/// <summary>CrisisComms:Site.</summary>
public sealed class SiteOptions
{
    public const string Section = "CrisisComms:Site";

    [Required, RegularExpression(@"^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+$",
        ErrorMessage = "CrisisComms:Site:Domain must be a domain name such as example.se.")]
    public string Domain { get; set; } = "example.se";
}

/// <summary>CrisisComms:Dispatch: the gaps between the stages.</summary>
public sealed class DispatchOptions
{
    public const string Section = "CrisisComms:Dispatch";

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan IntranetLead { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan SocialDelay { get; set; } = TimeSpan.Zero;

    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan AllClearVisibleFor { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often every node looks for due work, so a stage is never lost to a dead node.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);
}
