using CrisisComms.Server.Configuration;
using Serilog.Events;

namespace CrisisComms.Server.Tests;

/// <summary>What the log enricher blanks, and what it leaves alone.</summary>
public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("?audience=intranet&access_token=eyJ.abc.def", "?audience=intranet&access_token=[redacted]")]
    [InlineData("/console/?code=Xy12&state=s1", "/console/?code=[redacted]&state=s1")]
    [InlineData("?ACCESS_TOKEN=a&id=7", "?ACCESS_TOKEN=[redacted]&id=7")]
    [InlineData("/api/v1/notices?state=live&errorcode=5", "/api/v1/notices?state=live&errorcode=5")]
    public void TokensAndCodesInAddressesAreBlanked(string text, string logged) =>
        Assert.Equal(logged, SecretRedaction.Redact(text));

    [Fact]
    public void ANestedUriIsBlankedAndAnUntouchedValueIsKept()
    {
        var nested = new StructureValue([new LogEventProperty("Uri", new ScalarValue(new Uri("https://graph.example/1?access_token=page-token")))]);
        var redacted = Assert.IsType<StructureValue>(SecretRedaction.Redact(nested));
        Assert.Equal("https://graph.example/1?access_token=[redacted]", ((ScalarValue)redacted.Properties[0].Value).Value);

        var plain = new ScalarValue("/api/v1/banners?audience=public");
        Assert.Same(plain, SecretRedaction.Redact(plain));
    }
}
