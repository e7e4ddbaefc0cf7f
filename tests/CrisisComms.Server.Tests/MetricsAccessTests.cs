using System.Net;
using CrisisComms.Server.Metrics;

namespace CrisisComms.Server.Tests;

/// <summary>Who may read /metrics, decided on the caller's address alone.</summary>
public sealed class MetricsAccessTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.2")]
    [InlineData("::1")]
    [InlineData("10.1.2.3")]
    [InlineData("::ffff:10.1.2.3")]
    [InlineData("192.168.7.200")]
    public void LoopbackAndTheListedNetworksMayRead(string caller) =>
        Assert.True(Access("10.0.0.0/8, 192.168.7.0/24").Allows(IPAddress.Parse(caller)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("192.168.8.1")]
    [InlineData("2001:db8::1")]
    [InlineData("::ffff:172.16.0.1")]
    public void EveryoneElseIsRefused(string caller) =>
        Assert.False(Access("10.0.0.0/8, 192.168.7.0/24").Allows(IPAddress.Parse(caller)));

    [Fact]
    public void WithNothingListedOnlyLoopbackMayRead()
    {
        Assert.True(Access(null).Allows(IPAddress.Loopback));
        Assert.False(Access(null).Allows(IPAddress.Parse("10.0.0.1")));
        Assert.False(Access(null).Allows(null));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("prometheus")]
    [InlineData("10.0.0.0/8,nonsense")]
    public void ANetworkThatIsNotCidrIsABadConfiguration(string allowFrom) =>
        Assert.False(MetricsAccess.IsValid(new MetricsOptions { AllowFrom = allowFrom }));

    private static MetricsAccess Access(string? allowFrom) => new(new MetricsOptions { AllowFrom = allowFrom });
}
