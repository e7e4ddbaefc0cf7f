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

        // Who may call what is in the document, read from the authorization policies.
        var approve = served["paths"]!["/api/v1/notices/{id}/approve"]!["post"]!;
        Assert.Equal("bearer", served["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        Assert.NotNull(approve["security"]![0]!["bearer"]);
        Assert.Contains("one of the roles: approver, director.", approve["description"]!.GetValue<string>());
        Assert.Null(served["paths"]!["/api/v1/auth/token"]!["post"]!["security"]);

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
