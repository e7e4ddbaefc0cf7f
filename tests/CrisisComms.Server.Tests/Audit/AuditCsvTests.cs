using System.Net;
using System.Text;
using CrisisComms.Testing.Client;

namespace CrisisComms.Server.Tests.Audit;

/// <summary>The audit log exported for a spreadsheet: the entries the filters find, text that Excel reads right and never runs.</summary>
[Collection(CrisisServerCollection.Name)]
public sealed class AuditCsvTests(CrisisServerFixture f)
{
    private static readonly string[] Header = ["seq", "at", "actor", "actorName", "action", "noticeId", "incidentId", "reason", "detail", "hash"];

    [Fact]
    public async Task TheExportOfOneNoticeHasAHeaderAndEveryEntryOfItNewestFirstWithTypedTextKeptAsText()
    {
        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: "Export av granskningsloggen"));
        const string reason = "=HYPERLINK(\"https://evil.example\"; \"Klicka\"), fel på Åsa's rad\r\nrad två";
        (await f.Approver.RejectAsync(id, reason)).ShouldBe(HttpStatusCode.OK);

        var (bytes, response) = await DownloadAsync(f.Admin, $"/api/v1/audit.csv?noticeId={id}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        var rows = Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));

        Assert.Equal(Header, rows[0]);
        var api = (await f.Admin.SendAsync(HttpMethod.Get, $"/api/v1/audit?noticeId={id}")).ShouldBe(HttpStatusCode.OK).Json!.AsArray();
        Assert.Equal(api.Select(e => e!["seq"]!.ToString()), rows.Skip(1).Select(r => r[0]));
        Assert.All(rows.Skip(1), r => Assert.Equal(id, r[5]));
        Assert.Equal(["notice.rejected", "notice.submitted", "notice.created"], rows.Skip(1).Select(r => r[4]));
        var rejected = rows[1];
        Assert.Equal("'" + reason, rejected[7]); // starts with '=': a spreadsheet shows it, never runs it
        Assert.Equal("bosse", rejected[2]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?\+0[12]:00$", rejected[1]); // Sweden's offset: winter +01, summer +02
        Assert.Equal(DateTimeOffset.Parse(api[0]!["at"]!.GetValue<string>()), DateTimeOffset.Parse(rejected[1]));
    }

    [Fact]
    public async Task TheExportFiltersByIncidentActorAndTimeLikeTheLog()
    {
        var id = await f.Author.DraftAndSubmitAsync(SampleNotices.Water(headline: "Export per händelse"));
        var incident = (await f.Author.GetAsync(id)).Json!["incidentId"]!.GetValue<string>();
        (await f.Approver.RejectAsync(id, "Annan händelse")).ShouldBe(HttpStatusCode.OK);
        var entries = (await f.Admin.SendAsync(HttpMethod.Get, $"/api/v1/audit?incidentId={incident}")).Json!.AsArray();
        var submittedAt = entries.Single(e => e!["action"]!.GetValue<string>() == "notice.submitted")!["at"]!.GetValue<string>();

        var byIncident = await RowsAsync(f.Admin, $"/api/v1/audit.csv?incidentId={incident}");
        Assert.Equal(["notice.rejected", "notice.submitted", "notice.created"], byIncident.Select(r => r[4]));
        Assert.All(byIncident, r => Assert.Equal(incident, r[6]));

        var byActor = await RowsAsync(f.Admin, $"/api/v1/audit.csv?incidentId={incident}&actor=bosse");
        Assert.Equal(["notice.rejected"], byActor.Select(r => r[4]));

        var until = await RowsAsync(f.Admin, $"/api/v1/audit.csv?incidentId={incident}&to={Uri.EscapeDataString(submittedAt)}");
        Assert.Equal(["notice.created"], until.Select(r => r[4]));
        var since = await RowsAsync(f.Admin, $"/api/v1/audit.csv?incidentId={incident}&from={Uri.EscapeDataString(submittedAt)}");
        Assert.Equal(["notice.rejected", "notice.submitted"], since.Select(r => r[4]));
    }

    [Fact]
    public async Task OnlyAuditReadersMayExportAndABadFilterIsRefusedByName()
    {
        (await f.Staff.SendAsync(HttpMethod.Get, "/api/v1/audit.csv")).ShouldBe(HttpStatusCode.Forbidden);
        (await f.Author.SendAsync(HttpMethod.Get, "/api/v1/audit.csv")).ShouldBe(HttpStatusCode.Forbidden);
        using (var anonymous = new HttpClient { BaseAddress = f.Address })
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/audit.csv")).StatusCode);
        (await f.Approver.SendAsync(HttpMethod.Get, "/api/v1/audit.csv?limit=1")).ShouldBe(HttpStatusCode.OK);

        foreach (var (query, field) in new[] { ("from=igår", "from"), ("to=2026-13-01", "to"), ("before=0", "before"), ("before=x", "before") })
        {
            var refused = (await f.Admin.SendAsync(HttpMethod.Get, $"/api/v1/audit.csv?{query}")).ShouldBe(HttpStatusCode.BadRequest);
            Assert.Equal("application/problem+json", refused.ContentType);
            Assert.NotNull(refused.Json!["errors"]![field]);
        }
    }

    private static async Task<List<string[]>> RowsAsync(Officer officer, string path)
    {
        var (bytes, _) = await DownloadAsync(officer, path);
        return Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)).Skip(1).ToList();
    }

    private static async Task<(byte[] Bytes, HttpResponseMessage Response)> DownloadAsync(Officer officer, string path)
    {
        var response = await officer.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsByteArrayAsync(), response);
    }

    /// <summary>RFC 4180 as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks; rows end in CRLF.</summary>
    private static List<string[]> Parse(string csv)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add([.. row]);
                row.Clear();
                i++;
            }
            else field.Append(c);
        }
        Assert.True(field.Length == 0 && row.Count == 0, "the last row ends with CRLF");
        return rows;
    }
}
