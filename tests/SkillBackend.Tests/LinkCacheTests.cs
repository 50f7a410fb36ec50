namespace AlexaLinkHub.SkillBackend.Tests;

public sealed class LinkCacheTests
{
    private static LinkState Linked(string sub) => new LinkState.Linked(new LinkedUser(sub, null, null, null, [], "carfu", null, null));

    [Fact]
    public void Set_BeyondMaxEntries_DropsTheLeastRecentlyUsed()
    {
        var cache = new LinkCache(2);
        cache.Set("a", Linked("u1"), "u1", 1000, 0, cache.Epoch);
        cache.Set("b", Linked("u2"), "u2", 1000, 0, cache.Epoch);
        Assert.NotNull(cache.Get("a", 1));

        cache.Set("c", Linked("u3"), "u3", 1000, 1, cache.Epoch);

        Assert.Equal(2, cache.Count);
        Assert.Null(cache.Get("b", 2));
        Assert.NotNull(cache.Get("a", 2));
        Assert.Equal(0, cache.EvictUser("u2"));
    }

    [Fact]
    public void Get_AtTheExpiry_IsAMiss()
    {
        var cache = new LinkCache(10);
        cache.Set("a", Linked("u1"), "u1", 1100, 1000, cache.Epoch);

        Assert.NotNull(cache.Get("a", 1099));
        Assert.Null(cache.Get("a", 1100));
        Assert.False(cache.Set("b", Linked("u1"), "u1", 1000, 1000, cache.Epoch));
    }

    [Fact]
    public void EvictUser_DropsEveryTokenOfThatUserOnly()
    {
        var cache = new LinkCache(10);
        cache.Set("a1", Linked("u1"), "u1", 1000, 0, cache.Epoch);
        cache.Set("a2", Linked("u1"), "u1", 1000, 0, cache.Epoch);
        cache.Set("b", Linked("u2"), "u2", 1000, 0, cache.Epoch);

        Assert.Equal(2, cache.EvictUser("u1"));
        Assert.Null(cache.Get("a1", 1));
        Assert.Null(cache.Get("a2", 1));
        Assert.NotNull(cache.Get("b", 1));
    }

    [Fact]
    public void Set_OfAnAnswerFetchedBeforeItsUsersEviction_IsRefused()
    {
        var cache = new LinkCache(10);
        var startedAt = cache.Epoch;
        cache.EvictUser("u1");

        Assert.False(cache.Set("a", Linked("u1"), "u1", 1000, 0, startedAt));
        Assert.True(cache.Set("b", Linked("u2"), "u2", 1000, 0, startedAt));
        Assert.True(cache.Set("a", Linked("u1"), "u1", 1000, 0, cache.Epoch));
    }

    [Fact]
    public void Clear_DropsEverything_IncludingAnswersOnTheirWay()
    {
        var cache = new LinkCache(10);
        cache.Set("a", Linked("u1"), "u1", 1000, 0, cache.Epoch);
        var startedAt = cache.Epoch;

        Assert.Equal(1, cache.Clear());
        Assert.False(cache.Set("b", Linked("u2"), "u2", 1000, 0, startedAt));
    }
}
