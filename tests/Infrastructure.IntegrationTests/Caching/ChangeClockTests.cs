using AlexaLinkHub.Infrastructure.Caching;

namespace AlexaLinkHub.Infrastructure.IntegrationTests.Caching;

/// <summary>The change clock's ordering (docs/decisions/014): what is read after a change is current, what was read
/// before it (or raced it) is stale.</summary>
public sealed class ChangeClockTests
{
    private static readonly Guid User = Guid.NewGuid();
    private static readonly Guid Skill = Guid.NewGuid();

    [Fact]
    public void AReadAfterAFlush_IsCurrent_EvenWhenNothingChangesAfterIt()
    {
        var clock = new ChangeClock();
        var before = clock.Now;
        clock.TouchAll(); // what the change feed's poller does at start and after an outage

        var after = clock.Now;
        Assert.False(clock.IsCurrent(before, User));
        Assert.True(clock.IsCurrent(after, User));
        Assert.True(clock.IsCurrent(clock.Now, User, Skill)); // and stays so while nothing changes
    }

    [Fact]
    public void AReadAfterAChange_IsCurrent_ForThatId_AndAReadBeforeItIsNot()
    {
        var clock = new ChangeClock();
        var before = clock.Now;
        clock.Touch(User);
        var after = clock.Now;

        Assert.False(clock.IsCurrent(before, User));
        Assert.True(clock.IsCurrent(before, Skill)); // other ids are not affected
        Assert.True(clock.IsCurrent(after, User));
        Assert.True(clock.IsCurrent(after, Skill, User));
    }

    [Fact]
    public void AnyInterleaving_AReadIsCurrentExactlyWhenNothingItDependsOnChangedAfterIt()
    {
        var random = new Random(20261202);
        var ids = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        var clock = new ChangeClock();
        var reads = new List<(long At, Guid Id, int Step)>();
        var changes = new List<(Guid? Id, int Step)>(); // null: everything
        for (var step = 0; step < 2_000; step++)
        {
            switch (random.Next(10))
            {
                case 0: clock.TouchAll(); changes.Add((null, step)); break;
                case < 4: var id = ids[random.Next(ids.Length)]; clock.Touch(id); changes.Add((id, step)); break;
                default: reads.Add((clock.Now, ids[random.Next(ids.Length)], step)); break;
            }
            foreach (var read in reads)
            {
                var changedSince = changes.Any(c => c.Step > read.Step && (c.Id is null || c.Id == read.Id));
                Assert.Equal(!changedSince, clock.IsCurrent(read.At, read.Id));
            }
        }
    }
}
