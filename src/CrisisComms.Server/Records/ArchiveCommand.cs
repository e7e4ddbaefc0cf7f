using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CrisisComms.Domain.Storage;

namespace CrisisComms.Server.Records;

/// <summary>
/// <c>archive export --ended-before DATE DIR</c>: the yearly delivery to the e-archive. Writes the
/// archive of every incident that ended before DATE (a date, midnight Swedish time, or a time with
/// an offset) into DIR as <c>incident-{id}.zip</c>, and <c>index.csv</c> naming each with its
/// SHA-256. Exit code 0 when done, 1 when it could not write, 2 for a wrong command.
/// </summary>
internal static class ArchiveCommand
{
    private const string Usage = """
        Usage: archive export --ended-before DATE DIR
          Writes one zip per incident that ended before DATE (2026-01-01, midnight Swedish time, or
          2026-01-01T00:00:00+01:00) into DIR, and DIR/index.csv with each file's SHA-256.
        """;

    public const string IndexFile = "index.csv";

    public static bool Matches(string[] args) => Array.IndexOf(args, "archive") >= 0;

    public static async Task<int> RunAsync(string[] args, IServiceProvider services)
    {
        // Host options such as --contentRoot may stand before the command.
        args = args[Array.IndexOf(args, "archive")..];
        if (args.Length != 5 || args[1] != "export" || args[2] != "--ended-before" || args[4].StartsWith('-'))
            return Wrong(null);
        if (ParseBefore(args[3]) is not { } before)
            return Wrong($"'{args[3]}' is not a date: give --ended-before as 2026-01-01 or 2026-01-01T00:00:00+01:00.");
        var folder = Path.GetFullPath(args[4]);
        var archive = services.GetRequiredService<IncidentArchive>();
        var ended = await EndedIncidents.ListAsync(services.GetRequiredService<INoticeStore>(), before, default);
        try
        {
            Directory.CreateDirectory(folder);
            var index = new StringBuilder("incident,endedAt,file,bytes,sha256\n");
            // Oldest first: the delivery reads as a chronicle.
            foreach (var incident in ended.Reverse())
            {
                var (bytes, sha256) = await WriteOneAsync(archive, incident, folder);
                index.Append(CultureInfo.InvariantCulture, $"{incident.IncidentId},{incident.EndedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'},{incident.File},{bytes},{sha256}\n");
            }
            await File.WriteAllTextAsync(Path.Combine(folder, IndexFile), index.ToString(), new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Could not write into {folder}: {e.Message}");
            return 1;
        }
        Console.WriteLine($"Wrote {ended.Count} incident archive(s) ended before {before:yyyy-MM-dd'T'HH:mm:sszzz} and {IndexFile} into {folder}");
        return 0;
    }

    /// <summary>Written beside its final name and moved there once whole, so a file in DIR is never half an archive.</summary>
    private static async Task<(long Bytes, string Sha256)> WriteOneAsync(IncidentArchive archive, EndedIncidentResponse incident, string folder)
    {
        var path = Path.Combine(folder, incident.File);
        var partial = path + ".partial";
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            await archive.WriteAsync(incident.IncidentId, file);
        File.Move(partial, path, overwrite: true);
        await using var written = File.OpenRead(path);
        var sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(written));
        return (written.Length, sha);
    }

    private static DateTimeOffset? ParseBefore(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return SwedishTime.Midnight(date);
        return DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss'Z'"], CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }

    private static int Wrong(string? message)
    {
        if (message is not null) Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
