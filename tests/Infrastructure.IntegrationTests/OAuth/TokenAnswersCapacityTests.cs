using AlexaLinkHub.Infrastructure.Caching;
using AlexaLinkHub.Infrastructure.OAuth;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Infrastructure.IntegrationTests.OAuth;

/// <summary>The fast path's answer cache stays within its capacity when more distinct tokens cycle through it than it
/// holds (the scale bench at 1 M tokens), keeps answering what it holds, and keeps nothing when configured to.</summary>
public sealed class TokenAnswersCapacityTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void MoreDistinctTokensThanCapacity_StayWithinIt_AndTheNewestIsKept()
    {
        var clock = new ChangeClock();
        var answers = new TokenAnswers(clock, Options.Create(new OAuthOptions { TokenAnswerCapacity = 100 }));
        var tenant = Guid.NewGuid();
        TokenAnswers.Key last = default;
        for (var i = 0; i < 1_000; i++)
        {
            last = TokenAnswers.Key.Of(tenant, $"token-{i}")!.Value;
            answers.Introspection.Remember(last, AnswerAt(clock.Now));
            Assert.InRange(answers.Introspection.Count, 1, 100);
        }
        Assert.NotNull(answers.Introspection.Find(last, "https://example.test", Now));
    }

    [Fact]
    public void CapacityZero_KeepsNothing()
    {
        var clock = new ChangeClock();
        var answers = new TokenAnswers(clock, Options.Create(new OAuthOptions { TokenAnswerCapacity = 0 }));
        var key = TokenAnswers.Key.Of(Guid.NewGuid(), "token")!.Value;
        answers.UserInfo.Remember(key, AnswerAt(clock.Now));
        Assert.Equal(0, answers.UserInfo.Count);
        Assert.Null(answers.UserInfo.Find(key, "https://example.test", Now));
    }

    private static TokenAnswers.Answer AnswerAt(long readAt) =>
        new("skill", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Now.AddHours(1),
            "https://example.test", readAt + 1, [1]);
}
