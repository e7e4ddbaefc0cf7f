namespace CrisisComms.Server.Import;

/// <summary>The audited actions of the VMA import (actor <c>vma</c>).</summary>
internal static class VmaAuditActions
{
    public const string Imported = "vma.imported";
    public const string Removed = "vma.removed";
}
