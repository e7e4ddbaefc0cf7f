namespace CrisisComms.Domain.Notices;

public static class EnumText
{
    /// <summary>The wire name of a value: <c>PendingApproval</c> → <c>pendingApproval</c>.</summary>
    public static string ToCamelCase<T>(this T value) where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
