namespace CrisisComms.Social.Facebook;

/// <summary>
/// The Graph API's error codes that decide what to do
/// (https://developers.facebook.com/docs/graph-api/guides/error-handling).
/// </summary>
internal static class FacebookError
{
    public const int InvalidToken = 190;
    public const int Duplicate = 506;
    public const int NoSuchObject = 100;
    public const int NoSuchObjectSubcode = 33;

    /// <summary>Transient (1, 2) and throttling (4, 17, 32, 613, 80001) errors: worth another try.</summary>
    public static bool IsTransient(int code) => code is 1 or 2 or 4 or 17 or 32 or 341 or 613 or 80001;

    public static bool IsThrottling(int code) => code is 4 or 17 or 32 or 613 or 80001;
}
