using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CrisisComms.Domain.Storage;
using CrisisComms.Server.Configuration;
using CrisisComms.Server.Feeds;
using CrisisComms.Server.Http;
using Microsoft.Extensions.Options;

namespace CrisisComms.Server.Records;

/// <summary>
/// Writes an incident's archive package: <c>incident.json</c>, <c>incident.html</c>, one
/// <c>cap/&lt;identifier&gt;.xml</c> per CAP message and, last, <c>manifest.json</c> with the
/// SHA-256 of each of them. The zip is written straight to the destination as each file is made
/// (never the whole zip in memory), with a fixed entry order, fixed entry times (the incident's end)
/// and deterministic JSON, so an ended incident's archive is the same bytes every time and its hash
/// can be recorded.
/// </summary>
public sealed class IncidentArchive
{
    public const string MediaType = "application/zip";

    private static readonly JsonSerializerOptions Json = new(ApiJson.Options) { WriteIndented = true };

    private readonly INoticeStore store;
    private readonly CapReader cap;
    private readonly string domain;

    internal IncidentArchive(INoticeStore store, CapReader cap, IOptions<SiteOptions> site)
    {
        this.store = store;
        this.cap = cap;
        domain = site.Value.Domain;
    }

    /// <summary>The file name a download is offered under: <c>incident-{id}.zip</c>.</summary>
    public static string FileNameOf(string incidentId) => $"incident-{incidentId}.zip";

    /// <summary>Writes the incident's archive zip to destination (streamed, deterministic bytes for an ended incident). Returns false if the incident is unknown.</summary>
    public async Task<bool> WriteAsync(string incidentId, Stream destination, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        if (await LoadAsync(incidentId, ct) is not { } incident) return false;
        await WriteAsync(incident, destination, ct);
        return true;
    }

    internal async Task<ArchivedIncident?> LoadAsync(string incidentId, CancellationToken ct) =>
        string.IsNullOrWhiteSpace(incidentId) ? null : await ArchivedIncident.LoadAsync(store, incidentId, domain, ct);

    internal async Task WriteAsync(ArchivedIncident incident, Stream destination, CancellationToken ct)
    {
        var stamp = SwedishTime.Of(incident.StampedAt);
        var files = new List<ArchiveManifestFile>();
        var messages = incident.CapMessages.Select(m => (Message: m, File: CapFileOf(m.Identifier))).ToList();
        // Buffered so the many small writes of the zip reach the response in few pieces; forward-only so
        // the bytes do not depend on the destination.
        await using var buffered = new BufferedStream(new ForwardOnlyStream(destination), 64 * 1024);
        await using (var zip = await ZipArchive.CreateAsync(buffered, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8, ct))
        {
            async Task AddAsync(string path, byte[] bytes, bool listed = true)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = stamp;
                await using (var stream = await entry.OpenAsync(ct)) await stream.WriteAsync(bytes, ct);
                if (listed) files.Add(new ArchiveManifestFile(path, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))));
            }

            var document = ArchiveRecord.Document(incident, domain, messages);
            await AddAsync("incident.json", JsonSerializer.SerializeToUtf8Bytes(document, Json));
            await AddAsync("incident.html", Encoding.UTF8.GetBytes(ArchiveHtml.Render(document)));
            foreach (var (message, file) in messages) await AddAsync(file, cap.Render(message));
            var manifest = new ArchiveManifest(ArchiveDocument.CurrentFormat, incident.IncidentId, "SHA-256", files);
            await AddAsync("manifest.json", JsonSerializer.SerializeToUtf8Bytes(manifest, Json), listed: false);
        }
        await buffered.FlushAsync(ct);
    }

    /// <summary>
    /// <c>cap/&lt;identifier&gt;.xml</c>, the bytes <c>/cap/{identifier}.xml</c> serves. An identifier
    /// is a URN (letters, digits, dots, dashes, colons); its colons become <c>_</c> because Windows
    /// cannot extract a file name with a colon, and e-archives receive packages on Windows.
    /// <c>incident.json</c> names each message's identifier beside its file.
    /// </summary>
    internal static string CapFileOf(string identifier) => $"cap/{identifier.Replace(':', '_')}.xml";
}
