using CrisisComms.Testing.Server;

namespace CrisisComms.Server.Tests.Import;

public sealed class VmaConfigurationTests
{
    [Theory]
    [InlineData("5")]
    [InlineData("abc")]
    [InlineData("0580,123")]
    public async Task AGeocodeThatIsNotTwoOrFourDigitsStopsTheServiceNamingTheKey(string geocodes)
    {
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            ServerProcess.StartAsync(new Dictionary<string, string?> { ["CrisisComms:Import:Vma:Geocodes"] = geocodes }));
        Assert.Contains("CrisisComms:Import:Vma:Geocodes", failure.Message);
    }
}
