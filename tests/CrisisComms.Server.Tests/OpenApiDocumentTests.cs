using System.Text.Json.Nodes;
using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests;

/// <summary>The API's documentation is generated, and the copy in docs/ is kept current by this test.</summary>
[Collection(CrisisServerCollection.Name)]
public sealed class OpenApiDocumentTests(CrisisServerFixture f)
{
    [Fact]
    public async Task TheCommittedOpenApiDocumentMatchesTheServedOne()
    {
        using var http = f.Server.CreateClient();
        var served = JsonNode.Parse(await http.GetStringAsync("/openapi/v1.json"))!;
        var paths = served["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/notices/{id}/approve", paths);
        Assert.Contains("/api/v1/banners", paths);

        // The served document names the host and port it was asked on; that part is not the API.
        served.AsObject().Remove("servers");
        var committed = Path.Combine(ServerBuild.RepositoryRoot, "docs", "openapi.json");
        var pretty = served.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1") await File.WriteAllTextAsync(committed, pretty);
        Assert.True(File.Exists(committed), "docs/openapi.json is missing: run the tests once with UPDATE_DOCS=1");
        Assert.True(pretty == await File.ReadAllTextAsync(committed),
            "docs/openapi.json is out of date: run the tests with UPDATE_DOCS=1 and commit it");
    }
}
