using Microsoft.Extensions.Logging;

namespace CrisisComms.Social;

internal static partial class SocialLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Channel}: {Action} done, post {ExternalId}")]
    public static partial void Done(ILogger logger, string channel, string action, string externalId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel}: {Action} to be retried (not before {NotBefore}): {Error}")]
    public static partial void WillRetry(ILogger logger, string channel, string action, DateTimeOffset? notBefore, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Channel}: {Action} failed and needs a person: {Error}")]
    public static partial void NeedsPerson(ILogger logger, string channel, string action, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel}: the server called the post a duplicate of an earlier one; found {ExternalId}")]
    public static partial void Duplicate(ILogger logger, string channel, string externalId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel}: instance limits unavailable ({Error}); using {MaxCharacters} characters")]
    public static partial void LimitsFallback(ILogger logger, string channel, string error, int maxCharacters);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Channel}: its health could not be stored; this node still shows it")]
    public static partial void HealthNotStored(ILogger logger, string channel, Exception error);
}
