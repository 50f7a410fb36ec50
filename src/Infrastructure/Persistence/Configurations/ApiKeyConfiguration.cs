using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AlexaLinkHub.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength).IsRequired();
        builder.Property(k => k.Prefix).HasMaxLength(32).IsRequired();
        builder.Property(k => k.KeyHash).HasMaxLength(128).IsRequired();
        builder.HasIndex(k => k.KeyHash).IsUnique();
        // Keys made before roles were stored could do everything in their tenant: they stay admins.
        builder.Property(k => k.Role).HasConversion<string>().HasMaxLength(10).HasDefaultValue(AdminRole.Admin).HasSentinel(default(AdminRole));
        builder.HasIndex(k => k.TenantId);
        builder.Ignore(k => k.IsActive);
        builder.Ignore(k => k.IsPlatformKey);
    }
}
