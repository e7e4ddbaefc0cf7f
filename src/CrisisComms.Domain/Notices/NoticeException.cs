namespace CrisisComms.Domain.Notices;

/// <summary>A rule of the workflow was broken; the host turns each kind into its HTTP status.</summary>
public abstract class NoticeException(string message) : Exception(message);

/// <summary>The call does not fit the notice's state (409).</summary>
public sealed class WrongStateException(string message) : NoticeException(message);

/// <summary>The actor may not do this to this notice (403).</summary>
public sealed class NotAllowedException(string message) : NoticeException(message);

/// <summary>No notice with that id (404).</summary>
public sealed class NoticeNotFoundException(string id) : NoticeException($"No notice with id '{id}'.");
