using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Domain.UnitTests.Users;

public sealed class EndUserErasureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Erase_OverwritesEverythingThatIdentifiesThePersonAndReturnsIt()
    {
        var user = EndUser.Create(Guid.NewGuid(), " Erin@Example.com ", "Erin Erasable", "hash", "crm-4711", Now);
        var stamp = user.SecurityStamp;

        var erased = user.Erase(Now.AddDays(1));

        Assert.Equal(["Erin@Example.com", "Erin Erasable", "crm-4711"], erased);
        Assert.Equal($"erased-{user.Id:N}@erased.invalid", user.Email);
        Assert.Equal(EmailAddress.Normalize(user.Email), user.NormalizedEmail);
        Assert.Equal((EndUser.ErasedDisplayName, (string?)null, EndUser.ErasedPasswordHash), (user.DisplayName, user.ExternalId, user.PasswordHash));
        Assert.False(user.Enabled);
        Assert.True(user.IsErased);
        Assert.Equal(Now.AddDays(1), user.ErasedAt);
        Assert.NotEqual(stamp, user.SecurityStamp);
    }

    [Fact]
    public void Erase_Twice_ChangesNothingTheSecondTime()
    {
        var user = EndUser.Create(Guid.NewGuid(), "erin@example.com", "Erin", "hash", null, Now);
        user.Erase(Now);

        Assert.Empty(user.Erase(Now.AddDays(1)));
        Assert.Equal(Now, user.ErasedAt);
    }

    [Fact]
    public void Enable_AnErasedAccount_IsRefused()
    {
        var user = EndUser.Create(Guid.NewGuid(), "erin@example.com", "Erin", "hash", null, Now);
        user.Erase(Now);

        Assert.Throws<DomainException>(user.Enable);
        Assert.False(user.Enabled);
    }
}
