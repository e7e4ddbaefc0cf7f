namespace CrisisComms.Domain.Notices;

/// <summary>Ordered most severe first: banners sort by this value.</summary>
public enum Severity { Critical, Warning, Info }

public enum Audience { Staff, Everyone }

public enum NoticeMode { Actual, Exercise, Test }

public enum NoticeKind { Alert, Update, AllClear }

public enum NoticeState { Draft, PendingApproval, Rejected, Live, Superseded, Withdrawn, Expired, Closed }
