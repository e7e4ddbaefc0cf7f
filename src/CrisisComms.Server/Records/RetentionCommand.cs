using System.Text.Json;
using CrisisComms.Domain.Notices;
using CrisisComms.Server.Http;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Records;

/// <summary>
/// <c>retention preview</c>: lists, as JSON, what the retention sweep would remove now under the
/// configured periods (incidents with when they ended and their notices, and accounts whose personal
/// data would go), without changing anything. Exit code 0, or 2 for a wrong command.
/// </summary>
internal static class RetentionCommand
{
    public static bool Matches(string[] args) => Array.IndexOf(args, "retention") >= 0;

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        // Host options such as --contentRoot may stand before the command.
        args = args[Array.IndexOf(args, "retention")..];
        if (args.Skip(1).FirstOrDefault() != "preview")
        {
            Console.Error.WriteLine("Usage: retention preview");
            Console.Error.WriteLine("Lists what the retention sweep would purge now (CrisisComms:Retention:EndedIncidents, :DisabledAccounts); changes nothing.");
            return 2;
        }
        var options = services.GetRequiredService<IOptions<RetentionOptions>>().Value;
        var incidents = await services.GetRequiredService<IncidentRetention>().PreviewAsync(CancellationToken.None);
        var accounts = await services.GetRequiredService<AccountRetention>().PreviewAsync(CancellationToken.None);
        var preview = new RetentionPreview(
            options.EndedIncidents, options.DisabledAccounts,
            [.. incidents.Select(i => new RetentionPreview.Incident(i.IncidentId, i.EndedAt,
                [.. i.Notices.Select(n => new RetentionPreview.Notice(n.Id, n.Version, n.Kind.ToCamelCase(), n.State.ToCamelCase(),
                    n.Draft.Primary.Headline))]))],
            [.. accounts.Select(a => new RetentionPreview.Account(a.Name, a.DisabledAt))]);
        Console.WriteLine(JsonSerializer.Serialize(preview, ApiJson.Options));
        return 0;
    }
}

/// <summary>What <c>retention preview</c> prints; periods are null when unset (keep everything).</summary>
internal sealed record RetentionPreview(
    TimeSpan? EndedIncidents,
    TimeSpan? DisabledAccounts,
    IReadOnlyList<RetentionPreview.Incident> Incidents,
    IReadOnlyList<RetentionPreview.Account> Accounts)
{
    internal sealed record Incident(string IncidentId, DateTimeOffset EndedAt, IReadOnlyList<Notice> Notices);

    internal sealed record Notice(string Id, int Version, string Kind, string State, string Headline);

    internal sealed record Account(string Name, DateTimeOffset? DisabledAt);
}
