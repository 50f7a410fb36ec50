using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlexaLinkHub.Infrastructure.Persistence.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("WebhookEndpoints");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.TenantId);
        builder.Property(e => e.Url).HasMaxLength(WebhookUrl.MaxLength).IsRequired();
        builder.Property(e => e.ProtectedSecret).HasMaxLength(1000).IsRequired();
        builder.Ignore(e => e.Events);
        builder.PrimitiveCollection<List<string>>("_events").HasColumnName("Events").IsRequired();
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("WebhookDeliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        // Deleting an endpoint deletes its log; the tenant's cascade reaches deliveries through their endpoint (SQL Server
        // allows one cascade path only).
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).OnDelete(DeleteBehavior.NoAction);
        builder.Property(d => d.EventType).HasMaxLength(100).IsRequired();
        builder.Property(d => d.Payload).IsRequired();
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        builder.Ignore(d => d.MessageId);
        builder.HasIndex(d => new { d.Status, d.NextAttemptAt });
        builder.HasIndex(d => new { d.EndpointId, d.CreatedAt });
        builder.HasIndex(d => d.TenantId);
        builder.OwnsMany(d => d.Attempts, attempt =>
        {
            attempt.ToTable("WebhookAttempts");
            attempt.WithOwner().HasForeignKey("DeliveryId");
            attempt.HasKey("DeliveryId", nameof(WebhookAttempt.Number));
            attempt.Property(a => a.Number).ValueGeneratedNever();
            attempt.Property(a => a.Error).HasMaxLength(WebhookDelivery.MaxErrorLength);
        });
        builder.Navigation(d => d.Attempts).HasField("_attempts");
    }
}
