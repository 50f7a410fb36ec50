using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Domain.UnitTests.Users;

/// <summary>An import's life: staged while receiving, queued, applied chunk by chunk under a lease, completed; counts
/// that always add up, and at most 100 errors kept.</summary>
public class UserImportTests
{
    private static UserImport Staged(int chunks)
    {
        var import = UserImport.Start(Guid.NewGuid(), UserImportFormat.Ndjson, dryRun: false, "api-key:alh_test", TestTime.Now);
        for (var i = 0; i < chunks; i++)
            import.ChunkStaged(10);
        import.Queue(TestTime.Now);
        return import;
    }

    [Fact]
    public void Chunks_AppliedUnderTheLease_CompleteTheImportWithTheirCounts()
    {
        var import = Staged(2);
        var lease = Guid.NewGuid();

        Assert.True(import.TryLease(lease, TestTime.Now, TimeSpan.FromMinutes(5)));
        import.ChunkApplied(10, 7, 2, 1, [(3, "email", "bad")], TestTime.Now);
        Assert.Equal(UserImportStatus.Running, import.Status);
        Assert.True(import.TryLease(lease, TestTime.Now, TimeSpan.FromMinutes(5)));
        import.ChunkApplied(10, 10, 0, 0, [], TestTime.Now.AddSeconds(1));

        Assert.Equal((UserImportStatus.Completed, 20L, 17L, 2L, 1L, 20L), (import.Status, import.Read, import.Created, import.Updated, import.Failed, import.Total));
        Assert.Equal((3L, "email"), (import.Errors.Single().Line!.Value, import.Errors.Single().Field));
        Assert.False(import.TryLease(lease, TestTime.Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Lease_HeldByAnotherWorker_IsRefusedUntilItRunsOut()
    {
        var import = Staged(1);
        Assert.True(import.TryLease(Guid.NewGuid(), TestTime.Now, TimeSpan.FromMinutes(5)));

        Assert.False(import.TryLease(Guid.NewGuid(), TestTime.Now.AddMinutes(4), TimeSpan.FromMinutes(5)));
        Assert.True(import.TryLease(Guid.NewGuid(), TestTime.Now.AddMinutes(6), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void ChunkApplied_CountsThatDoNotAddUp_AreRefused()
    {
        var import = Staged(1);
        import.TryLease(Guid.NewGuid(), TestTime.Now, TimeSpan.FromMinutes(5));

        Assert.Throws<DomainException>(() => import.ChunkApplied(10, 5, 4, 0, [], TestTime.Now));
    }

    [Fact]
    public void Errors_KeepTheFirstHundred_ButEveryFailureIsCounted()
    {
        var import = UserImport.Start(Guid.NewGuid(), UserImportFormat.Csv, dryRun: true, "admin:ann", TestTime.Now);
        for (var line = 2; line < 250; line++)
            import.RowRefused(line, null, "too long");

        Assert.Equal((UserImport.MaxErrors, 248L, 248L), (import.Errors.Count, import.Failed, import.Read));
        Assert.Equal(101L, import.Errors[^1].Line);
    }

    [Fact]
    public void Queue_AnEmptyFile_IsCompletedAtOnce_AndAFailureIsFinal()
    {
        var empty = Staged(0);
        var failed = UserImport.Start(Guid.NewGuid(), UserImportFormat.Csv, false, "admin:ann", TestTime.Now);

        failed.Fail(1, "email", "no email column", TestTime.Now);

        Assert.Equal(UserImportStatus.Completed, empty.Status);
        Assert.Equal(UserImportStatus.Failed, failed.Status);
        Assert.Throws<DomainException>(() => failed.ChunkStaged(1));
    }
}
