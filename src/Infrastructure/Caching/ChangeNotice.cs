using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlexaLinkHub.Infrastructure.Caching;

/// <summary>One row per changed token, grant, user, skill or tenant, written in the same transaction as the change, so
/// other instances can drop what they cached about it (<see cref="ChangeFeedPoller"/>). Not written with SQLite (one
/// process: the change clock is touched directly). Kept for an hour.</summary>
[GlobalEntity("Change notices name rows of every tenant; they carry only an id and are read by every instance.")]
public sealed class ChangeNotice
{
    public long Id { get; set; }
    public Guid TargetId { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
}

internal sealed class ChangeNoticeConfiguration : IEntityTypeConfiguration<ChangeNotice>
{
    public void Configure(EntityTypeBuilder<ChangeNotice> builder)
    {
        builder.ToTable("ChangeNotices");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedOnAdd();
        builder.HasIndex(n => n.RecordedAt);
    }
}

/// <summary>For bulk statements, which the change tracker never sees: the caller names what it changed, in the same
/// unit of work (saved with its next SaveChanges, touched here at once and again at commit).</summary>
internal static class ChangeFeed
{
    public static void Announce(AppDbContext db, ChangeClock clock, TimeProvider time, IEnumerable<Guid> ids)
    {
        var list = ids.ToList();
        if (db.SharesDatabase)
        {
            var now = time.GetUtcNow();
            db.Set<ChangeNotice>().AddRange(list.Select(id => new ChangeNotice { TargetId = id, RecordedAt = now }));
        }
        db.PendingChanges.AddRange(list);
        foreach (var id in list)
            clock.Touch(id);
    }
}
