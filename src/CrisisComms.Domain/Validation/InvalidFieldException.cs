namespace CrisisComms.Domain.Notices;

/// <summary>A field of the request is wrong (400); the field is named as the client sent it.</summary>
public sealed class InvalidFieldException(string field, string message) : NoticeException(message)
{
    public string Field { get; } = field;
}
