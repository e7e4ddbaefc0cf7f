using CrisisComms.Social.Tests.Support;
using CrisisComms.Testing.Fakes;

namespace CrisisComms.Social.Tests;

public sealed class MastodonLimitComesFromTheInstance : IAsyncLifetime
{
    private FakeMastodon mastodon = null!;

    public async Task InitializeAsync() => mastodon = await FakeMastodon.StartAsync();

    public async Task DisposeAsync() => await mastodon.DisposeAsync();

    [Fact]
    public async Task ThePreviewFitsTheInstancesMaxCharacters()
    {
        mastodon.MaxCharacters = 90;
        using var channels = Channels.For(mastodon.Configuration());

        var preview = await channels["mastodon"].PreviewAsync(Sample.Message);

        Assert.Equal(90, preview.Limit);
        Assert.True(preview.Length <= 90, $"{preview.Length} > 90");
        Assert.True(mastodon.Length(preview.Text) <= 90, "the instance would count it longer");
        Assert.EndsWith("…\n\n" + Sample.Link, preview.Text);
    }

    [Fact]
    public async Task ALinkCountsWhatTheInstanceReservesForIt()
    {
        mastodon.CharactersReservedPerUrl = 10;
        using var channels = Channels.For(mastodon.Configuration());

        var preview = await channels["mastodon"].PreviewAsync(Sample.Message);

        Assert.Equal(preview.Text.Length - Sample.Link.Length + 10, preview.Length);
    }

    [Fact]
    public async Task TheInstanceIsAskedOnceForManyPosts()
    {
        using var channels = Channels.For(mastodon.Configuration());

        await channels["mastodon"].PreviewAsync(Sample.Message);
        await channels["mastodon"].PreviewAsync(Sample.Update);
        await channels["mastodon"].PostAsync(Sample.Message, Sample.Key());

        Assert.Equal(1, mastodon.InstanceRequests);
    }

    [Fact]
    public async Task AnInstanceThatCannotBeReachedMeansMastodonsDefault500()
    {
        var gone = await FakeMastodon.StartAsync();
        var settings = gone.Configuration().ToList();
        await gone.DisposeAsync();
        using var channels = Channels.For(settings);

        var preview = await channels["mastodon"].PreviewAsync(Sample.Message with { Lead = new string('a', 600) });

        Assert.Equal(500, preview.Limit);
        Assert.True(preview.Length <= 500);
    }
}
