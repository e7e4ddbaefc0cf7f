using System.Text.Json;
using CrisisComms.Domain.Audit;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Http;

namespace CrisisComms.Server.Audit;

/// <summary>
/// <c>audit verify</c>: checks the whole hash chain in the configured store and prints what
/// <c>GET /api/v1/audit/verify</c> answers. Exit code 0 when valid, 1 when not, 2 for a wrong command.
/// </summary>
internal static class AuditCommand
{
    public static bool Matches(string[] args) => Array.IndexOf(args, "audit") >= 0;

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        // Host options such as --contentRoot may stand before the command.
        args = args[Array.IndexOf(args, "audit")..];
        if (args.Skip(1).FirstOrDefault() != "verify")
        {
            Console.Error.WriteLine("Usage: audit verify");
            Console.Error.WriteLine("Checks every audit entry against the hash chain; exit code 1 when an entry was changed, removed or inserted.");
            return 2;
        }
        var result = await AuditChain.VerifyAsync(services.GetRequiredService<INoticeStore>());
        Console.WriteLine(JsonSerializer.Serialize(AuditVerificationResponse.From(result), ApiJson.Options));
        return result.Valid ? 0 : 1;
    }
}
