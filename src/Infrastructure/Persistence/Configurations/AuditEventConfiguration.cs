using AlexaLinkHub.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlexaLinkHub.Infrastructure.Persistence.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.ToTable("AuditEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        // No foreign key to Tenants: the audit trail outlives what it describes (an offboarded tenant's trail is
        // trimmed by retention, not by cascade).
        // The log is read newest first and keyset-paged by (time, id): one index serves the order and the cursor.
        builder.HasIndex(e => new { e.TenantId, e.OccurredAt, e.Id });
        builder.Property(e => e.Actor).HasMaxLength(200).IsRequired();
        builder.Property(e => e.Action).HasMaxLength(100).IsRequired();
        builder.Property(e => e.Target).HasMaxLength(300).IsRequired();
        builder.Property(e => e.Details).HasMaxLength(AuditEvent.DetailsMaxLength);
        builder.Property(e => e.SourceIp).HasMaxLength(64);
    }
}
