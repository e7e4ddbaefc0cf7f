using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CrisisComms.Server.Tests.Feeds;
using CrisisComms.Testing.Client;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.Server.Tests.Records;

/// <summary>
/// The archive of a whole incident (alert, two updates in three languages, posts on three channels,
/// withdrawal): everything is in it, every checksum in its manifest holds, it downloads as the same
/// bytes every time, and its CAP messages are valid CAP 1.2.
/// </summary>
public sealed class ArchiveTests(ArchivedIncidentFixture f) : IClassFixture<ArchivedIncidentFixture>
{
    private SocialServersFixture Social => f.Social;

    [Fact]
    public async Task AnEndedIncidentDownloadsAsTheSameBytesEveryTime()
    {
        using var response = await Social.Approver.Http.GetAsync($"/api/v1/incidents/{f.IncidentId}/archive");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"incident-{f.IncidentId}.zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var first = await response.Content.ReadAsByteArrayAsync();

        var second = await DownloadAsync(Social.Approver);

        Assert.Equal(Convert.ToHexString(SHA256.HashData(first)), Convert.ToHexString(SHA256.HashData(second)));
    }

    [Fact]
    public async Task EveryFileIsInTheManifestAndEveryHashChecks()
    {
        var files = Unzip(await DownloadAsync(Social.Approver));

        Assert.Equal(["incident.json", "incident.html"], files.Keys.Take(2));
        Assert.Equal("manifest.json", files.Keys.Last());
        var manifest = JsonNode.Parse(files["manifest.json"])!;
        var listed = manifest["files"]!.AsArray().ToDictionary(e => e!["path"]!.GetValue<string>(), e => e!);
        Assert.Equal(files.Keys.SkipLast(1), listed.Keys);
        foreach (var (path, entry) in listed)
        {
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(files[path])), entry["sha256"]!.GetValue<string>());
            Assert.Equal(files[path].Length, entry["bytes"]!.GetValue<long>());
        }
    }

    [Fact]
    public async Task IncidentJsonHoldsEveryVersionInEveryLanguageAndWhatEachChannelWasSent()
    {
        var json = JsonNode.Parse(Unzip(await DownloadAsync(Social.Approver))["incident.json"])!;

        Assert.Equal(f.IncidentId, json["incidentId"]!.GetValue<string>());
        Assert.Equal("withdrawn", json["state"]!.GetValue<string>());
        var versions = json["versions"]!.AsArray();
        Assert.Equal(f.NoticeIds, versions.Select(v => v!["noticeId"]!.GetValue<string>()));
        for (var i = 0; i < versions.Count; i++)
        {
            var content = versions[i]!["content"]!.AsArray().ToDictionary(c => c!["language"]!.GetValue<string>(), c => c!["headline"]!.GetValue<string>());
            Assert.Equal(f.Versions[i], content);
            Assert.Equal("bosse", versions[i]!["approvedBy"]!.GetValue<string>());
            foreach (var (fake, channel) in new (FakeSocialServer, string)[] { (Social.X, "x"), (Social.Mastodon, "mastodon"), (Social.Facebook, "facebook") })
            {
                var stage = versions[i]!["stages"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == $"social:{channel}")!;
                var post = fake.Posts.Single(p => p.Id == stage["postId"]!.GetValue<string>());
                Assert.Equal(post.Text, stage["text"]!.GetValue<string>());
                Assert.Contains(post.Id, stage["postUrl"]!.GetValue<string>());
                Assert.NotNull(stage["retractedAt"]);
            }
        }
    }

    [Fact]
    public async Task IncidentJsonHoldsEveryAuditEntryOfTheIncidentWithItsPlaceInTheChain()
    {
        var json = JsonNode.Parse(Unzip(await DownloadAsync(Social.Approver))["incident.json"])!;
        var log = (await Social.Approver.SendAsync(HttpMethod.Get, $"/api/v1/audit?incidentId={f.IncidentId}&limit=1000")).ShouldBe(HttpStatusCode.OK);

        var expected = log.Json!.AsArray().Reverse().Select(e => $"{e!["seq"]} {e["action"]} {e["hash"]}");
        var archived = json["audit"]!.AsArray().Select(e => $"{e!["seq"]} {e["action"]} {e["hash"]}");
        Assert.Equal(expected, archived);
        Assert.Contains(json["audit"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "notice.withdrawn");
    }

    [Fact]
    public async Task EachCapMessageOfTheIncidentIsInItAndValid()
    {
        var files = Unzip(await DownloadAsync(Social.Approver));
        var json = JsonNode.Parse(files["incident.json"])!;

        var messages = json["capMessages"]!.AsArray();
        Assert.Equal(["Alert", "Update", "Update", "Cancel"], messages.Select(m => m!["type"]!.GetValue<string>()));
        foreach (var message in messages)
        {
            var xml = Encoding.UTF8.GetString(files[message!["file"]!.GetValue<string>()]);
            var alert = CapSchema.Valid(xml);
            Assert.Equal(message["identifier"]!.GetValue<string>(), alert.Text("identifier"));
            // The very bytes the public feed serves for that message.
            using var served = await Social.Server.CreateClient().GetAsync($"/cap/{message["identifier"]}.xml");
            Assert.Equal(xml, await served.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task IncidentHtmlKeepsMarkupAsTextAndHasNoScript()
    {
        var html = Encoding.UTF8.GetString(Unzip(await DownloadAsync(Social.Approver))["incident.html"]);

        Assert.Contains("&lt;b&gt;markup&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lang=\"en\"", html);
        Assert.Contains("lang=\"sv-x-easy\"", html);
    }

    [Fact]
    public async Task StaffAndAuthorsAreRefusedAndAnUnknownIncidentIsNotFound()
    {
        var name = $"s{f.Marker}";
        await Social.Server.AddAccountAsync(name, CrisisServerFixture.Password, "staff");
        await Social.Server.AddAccountAsync($"a{f.Marker}", CrisisServerFixture.Password, "admin");
        await Social.Server.AddAccountAsync($"d{f.Marker}", CrisisServerFixture.Password, "director");
        var staff = await Officer.SignInAsync(Social.Server.BaseAddress, name, CrisisServerFixture.Password);
        var admin = await Officer.SignInAsync(Social.Server.BaseAddress, $"a{f.Marker}", CrisisServerFixture.Password);
        var director = await Officer.SignInAsync(Social.Server.BaseAddress, $"d{f.Marker}", CrisisServerFixture.Password);
        var path = $"/api/v1/incidents/{f.IncidentId}/archive";

        (await staff.SendAsync(HttpMethod.Get, path)).ShouldBe(HttpStatusCode.Forbidden);
        (await Social.Author.SendAsync(HttpMethod.Get, path)).ShouldBe(HttpStatusCode.Forbidden);
        (await Social.Author.SendAsync(HttpMethod.Get, "/api/v1/incidents/ended")).ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = Social.Server.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
        var unknown = (await Social.Approver.SendAsync(HttpMethod.Get, "/api/v1/incidents/nosuchincident/archive")).ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal("application/problem+json", unknown.ContentType);
        Assert.Equal(await DownloadAsync(Social.Approver), await DownloadAsync(admin));
        Assert.Equal(await DownloadAsync(Social.Approver), await DownloadAsync(director));
    }

    [Fact]
    public async Task TheEndedIncidentIsListedWithItsArchive()
    {
        var list = (await Social.Approver.SendAsync(HttpMethod.Get, "/api/v1/incidents/ended")).ShouldBe(HttpStatusCode.OK);

        var entry = list.Json!.AsArray().Single(e => e!["incidentId"]!.GetValue<string>() == f.IncidentId)!;
        Assert.Equal(f.Versions[0]["sv"], entry["headline"]!.GetValue<string>());
        Assert.Equal("withdrawn", entry["state"]!.GetValue<string>());
        Assert.Equal(3, entry["versions"]!.GetValue<int>());
    }

    [Fact]
    public async Task ExportWritesEachIncidentEndedBeforeTheDateAndAnIndexOfTheirHashes()
    {
        var folder = Directory.CreateTempSubdirectory("crisiscomms-export-").FullName;
        var tomorrow = DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-dd");

        var (code, output) = await Social.Server.RunCommandAsync(null, "archive", "export", "--ended-before", tomorrow, folder);

        Assert.True(code == 0, output);
        var index = File.ReadAllLines(Path.Combine(folder, "index.csv"));
        Assert.Equal("incident,endedAt,file,bytes,sha256", index[0]);
        var row = index.Skip(1).Select(l => l.Split(',')).Single(r => r[0] == f.IncidentId);
        var file = File.ReadAllBytes(Path.Combine(folder, row[2]));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), row[4]);
        Assert.Equal(await DownloadAsync(Social.Approver), file);

        var (before, beforeOutput) = await Social.Server.RunCommandAsync(null, "archive", "export", "--ended-before", "2000-01-01", folder + "-old");
        Assert.True(before == 0, beforeOutput);
        Assert.Equal(["incident,endedAt,file,bytes,sha256"], File.ReadAllLines(Path.Combine(folder + "-old", "index.csv")));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01")]
    public async Task ExportRefusesADateItCannotRead(string date)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"crisiscomms-export-{Guid.NewGuid():N}");

        var (code, output) = await Social.Server.RunCommandAsync(null, "archive", "export", "--ended-before", date, folder);

        Assert.Equal(2, code);
        Assert.Contains($"'{date}' is not a date", output);
        Assert.False(Directory.Exists(folder));
    }

    private async Task<byte[]> DownloadAsync(Officer officer)
    {
        using var response = await officer.Http.GetAsync($"/api/v1/incidents/{f.IncidentId}/archive");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>Every entry, in the zip's order.</summary>
    internal static Dictionary<string, byte[]> Unzip(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var files = new Dictionary<string, byte[]>();
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            files.Add(entry.FullName, copy.ToArray());
        }
        return files;
    }
}
